package org.fluxion.unfolding.api;

import java.util.Objects;

import org.fluxion.api.hist.Spectrum;

/**
 * The outcome of an unfolding: the estimate with its full covariance, 68 % intervals, the
 * acceptance-corrected spectrum (when efficiencies were given), posterior samples (MCMC methods)
 * and diagnostics. Immutable; arrays are copied in and out.
 */
public final class UnfoldingResult {
    private final Spectrum estimate;
    private final double[] lower;
    private final double[] upper;
    private final Spectrum acceptanceCorrected;
    private final double[][] samples;
    private final Diagnostics diagnostics;

    /**
     * @param estimate            selected events per true bin with covariance
     * @param lower               lower edge of the 68 % interval per bin (MCMC: 15.87 % quantile)
     * @param upper               upper edge (84.13 % quantile)
     * @param acceptanceCorrected estimate / ε with propagated covariance, or null without efficiencies
     * @param samples             posterior samples [sample][true bin] (may be empty, never null)
     * @param diagnostics         how it went
     */
    public UnfoldingResult(Spectrum estimate, double[] lower, double[] upper, Spectrum acceptanceCorrected,
            double[][] samples, Diagnostics diagnostics) {
        this.estimate = Objects.requireNonNull(estimate, "estimate");
        int n = estimate.binning().bins();
        if (lower.length != n || upper.length != n) {
            throw new IllegalArgumentException("intervals need " + n + " bins but got " + lower.length + " and "
                    + upper.length);
        }
        for (int j = 0; j < n; j++) {
            if (!(lower[j] <= upper[j])) {
                throw new IllegalArgumentException("interval of bin " + j + " is [" + lower[j] + ", " + upper[j] + "]");
            }
        }
        this.lower = lower.clone();
        this.upper = upper.clone();
        this.acceptanceCorrected = acceptanceCorrected;
        double[][] s = new double[samples.length][];
        for (int k = 0; k < s.length; k++) {
            if (samples[k].length != n) {
                throw new IllegalArgumentException("sample " + k + " has " + samples[k].length + " bins, expected " + n);
            }
            s[k] = samples[k].clone();
        }
        this.samples = s;
        this.diagnostics = Objects.requireNonNull(diagnostics, "diagnostics");
    }

    /** @return selected events per true bin, with covariance */
    public Spectrum estimate() {
        return estimate;
    }

    /** @return lower 68 % interval edges (a copy) */
    public double[] lower() {
        return lower.clone();
    }

    /** @return upper 68 % interval edges (a copy) */
    public double[] upper() {
        return upper.clone();
    }

    /** @return the acceptance-corrected spectrum, or null if no efficiencies were given */
    public Spectrum acceptanceCorrected() {
        return acceptanceCorrected;
    }

    /** @return number of posterior samples */
    public int sampleCount() {
        return samples.length;
    }

    /** @return posterior sample k (a copy) */
    public double[] sample(int k) {
        return samples[k].clone();
    }

    /** @return diagnostics */
    public Diagnostics diagnostics() {
        return diagnostics;
    }
}
