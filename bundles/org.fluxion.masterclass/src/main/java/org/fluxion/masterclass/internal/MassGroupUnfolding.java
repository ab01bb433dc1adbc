package org.fluxion.masterclass.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.fluxion.api.hist.Binning;
import org.fluxion.api.hist.ResponseMatrix;
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
 * simulation reaches enter the problem. Stateless; single-threaded apart from what the unfolder does.
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
     * @throws IllegalArgumentException if a (group, lg E) bin has no selected simulated shower, naming it
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
        double[][] selected = new double[nG][nE];
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
        for (int g = 0; g < nG; g++) {
            for (int j = 0; j < nE; j++) {
                if (selected[g][j] == 0) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT, "no simulated %s shower with true "
                            + "lg(E/eV) in [%.3g, %.3g) lies in the observed plane lg Ne [%s, %s], lg Nmu [%s, %s]: "
                            + "this bin cannot be unfolded; raise lg_e_min, use fewer lg_e_bins or widen the plane",
                            groups.get(g).symbol(), lgE.edge(j), lgE.edge(j + 1), lgNe.low(), lgNe.high(), lgNmu.low(),
                            lgNmu.high()));
                }
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

        Binning cellIndex = Binning.linear(m, 0, m), trueIndex = Binning.linear(nT, 0, nT);
        ResponseMatrix response = ResponseMatrix.of(cellIndex, trueIndex, rc, rc2);
        UnfoldingProblem problem = UnfoldingProblem.builder(response, observed).efficiency(effFlat, thrownFlat).build();
        UnfoldingResult result = unfolder.unfold(problem, context);
        if (result.acceptanceCorrected() == null) {
            throw new IllegalStateException("unfolder '" + result.diagnostics().method() + "' returned no "
                    + "acceptance-corrected spectrum although efficiencies were given");
        }
        double[][] p = problem.probabilities();
        double[] f = result.estimate().values(), refolded = new double[m];
        for (int i = 0; i < m; i++) {
            double s = 0;
            for (int t = 0; t < nT; t++) {
                s += p[i][t] * f[t];
            }
            refolded[i] = s;
        }
        return new MassGroupSpectra(groups, lgE, lgNe, lgNmu, result, selected, thrown, efficiency, plane, cells,
                refolded, new MassGroupSpectra.Counts(n, simOutsideTrue, simOutsideGrid, dataLgNe.length, dataOutsideGrid,
                        (long) dataOutsideResponse));
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
