package org.fluxion.masterclass.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.fluxion.api.hist.Binning;
import org.fluxion.api.hist.ResponseMatrix;
import org.fluxion.api.hist.Spectrum;
import org.fluxion.unfolding.api.Unfolder;
import org.fluxion.unfolding.api.UnfoldingContext;
import org.fluxion.unfolding.api.UnfoldingException;
import org.fluxion.unfolding.api.UnfoldingProblem;
import org.fluxion.unfolding.api.UnfoldingResult;

/**
 * The 2-D unfolding of KASCADE (Antoni et al., Astropart. Phys. 24 (2005) 1; PHYSICS.md §4): the
 * observed (lg Ne, lg Nμ) plane, flattened to cells, against a true space of (mass group, lg E) bins,
 * flattened group by group. The response is filled from the simulation per primary; the efficiency
 * of every (group, lg E) bin is the simulation's selected showers over the thrown ones, the thrown
 * ones following the E^-γ generation spectrum normalised per group on the bins above the energy where
 * the selection is complete (the KCDC simulation does not record the number thrown). Only cells the
 * simulation reaches enter the problem, and only (group, lg E) bins with at least one selected simulated
 * shower (the others, e.g. heavy primaries at the lowest energies, cannot be seen: they are reported as not
 * measured, with 0 ± 0). Stateless; single-threaded apart from what the unfolder does.
 */
final class MassGroupUnfolding {
    private MassGroupUnfolding() {
    }

    /**
     * The simulation's E^-γ generation spectrum on a lg E axis (the same for every primary).
     *
     * @param index               γ
     * @param lgEMin              lower limit, lg(E/eV)
     * @param lgEMax              upper limit, lg(E/eV), > lgEMin
     * @param fullEfficiencyAbove lg(E/eV) above which every thrown shower is selected
     */
    record Generation(double index, double lgEMin, double lgEMax, double fullEfficiencyAbove) {
        /** @return per lg E bin the fraction of the generated showers in it (0 outside the generation range) */
        double[] fractions(Binning lgE) {
            double total = integral(lgEMin, lgEMax);
            double[] f = new double[lgE.bins()];
            for (int j = 0; j < f.length; j++) {
                double a = Math.max(lgE.edge(j), lgEMin), b = Math.min(lgE.edge(j + 1), lgEMax);
                f[j] = b > a ? integral(a, b) / total : 0.0;
            }
            return f;
        }

        /** @return ∫ E^-γ dE between lg E = a and b (E in units of 10^a, which cancels in ratios of same a) */
        private double integral(double a, double b) {
            double ea = Math.pow(10, a), eb = Math.pow(10, b);
            if (Math.abs(index - 1) < 1e-12) {
                return Math.log(eb / ea);
            }
            double p = 1 - index;
            return Math.pow(ea, p) * Math.expm1(p * Math.log(eb / ea)) / p;
        }
    }

    /**
     * The simulated showers.
     *
     * @param lgNe   lg Ne per shower
     * @param lgNmu  lg Nμ per shower
     * @param lgE    true lg(E/eV) per shower
     * @param group  {@link MassGroup} ordinal per shower
     * @param weight response weight per shower (within-bin spectral shape), or null for 1
     */
    record Simulation(double[] lgNe, double[] lgNmu, double[] lgE, int[] group, double[] weight) {
        Simulation {
            int n = lgNe.length;
            if (lgNmu.length != n || lgE.length != n || group.length != n || weight != null && weight.length != n) {
                throw new IllegalArgumentException("simulation arrays differ in length: lgNe " + n + ", lgNmu "
                        + lgNmu.length + ", lgE " + lgE.length + ", group " + group.length + ", weight "
                        + (weight == null ? "none" : weight.length));
            }
        }
    }

    /**
     * Fills the response and the observed plane, derives the efficiencies and unfolds.
     *
     * @param lgNe       lg Ne binning of the observed plane
     * @param lgNmu      lg Nμ binning
     * @param lgE        true lg(E/eV) binning of every group
     * @param generation the generation spectrum
     * @param sim        the simulated showers; the groups present define the true space
     * @param dataLgNe   lg Ne of the measured showers
     * @param dataLgNmu  lg Nμ of the measured showers (same length)
     * @param unfolder   the configured unfolder
     * @param context    seed, threads, progress of the unfolding
     * @throws IllegalArgumentException if no simulated shower at all lies in the plane and the true range
     * @throws UnfoldingException       as the unfolder throws
     */
    static MassGroupSpectra unfold(Binning lgNe, Binning lgNmu, Binning lgE, Generation generation, Simulation sim,
            double[] dataLgNe, double[] dataLgNmu, Unfolder unfolder, UnfoldingContext context)
            throws UnfoldingException {
        if (dataLgNe.length != dataLgNmu.length) {
            throw new IllegalArgumentException("data arrays differ in length: lgNe " + dataLgNe.length + ", lgNmu "
                    + dataLgNmu.length);
        }
        int nx = lgNe.bins(), ny = lgNmu.bins(), nCells = nx * ny, nE = lgE.bins();
        List<MassGroup> groups = presentGroups(sim.group());
        int[] slot = new int[MassGroup.values().length];
        java.util.Arrays.fill(slot, -1);
        for (int g = 0; g < groups.size(); g++) {
            slot[groups.get(g).ordinal()] = g;
        }
        int nG = groups.size(), nT = nG * nE;

        // response per (cell, group × lg E), unweighted selected showers per true bin
        double[][] counts = new double[nCells][], counts2 = new double[nCells][];
        double[][] selected = new double[nG][nE], simulated = new double[nG][nE];
        long simOutsideTrue = 0, simOutsideGrid = 0;
        int n = sim.lgNe().length;
        for (int k = 0; k < n; k++) {
            if ((k & 0xFFFF) == 0) {
                context.progress().checkCancelled();
            }
            int j = lgE.findBin(sim.lgE()[k]);
            if (j < 0 || j >= nE) {
                simOutsideTrue++;
                continue;
            }
            simulated[slot[sim.group()[k]]][j] += 1;
            int c = cell(lgNe, lgNmu, sim.lgNe()[k], sim.lgNmu()[k]);
            if (c < 0) {
                simOutsideGrid++;
                continue;
            }
            double w = sim.weight() == null ? 1.0 : sim.weight()[k];
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("simulated shower " + (k + 1) + " has weight " + w
                        + "; expected finite >= 0");
            }
            int g = slot[sim.group()[k]], t = g * nE + j;
            if (counts[c] == null) {
                counts[c] = new double[nT];
                counts2[c] = new double[nT];
            }
            counts[c][t] += w;
            counts2[c][t] += w * w;
            selected[g][j] += 1;
        }
        // a (group, energy) bin without a selected simulated shower cannot be seen (ε ≈ 0): it stays out of
        // the unfolding and is reported as not measured
        boolean[][] measured = new boolean[nG][nE];
        int nMeasured = 0;
        for (int g = 0; g < nG; g++) {
            for (int j = 0; j < nE; j++) {
                measured[g][j] = selected[g][j] > 0;
                nMeasured += measured[g][j] ? 1 : 0;
            }
        }
        if (nMeasured == 0) {
            throw new org.fluxion.api.workflow.InvalidSettingsException("lg_e_min", String.format(Locale.ROOT,
                    "no simulated shower with true lg(E/eV) in "
                    + "[%s, %s] lies in the observed plane lg Ne [%s, %s], lg Nmu [%s, %s]: nothing can be unfolded",
                    lgE.low(), lgE.high(), lgNe.low(), lgNe.high(), lgNmu.low(), lgNmu.high()));
        }
        int[] column = new int[nMeasured]; // reduced true index -> flattened true index
        for (int t = 0, q = 0; t < nT; t++) {
            if (measured[t / nE][t % nE]) {
                column[q++] = t;
            }
        }

        // observed plane
        double[] plane = new double[nCells];
        long dataOutsideGrid = 0;
        for (int k = 0; k < dataLgNe.length; k++) {
            int c = cell(lgNe, lgNmu, dataLgNe[k], dataLgNmu[k]);
            if (c < 0) {
                dataOutsideGrid++;
            } else {
                plane[c] += 1;
            }
        }
        // the cells the simulation reaches
        int m = 0;
        for (double[] row : counts) {
            m += row == null ? 0 : 1;
        }
        int[] cells = new int[m];
        double[][] rc = new double[m][], rc2 = new double[m][];
        double[] observed = new double[m];
        double dataOutsideResponse = 0;
        for (int c = 0, i = 0; c < nCells; c++) {
            if (counts[c] == null) {
                dataOutsideResponse += plane[c];
                continue;
            }
            cells[i] = c;
            rc[i] = counts[c];
            rc2[i] = counts2[c];
            observed[i] = plane[c];
            i++;
        }

        // efficiencies: thrown per group normalised on the fully efficient bins
        double[] fraction = generation.fractions(lgE);
        double[][] thrown = new double[nG][nE], efficiency = new double[nG][nE];
        double[] effFlat = new double[nT], thrownFlat = new double[nT];
        for (int g = 0; g < nG; g++) {
            double sel = 0, frac = 0;
            for (int j = 0; j < nE; j++) {
                if (lgE.edge(j) >= generation.fullEfficiencyAbove()) {
                    sel += selected[g][j];
                    frac += fraction[j];
                }
            }
            if (!(frac > 0)) {
                throw new IllegalArgumentException("no lg E bin starts at or above full_efficiency_above = "
                        + generation.fullEfficiencyAbove() + " (bins " + lgE + ")");
            }
            double scale = sel / frac;
            for (int j = 0; j < nE; j++) {
                thrown[g][j] = scale * fraction[j];
                boolean plateau = lgE.edge(j) >= generation.fullEfficiencyAbove();
                efficiency[g][j] = plateau ? 1.0 : Math.min(1.0, selected[g][j] / thrown[g][j]);
                effFlat[g * nE + j] = efficiency[g][j];
                thrownFlat[g * nE + j] = thrown[g][j];
            }
        }

        Binning cellIndex = Binning.linear(m, 0, m), reducedIndex = Binning.linear(nMeasured, 0, nMeasured);
        double[][] rr = new double[m][nMeasured], rr2 = new double[m][nMeasured];
        double[] effR = new double[nMeasured], thrownR = new double[nMeasured];
        for (int q = 0; q < nMeasured; q++) {
            int t = column[q];
            for (int i = 0; i < m; i++) {
                rr[i][q] = rc[i][t];
                rr2[i][q] = rc2[i][t];
            }
            effR[q] = effFlat[t];
            thrownR[q] = thrownFlat[t];
        }
        ResponseMatrix response = ResponseMatrix.of(cellIndex, reducedIndex, rr, rr2);
        UnfoldingProblem problem = UnfoldingProblem.builder(response, observed).efficiency(effR, thrownR).build();
        UnfoldingResult reduced = unfolder.unfold(problem, context);
        if (reduced.acceptanceCorrected() == null) {
            throw new IllegalStateException("unfolder '" + reduced.diagnostics().method() + "' returned no "
                    + "acceptance-corrected spectrum although efficiencies were given");
        }
        double[][] p = problem.probabilities();
        double[] f = reduced.estimate().values(), refolded = new double[m], refoldedMcVariance = new double[m];
        double[] colSum = response.columnSums();
        for (int i = 0; i < m; i++) {
            double s = 0, v = 0;
            for (int q = 0; q < nMeasured; q++) {
                s += p[i][q] * f[q];
                // the simulation's statistics: var(P_iq) ≈ Σw²_iq / (Σ_i w_iq)² (column normalisation neglected)
                v += f[q] * f[q] * rr2[i][q] / (colSum[q] * colSum[q]);
            }
            refolded[i] = s;
            refoldedMcVariance[i] = v;
        }
        UnfoldingResult result = expand(reduced, column, Binning.linear(nT, 0, nT));
        return new MassGroupSpectra(groups, lgE, lgNe, lgNmu, result, simulated, selected, thrown, efficiency, measured, plane,
                cells, refolded, refoldedMcVariance, new MassGroupSpectra.Counts(n, simOutsideTrue, simOutsideGrid, dataLgNe.length,
                        dataOutsideGrid, (long) dataOutsideResponse));
    }

    /** @return the result on the full flattened space: bins not in {@code column} are 0 with variance 0 */
    private static UnfoldingResult expand(UnfoldingResult r, int[] column, Binning full) {
        int n = full.bins();
        double[] lo = new double[n], hi = new double[n], rl = r.lower(), rh = r.upper();
        for (int q = 0; q < column.length; q++) {
            lo[column[q]] = rl[q];
            hi[column[q]] = rh[q];
        }
        double[][] samples = new double[r.sampleCount()][n];
        for (int k = 0; k < samples.length; k++) {
            double[] s = r.sample(k);
            for (int q = 0; q < column.length; q++) {
                samples[k][column[q]] = s[q];
            }
        }
        return new UnfoldingResult(expand(r.estimate(), column, full), lo, hi, expand(r.acceptanceCorrected(), column,
                full), samples, r.diagnostics());
    }

    private static Spectrum expand(Spectrum s, int[] column, Binning full) {
        int n = full.bins();
        double[] v = new double[n], sv = s.values();
        double[][] c = new double[n][n], sc = s.covariance();
        for (int q = 0; q < column.length; q++) {
            v[column[q]] = sv[q];
            for (int u = 0; u < column.length; u++) {
                c[column[q]][column[u]] = sc[q][u];
            }
        }
        return Spectrum.of(full, v, c, s.unit());
    }

    /** @return the flattened cell index ix·ny + iy, or −1 outside the plane */
    static int cell(Binning lgNe, Binning lgNmu, double ne, double nmu) {
        int ix = lgNe.findBin(ne), iy = lgNmu.findBin(nmu);
        if (ix < 0 || ix >= lgNe.bins() || iy < 0 || iy >= lgNmu.bins()) {
            return -1;
        }
        return ix * lgNmu.bins() + iy;
    }

    private static List<MassGroup> presentGroups(int[] group) {
        boolean[] seen = new boolean[MassGroup.values().length];
        for (int g : group) {
            seen[g] = true;
        }
        List<MassGroup> out = new ArrayList<>();
        for (MassGroup g : MassGroup.values()) {
            if (seen[g.ordinal()]) {
                out.add(g);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("the simulation has no showers");
        }
        return out;
    }
}
