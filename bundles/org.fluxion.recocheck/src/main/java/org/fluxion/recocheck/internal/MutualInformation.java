package org.fluxion.recocheck.internal;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Mutual information I(X; Y) in nats between two continuous variables by the Kraskov–Stögbauer–
 * Grassberger estimator (Phys. Rev. E 69 (2004) 066138, algorithm 1), as scikit-learn's
 * {@code mutual_info_regression}:
 * <pre>
 *   I = ψ(N) + ψ(k) − ⟨ψ(n_x + 1) + ψ(n_y + 1)⟩
 * </pre>
 * where ε_i is the distance of point i to its k-th nearest neighbour in the joint space (maximum
 * norm) and n_x(i), n_y(i) count the other points strictly closer than ε_i in x and in y alone.
 *
 * <p>{@link #estimate} is the bare estimator on the values as given. {@link #of} first prepares the
 * values the way scikit-learn does: each variable is divided by its standard deviation (population,
 * no centring) and gets Gaussian noise of standard deviation 1e-10 · max(1, mean |value|) from the
 * given seed, which breaks ties (integer columns such as a multiplicity) as Kraskov et al. advise;
 * the result is clipped at 0. A constant variable carries no information: 0 without estimating.
 *
 * <p>Cost O(N log N): a 2-D k-d tree for the joint k-th neighbour distances, binary searches in the
 * sorted marginals for the counts. Stateless and thread-safe; results are bit-identical for the same
 * input and seed.
 */
final class MutualInformation {
    /** Euler–Mascheroni constant γ = −ψ(1). */
    private static final double EULER_GAMMA = 0.5772156649015329;
    /** Relative size of the tie-breaking noise (scikit-learn's). */
    static final double NOISE = 1e-10;

    private MutualInformation() {
    }

    /** An estimate: the raw KSG value (may be slightly negative) and the number of points used. */
    record Estimate(double raw, int n) {
        /** @return the estimate clipped at 0 (scikit-learn's convention), nats */
        double nats() {
            return Math.max(0, raw);
        }
    }

    /**
     * Scales, adds tie-breaking noise and estimates, as scikit-learn's {@code mutual_info_regression}.
     *
     * @param x    values of X, finite (not modified)
     * @param y    values of Y, finite, same length (not modified)
     * @param k    neighbours, 1 <= k < N
     * @param seed seed of the noise stream
     * @return the estimate
     * @throws IllegalArgumentException if the lengths differ, k is out of range or a value is not finite
     */
    static Estimate of(double[] x, double[] y, int k, long seed) {
        check(x, y, k);
        SplittableRandom rng = new SplittableRandom(seed);
        double[] xs = prepare(x, rng);
        double[] ys = prepare(y, rng);
        if (xs == null || ys == null) {
            return new Estimate(0, x.length);
        }
        return new Estimate(estimate(xs, ys, k), x.length);
    }

    /** @return x / std(x) + noise, or null if x is constant */
    private static double[] prepare(double[] x, SplittableRandom rng) {
        int n = x.length;
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= n;
        double var = 0;
        for (double v : x) {
            var += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(var / n);
        if (!(sd > 0)) {
            return null;
        }
        double[] out = new double[n];
        double absMean = 0;
        for (int i = 0; i < n; i++) {
            out[i] = x[i] / sd;
            absMean += Math.abs(out[i]);
        }
        double amp = NOISE * Math.max(1, absMean / n);
        for (int i = 0; i < n; i++) {
            out[i] += amp * gaussian(rng);
        }
        return out;
    }

    /** Standard normal deviate by Box–Muller (one per call; deterministic across JDKs). */
    private static double gaussian(SplittableRandom rng) {
        double u = 1 - rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /**
     * The bare KSG estimate (algorithm 1) on the values as given; ties are not broken.
     *
     * @return I in nats, not clipped
     */
    static double estimate(double[] x, double[] y, int k) {
        check(x, y, k);
        int n = x.length;
        ChebyshevTree tree = new ChebyshevTree(x, y);
        double[] sx = x.clone();
        double[] sy = y.clone();
        Arrays.sort(sx);
        Arrays.sort(sy);
        double[] psi = digammaTable(n + 1);
        double[] best = new double[k];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double eps = tree.kthDistance(x[i], y[i], i, k, best);
            int nx = countCloser(sx, x[i], eps) - 1;
            int ny = countCloser(sy, y[i], eps) - 1;
            sum += psi[nx + 1] + psi[ny + 1];
        }
        return psi[n] + psi[k] - sum / n;
    }

    /**
     * @return number of values v of the sorted array with |v − c| < eps (c itself included), or with
     *         v == c if eps is 0 (scikit-learn counts distances <= nextafter(eps, 0))
     */
    static int countCloser(double[] sorted, double c, double eps) {
        // |v - c| in floating point is monotone on each side of c, so the matches are one run
        int lo = firstIndexAbove(sorted, c - eps) - 1;
        while (lo >= 0 && inside(sorted[lo], c, eps)) {
            lo--;
        }
        lo++;
        while (lo < sorted.length && sorted[lo] < c && !inside(sorted[lo], c, eps)) {
            lo++;
        }
        int hi = Math.max(lo, firstIndexAbove(sorted, c + eps));
        while (hi < sorted.length && inside(sorted[hi], c, eps)) {
            hi++;
        }
        while (hi > lo && sorted[hi - 1] > c && !inside(sorted[hi - 1], c, eps)) {
            hi--;
        }
        return hi - lo;
    }

    private static boolean inside(double v, double c, double eps) {
        return eps > 0 ? Math.abs(v - c) < eps : v == c;
    }

    /** @return the first index whose value is > v (sorted.length if none) */
    private static int firstIndexAbove(double[] sorted, double v) {
        int lo = 0, hi = sorted.length;
        while (lo < hi) {
            int m = (lo + hi) >>> 1;
            if (sorted[m] > v) {
                hi = m;
            } else {
                lo = m + 1;
            }
        }
        return lo;
    }

    /** @return ψ(0..m) with ψ(0) = NaN, ψ(1) = −γ, ψ(j + 1) = ψ(j) + 1/j */
    static double[] digammaTable(int m) {
        double[] psi = new double[m + 1];
        psi[0] = Double.NaN;
        if (m >= 1) {
            psi[1] = -EULER_GAMMA;
        }
        for (int j = 1; j < m; j++) {
            psi[j + 1] = psi[j] + 1.0 / j;
        }
        return psi;
    }

    private static void check(double[] x, double[] y, int k) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("mutual information needs pairs: x has " + x.length
                    + " values but y has " + y.length);
        }
        if (k < 1 || k >= x.length) {
            throw new IllegalArgumentException("KSG needs 1 <= k < N but k = " + k + ", N = " + x.length);
        }
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
                throw new IllegalArgumentException("mutual information needs finite values but pair " + i
                        + " is (" + x[i] + ", " + y[i] + ")");
            }
        }
    }
}
