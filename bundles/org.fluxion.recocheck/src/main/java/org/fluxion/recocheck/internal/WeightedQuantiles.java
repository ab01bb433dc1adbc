package org.fluxion.recocheck.internal;

import java.util.Arrays;

/**
 * Quantiles of a weighted sample: q(p) is the smallest value whose cumulative weight (values in
 * ascending order) reaches p · Σw (the inverse of the weighted empirical distribution function).
 * Non-positive or non-finite weights and non-finite values are left out. Immutable.
 */
final class WeightedQuantiles {
    private final double[] values;
    private final double[] cumulative;
    private final double sumW2;

    /**
     * @param v values (not modified)
     * @param w weights (not modified), or null for unit weights
     * @param n number of leading entries to use
     */
    WeightedQuantiles(double[] v, double[] w, int n) {
        Integer[] order = new Integer[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            double wi = w == null ? 1 : w[i];
            if (Double.isFinite(v[i]) && wi > 0 && Double.isFinite(wi)) {
                order[m++] = i;
            }
        }
        Integer[] used = Arrays.copyOf(order, m);
        Arrays.sort(used, (a, b) -> Double.compare(v[a], v[b]) != 0 ? Double.compare(v[a], v[b]) : Integer.compare(a, b));
        values = new double[m];
        cumulative = new double[m];
        double c = 0, c2 = 0;
        for (int k = 0; k < m; k++) {
            int i = used[k];
            double wi = w == null ? 1 : w[i];
            values[k] = v[i];
            c += wi;
            c2 += wi * wi;
            cumulative[k] = c;
        }
        sumW2 = c2;
    }

    /** @return number of values used */
    int size() {
        return values.length;
    }

    /** @return Σw */
    double sumW() {
        return values.length == 0 ? 0 : cumulative[values.length - 1];
    }

    /** @return effective number of entries (Σw)²/Σw², 0 if empty */
    double effectiveEntries() {
        return values.length == 0 ? 0 : sumW() * sumW() / sumW2;
    }

    /**
     * @param p probability in [0, 1]
     * @return the quantile, NaN if there are no values
     */
    double quantile(double p) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double target = p * sumW();
        int lo = 0, hi = values.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] >= target) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return values[lo];
    }
}
