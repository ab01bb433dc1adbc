package org.fluxion.unfolding.llh.internal;

/**
 * Marginal quantiles (linear interpolation between order statistics, numpy's default) and the
 * covariance of the parameters of a kept chain. Immutable after construction.
 */
final class PosteriorSummary {
    /** Φ(−1): the lower edge of the central 68.27 % interval. */
    static final double LOWER = 0.15865525393145707;
    /** Φ(+1): the upper edge. */
    static final double UPPER = 0.8413447460685429;

    final double[] lower;
    final double[] median;
    final double[] upper;
    final double[] mean;
    final double[][] covariance;

    private PosteriorSummary(double[] lower, double[] median, double[] upper, double[] mean, double[][] covariance) {
        this.lower = lower;
        this.median = median;
        this.upper = upper;
        this.mean = mean;
        this.covariance = covariance;
    }

    /** Summarises all parameters; the work is split over the team's threads without changing results. */
    static PosteriorSummary of(StretchMoveSampler.Chain chain, WalkerTeam team) {
        return of(chain.byParameter(), team);
    }

    /**
     * @param byParameter the samples of each parameter (all of the same length >= 2; not modified)
     * @param team        threads; parameters (quantiles) and rows (covariance) are distributed over them
     */
    static PosteriorSummary of(double[][] byParameter, WalkerTeam team) {
        int d = byParameter.length, total = byParameter[0].length;
        double[] lo = new double[d], med = new double[d], hi = new double[d], mean = new double[d];
        double[][] cov = new double[d][d];
        int chunks = team.size();
        team.run(chunk -> {
            double[] v = new double[total];
            for (int k = d * chunk / chunks; k < d * (chunk + 1) / chunks; k++) {
                double[] x = byParameter[k];
                double s = 0;
                for (int i = 0; i < total; i++) {
                    s += x[i];
                }
                mean[k] = s / total;
                System.arraycopy(x, 0, v, 0, total);
                double[] q = quantiles(v, LOWER, 0.5, UPPER);
                lo[k] = q[0];
                med[k] = q[1];
                hi[k] = q[2];
            }
        });
        team.run(chunk -> {
            for (int a = chunk; a < d; a += chunks) {
                double[] xa = byParameter[a];
                double ma = mean[a];
                for (int b = 0; b <= a; b++) {
                    double[] xb = byParameter[b];
                    double mb = mean[b], acc = 0;
                    for (int i = 0; i < total; i++) {
                        acc += (xa[i] - ma) * (xb[i] - mb);
                    }
                    cov[a][b] = acc / (total - 1);
                }
            }
        });
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < a; b++) {
                cov[b][a] = cov[a][b];
            }
        }
        return new PosteriorSummary(lo, med, hi, mean, cov);
    }

    /**
     * Quantiles with linear interpolation: h = (n − 1) p, x_(⌊h⌋) + (h − ⌊h⌋)(x_(⌊h⌋+1) − x_(⌊h⌋)).
     * Reorders {@code v} (expected O(n) selection; the outer quantiles are selected within the
     * partitions left by the middle one).
     *
     * @param low  lower probability, <= mid
     * @param mid  middle probability
     * @param high upper probability, >= mid
     */
    static double[] quantiles(double[] v, double low, double mid, double high) {
        int n = v.length;
        double hm = (n - 1) * mid;
        int km = (int) Math.floor(hm);
        double qm = interpolated(v, 0, n - 1, hm);
        double ql = (n - 1) * low < km ? interpolatedBelow(v, km, (n - 1) * low) : interpolated(v, 0, n - 1, (n - 1) * low);
        double hh = (n - 1) * high;
        double qh = hh >= km + 1 ? interpolated(v, km + 1, n - 1, hh) : interpolated(v, 0, n - 1, hh);
        return new double[] { ql, qm, qh };
    }

    private static double interpolatedBelow(double[] v, int limit, double h) {
        int k = (int) Math.floor(h);
        // elements [0, limit] hold the limit+1 smallest values
        double a = select(v, 0, limit, k);
        if (h == k) {
            return a;
        }
        double next = Double.POSITIVE_INFINITY;
        for (int i = k + 1; i <= limit; i++) {
            next = Math.min(next, v[i]);
        }
        return a + (h - k) * (next - a);
    }

    private static double interpolated(double[] v, int left, int right, double h) {
        int n = v.length, k = (int) Math.floor(h);
        double a = select(v, left, right, k);
        if (k + 1 >= n || h == k) {
            return a;
        }
        double next = Double.POSITIVE_INFINITY;
        for (int i = k + 1; i <= right; i++) {
            next = Math.min(next, v[i]);
        }
        return a + (h - k) * (next - a);
    }

    /** @return one quantile (linear interpolation); reorders {@code v} */
    static double quantile(double[] v, double p) {
        return interpolated(v, 0, v.length - 1, (v.length - 1) * p);
    }

    /** Hoare selection: afterwards v[k] is the k-th smallest, v[..k] <= v[k] <= v[k..]. */
    private static double select(double[] v, int left, int right, int k) {
        while (right > left) {
            // median of three pivot, deterministic
            int mid = (left + right) >>> 1;
            double a = v[left], b = v[mid], c = v[right];
            double pivot = a < b ? (b < c ? b : Math.max(a, c)) : (a < c ? a : Math.max(b, c));
            int i = left, j = right;
            while (i <= j) {
                while (v[i] < pivot) {
                    i++;
                }
                while (v[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double t = v[i];
                    v[i] = v[j];
                    v[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                right = j;
            } else if (k >= i) {
                left = i;
            } else {
                return v[k];
            }
        }
        return v[k];
    }
}
