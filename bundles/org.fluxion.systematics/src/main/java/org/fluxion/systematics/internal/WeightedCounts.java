package org.fluxion.systematics.internal;

import org.fluxion.api.data.Selection;
import org.fluxion.api.hist.Binning;

/**
 * Sums of MC weights Σw and Σw² per true bin over a set of events (the numerator of the effective
 * area: selected events with the truth in the bin, any proxy). Immutable; arrays are copied out.
 */
final class WeightedCounts {
    private final double[] sumW;
    private final double[] sumW2;
    private final int rows;

    private WeightedCounts(double[] sumW, double[] sumW2, int rows) {
        this.sumW = sumW;
        this.sumW2 = sumW2;
        this.rows = rows;
    }

    /**
     * @param truth   true value per event of the table
     * @param weight  weight per event of the table (finite, &gt;= 0, checked by the caller)
     * @param rows    the events to sum over, a selection of that table
     * @param binning true bins; events outside are not counted
     */
    static WeightedCounts fill(double[] truth, double[] weight, Selection rows, Binning binning) {
        int n = binning.bins();
        double[] s = new double[n], s2 = new double[n];
        for (int k = 0; k < rows.size(); k++) {
            int r = rows.row(k);
            int j = binning.findBin(truth[r]);
            if (j >= 0 && j < n) {
                s[j] += weight[r];
                s2[j] += weight[r] * weight[r];
            }
        }
        return new WeightedCounts(s, s2, rows.size());
    }

    /** @return Σw per bin (a copy) */
    double[] sumW() {
        return sumW.clone();
    }

    /** @return Σw of bin j */
    double sumW(int j) {
        return sumW[j];
    }

    /**
     * @return the relative variance Σw²/(Σw)² of the weighted sum in bin j (the Poisson / bootstrap
     *         approximation), +∞ for an empty bin
     */
    double relativeVariance(int j) {
        return sumW[j] > 0 ? sumW2[j] / (sumW[j] * sumW[j]) : Double.POSITIVE_INFINITY;
    }

    /**
     * The relative variance of bin j's sum when the sample's rows are resampled with replacement at
     * fixed size (the effective-area estimator's delta method): (Σw² − X²/N) / X², N = rows filled.
     */
    double resampledRelativeVariance(int j) {
        return sumW[j] > 0 ? Math.max(0, sumW2[j] / (sumW[j] * sumW[j]) - 1.0 / rows) : Double.POSITIVE_INFINITY;
    }

    /**
     * The relative variance of the share N_s/N of a subset s of these events in bin j (delta method
     * with Cov(N_s, N) = Var(N_s) = Σ_s w²): Σ_s w²/N_s² (1 − 2p) + Σw²/N², p = N_s/N, at least 0;
     * 1/N_s − 1/N for unit weights.
     *
     * @param subset the same bins summed over a subset of these events
     * @return the relative variance, NaN where either sum is empty
     */
    double shareRelativeVariance(WeightedCounts subset, int j) {
        if (!(subset.sumW[j] > 0) || !(sumW[j] > 0)) {
            return Double.NaN;
        }
        double p = subset.sumW[j] / sumW[j];
        return Math.max(0, subset.relativeVariance(j) * (1 - 2 * p) + relativeVariance(j));
    }

    /** @return number of bins */
    int bins() {
        return sumW.length;
    }
}
