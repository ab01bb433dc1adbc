package org.fluxion.masterclass.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fluxion.api.hist.Binning;
import org.fluxion.api.hist.Spectrum;
import org.fluxion.unfolding.api.Diagnostics;
import org.fluxion.unfolding.api.UnfoldingResult;

/**
 * The outcome of a {@link MassGroupUnfolding}: the unfolding over the flattened (group × lg E) true
 * space, its per-group blocks and their all-particle sum (covariance Σ_g Σ_h V_gh: the blocks and the
 * correlations between groups), the efficiencies behind it, and the observed and refolded plane.
 * Immutable: arrays are owned and handed out as copies.
 */
final class MassGroupSpectra {
    /**
     * Event bookkeeping.
     *
     * @param simulated           simulated showers read
     * @param simOutsideTrue      of those, true lg E outside the true range
     * @param simOutsideGrid      of the rest, outside the observed plane (not selected)
     * @param data                measured showers read
     * @param dataOutsideGrid     of those, outside the observed plane
     * @param dataOutsideResponse of the rest, in cells no simulated shower reaches (not unfolded)
     */
    record Counts(long simulated, long simOutsideTrue, long simOutsideGrid, long data, long dataOutsideGrid,
            long dataOutsideResponse) {
    }

    private final List<MassGroup> groups;
    private final Binning lgE;
    private final Binning lgNe;
    private final Binning lgNmu;
    private final UnfoldingResult flat;
    private final double[][] simulated;
    private final double[][] selected;
    private final double[][] thrown;
    private final double[][] efficiency;
    private final boolean[][] measured;
    private final double[] plane;
    private final int[] cells;
    private final double[] refolded;
    private final double[] refoldedMcVariance;
    private final Counts counts;

    MassGroupSpectra(List<MassGroup> groups, Binning lgE, Binning lgNe, Binning lgNmu, UnfoldingResult flat,
            double[][] simulated, double[][] selected, double[][] thrown, double[][] efficiency, boolean[][] measured, double[] plane,
            int[] cells, double[] refolded, double[] refoldedMcVariance, Counts counts) {
        this.groups = List.copyOf(groups);
        this.lgE = lgE;
        this.lgNe = lgNe;
        this.lgNmu = lgNmu;
        this.flat = flat;
        this.simulated = copy(simulated);
        this.selected = copy(selected);
        this.thrown = copy(thrown);
        this.efficiency = copy(efficiency);
        this.measured = new boolean[measured.length][];
        for (int g = 0; g < measured.length; g++) {
            this.measured[g] = measured[g].clone();
        }
        this.plane = plane.clone();
        this.cells = cells.clone();
        this.refolded = refolded.clone();
        this.refoldedMcVariance = refoldedMcVariance.clone();
        this.counts = counts;
        if (flat.estimate().binning().bins() != groups.size() * lgE.bins()) {
            throw new IllegalArgumentException("the flattened result has " + flat.estimate().binning().bins()
                    + " bins but " + groups.size() + " groups x " + lgE.bins() + " energy bins were expected");
        }
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    /** @return the mass groups of the true space, in {@link MassGroup} order */
    List<MassGroup> groups() {
        return groups;
    }

    /** @return the true lg(E/eV) binning of every group */
    Binning lgEBinning() {
        return lgE;
    }

    /** @return the lg Ne binning of the observed plane */
    Binning lgNeBinning() {
        return lgNe;
    }

    /** @return the lg Nμ binning of the observed plane */
    Binning lgNmuBinning() {
        return lgNmu;
    }

    /** @return the unfolding over the flattened true space, bin t = g·nE + j */
    UnfoldingResult flattened() {
        return flat;
    }

    /** @return generated showers of group slot {@code g} per lg E bin (acceptance corrected), with covariance */
    Spectrum generated(int g) {
        return block(flat.acceptanceCorrected(), g);
    }

    /** @return selected showers of group slot {@code g} per lg E bin, with covariance */
    Spectrum selectedEstimate(int g) {
        return block(flat.estimate(), g);
    }

    private Spectrum block(Spectrum s, int g) {
        int nE = lgE.bins();
        double[] v = new double[nE];
        double[][] c = new double[nE][nE];
        double[] all = s.values();
        double[][] cov = s.covariance();
        for (int j = 0; j < nE; j++) {
            v[j] = all[g * nE + j];
            for (int l = 0; l < nE; l++) {
                c[j][l] = cov[g * nE + j][g * nE + l];
            }
        }
        return Spectrum.of(lgE, v, c, s.unit());
    }

    /**
     * @return the all-particle sum over the groups of a flattened spectrum: values Σ_g s_gj,
     *         covariance Σ_g Σ_h V[(g, j), (h, l)]
     */
    static Spectrum sum(Spectrum flat, int groups, Binning lgE) {
        int nE = lgE.bins();
        if (flat.binning().bins() != groups * nE) {
            throw new IllegalArgumentException("a flattened spectrum of " + groups + " x " + nE + " bins was expected "
                    + "but it has " + flat.binning().bins());
        }
        double[] all = flat.values(), v = new double[nE];
        double[][] cov = flat.covariance(), c = new double[nE][nE];
        for (int g = 0; g < groups; g++) {
            for (int j = 0; j < nE; j++) {
                v[j] += all[g * nE + j];
                for (int h = 0; h < groups; h++) {
                    for (int l = 0; l < nE; l++) {
                        c[j][l] += cov[g * nE + j][h * nE + l];
                    }
                }
            }
        }
        // symmetric by construction up to rounding: average the two triangles
        for (int j = 0; j < nE; j++) {
            for (int l = 0; l < j; l++) {
                double a = 0.5 * (c[j][l] + c[l][j]);
                c[j][l] = a;
                c[l][j] = a;
            }
        }
        return Spectrum.of(lgE, v, c, flat.unit());
    }

    /**
     * @return the all-particle result on the lg E binning: estimate (selected) and acceptance-corrected
     *         (generated) sums with their covariances, ±1σ intervals, posterior samples summed per sample,
     *         the unfolder's diagnostics with {@code mass_groups} added
     */
    UnfoldingResult allParticle() {
        int nG = groups.size(), nE = lgE.bins();
        Spectrum est = sum(flat.estimate(), nG, lgE), acc = sum(flat.acceptanceCorrected(), nG, lgE);
        double[] lo = new double[nE], hi = new double[nE];
        for (int j = 0; j < nE; j++) {
            lo[j] = est.value(j) - est.uncertainty(j);
            hi[j] = est.value(j) + est.uncertainty(j);
        }
        double[][] samples = new double[flat.sampleCount()][nE];
        for (int k = 0; k < samples.length; k++) {
            double[] s = flat.sample(k);
            for (int t = 0; t < s.length; t++) {
                samples[k][t % nE] += s[t];
            }
        }
        Diagnostics d = flat.diagnostics();
        Map<String, Double> extra = new LinkedHashMap<>(d.extra());
        extra.put("mass_groups", (double) nG);
        Diagnostics sumD = new Diagnostics(d.method(), d.regularisation(), d.iterations(), d.converged(),
                d.stopReason() + "; sum of " + nG + " mass groups", d.logLikelihood(), d.gradientNorm(),
                d.conditionNumber(), d.autocorrelationTime(), d.acceptanceFraction(), extra);
        return new UnfoldingResult(est, lo, hi, acc, samples, sumD);
    }

    /**
     * The weight that gives a simulated shower of group slot g in lg E bin j the unfolded composition:
     * x̂_gj / thrown_gj (unfolded generated showers per thrown simulated one). Within each bin the
     * simulation's groups then appear in the unfolded proportions. In a bin where every group was
     * unfolded to 0 the weight is 1 (the simulation's own mixture).
     *
     * @return the weight, >= 0
     */
    double compositionWeight(int g, int j) {
        int nE = lgE.bins();
        double[] x = flat.acceptanceCorrected().values();
        double sum = 0;
        for (int h = 0; h < groups.size(); h++) {
            sum += Math.max(x[h * nE + j], 0);
        }
        return sum > 0 ? Math.max(x[g * nE + j], 0) / thrown[g][j] : 1.0;
    }

    /** @return simulated showers per [group slot][lg E bin], selected or not (a copy) */
    double[][] simulated() {
        return copy(simulated);
    }

    /** @return unweighted selected simulated showers per [group slot][lg E bin] (a copy) */
    double[][] selected() {
        return copy(selected);
    }

    /** @return thrown simulated showers per [group slot][lg E bin] (a copy) */
    double[][] thrown() {
        return copy(thrown);
    }

    /** @return selection efficiency per [group slot][lg E bin] (a copy) */
    double[][] efficiency() {
        return copy(efficiency);
    }

    /**
     * @return whether bin j of group slot g was unfolded (it has a selected simulated shower); bins that
     *         were not are 0 ± 0 in every spectrum, and the all-particle sum there misses that group
     */
    boolean measured(int g, int j) {
        return measured[g][j];
    }

    /** @return per lg E bin the symbols of the groups not measured there, "" where all were */
    String[] missingGroups() {
        String[] out = new String[lgE.bins()];
        for (int j = 0; j < out.length; j++) {
            StringBuilder b = new StringBuilder();
            for (int g = 0; g < groups.size(); g++) {
                if (!measured[g][j]) {
                    b.append(b.length() == 0 ? "" : " ").append(groups.get(g).symbol());
                }
            }
            out[j] = b.toString();
        }
        return out;
    }

    /** @return measured showers per cell ix·ny + iy of the observed plane (a copy) */
    double[] observedPlane() {
        return plane.clone();
    }

    /** @return the cells in the unfolding (those the simulation reaches), ascending (a copy) */
    int[] unfoldedCells() {
        return cells.clone();
    }

    /** @return the refolded expectation Σ_t P_it f_t per unfolded cell (a copy) */
    double[] refolded() {
        return refolded.clone();
    }

    /**
     * @return per unfolded cell the variance of the refolded expectation from the simulation's statistics,
     *         Σ_t f_t² Σw²_it / (Σ_i w_it)² (a copy)
     */
    double[] refoldedMcVariance() {
        return refoldedMcVariance.clone();
    }

    /** @return the event bookkeeping */
    Counts counts() {
        return counts;
    }
}
