package org.fluxion.unfolding.api.numerics;

import java.util.Arrays;
import java.util.TreeSet;

import org.fluxion.unfolding.api.RegularisationScan;

/**
 * The choice criteria of a scan over the iteration number of an iterative unfolding.
 * <ul>
 * <li>mean global correlation of the covariance of the estimate f (selected events);</li>
 * <li>L-curve: abscissa log10 of the Pearson χ² of the refolded estimate to the
 * background-subtracted data, Σ_i (n_i − (P φ)_i)² / max(g_i, 1); ordinate log10 of the
 * roughness Σ_j (r_{j−1} − 2 r_j + r_{j+1})² with r_j = log10(f_j s_j + 1) (s the problem's
 * regularisation factors, 1/ε by default: the curvature of the acceptance-corrected spectrum in
 * log space). The corner is the point of largest turning towards the origin (signed Menger
 * curvature of three successive points);</li>
 * <li>χ² to the truth Σ_j (f_j − t_j)² / max(t_j, 1) — a squared error that does not depend on
 * the method's own error estimate, so it trades bias against noise.</li>
 * </ul>
 * Stateless.
 */
public final class IterationScan {
    private IterationScan() {
    }

    /**
     * Integer parameter values of a scan: every integer in [ceil(min), floor(max)] if there are
     * at most {@code steps} of them, else {@code steps} log-spaced values, rounded and de-duplicated.
     *
     * @throws IllegalArgumentException naming the values if the range holds no integer >= 1
     */
    public static int[] iterationValues(double min, double max, int steps) {
        if (!(min > 0) || !(max > min) || Double.isInfinite(max) || steps < 2) {
            throw new IllegalArgumentException("an iteration scan needs 0 < min < max (finite) and steps >= 2 but got min="
                    + min + ", max=" + max + ", steps=" + steps);
        }
        long lo = Math.max(1, (long) Math.ceil(min)), hi = (long) Math.floor(max);
        if (hi < lo || hi > 1_000_000) {
            throw new IllegalArgumentException("an iteration scan needs integers in [1, 1000000] between min=" + min
                    + " and max=" + max);
        }
        TreeSet<Integer> v = new TreeSet<>();
        if (hi - lo + 1 <= steps) {
            for (long k = lo; k <= hi; k++) {
                v.add((int) k);
            }
        } else {
            double a = Math.log(lo), b = Math.log(hi);
            for (int k = 0; k < steps; k++) {
                v.add((int) Math.round(Math.exp(a + (b - a) * k / (steps - 1))));
            }
            v.add((int) lo);
            v.add((int) hi);
        }
        return v.stream().mapToInt(Integer::intValue).toArray();
    }

    /** @return Σ_j (r_{j−1} − 2 r_j + r_{j+1})² with r_j = log10(f_j s_j + 1), NaN for fewer than 3 bins */
    public static double roughness(double[] f, double[] s) {
        if (f.length < 3) {
            return Double.NaN;
        }
        double[] r = new double[f.length];
        for (int j = 0; j < f.length; j++) {
            r[j] = Math.log10(Math.max(f[j], 0) * s[j] + 1);
        }
        double sum = 0;
        for (int j = 1; j + 1 < f.length; j++) {
            double c = r[j - 1] - 2 * r[j] + r[j + 1];
            sum += c * c;
        }
        return sum;
    }

    /** @return Σ_j (f_j − t_j)² / max(t_j, 1) */
    public static double chi2ToTruth(double[] f, double[] truth) {
        double s = 0;
        for (int j = 0; j < f.length; j++) {
            double d = f[j] - truth[j];
            s += d * d / Math.max(truth[j], 1);
        }
        return s;
    }

    /**
     * @param iterations  scanned iteration numbers, increasing
     * @param globalCorr  mean global correlation per point
     * @param residual    refolding χ² per point (not yet in log)
     * @param roughness   roughness per point (not yet in log)
     * @param chi2Truth   χ² to the truth per point, or null without truth
     */
    public static RegularisationScan of(int[] iterations, double[] globalCorr, double[] residual, double[] roughness,
            double[] chi2Truth) {
        int n = iterations.length;
        double[] values = new double[n], x = new double[n], y = new double[n], truth = new double[n];
        for (int k = 0; k < n; k++) {
            values[k] = iterations[k];
            x[k] = Math.log10(residual[k]);
            y[k] = Math.log10(roughness[k]);
            truth[k] = chi2Truth == null ? Double.NaN : chi2Truth[k];
        }
        int byCorr = argMin(globalCorr);
        int byTruth = chi2Truth == null ? -1 : argMin(truth);
        double[] turn = new double[n];
        Arrays.fill(turn, Double.NaN);
        for (int k = 1; k + 1 < n; k++) {
            double ax = x[k] - x[k - 1], ay = y[k] - y[k - 1], bx = x[k + 1] - x[k], by = y[k + 1] - y[k];
            double cx = x[k + 1] - x[k - 1], cy = y[k + 1] - y[k - 1];
            double den = Math.hypot(ax, ay) * Math.hypot(bx, by) * Math.hypot(cx, cy);
            // With more iterations the residual falls and the roughness grows: the corner of the
            // L turns clockwise, i.e. a negative cross product.
            turn[k] = den > 0 ? -2 * (ax * by - ay * bx) / den : Double.NaN;
        }
        int byL = argMax(turn);
        return new RegularisationScan("iterations", values, globalCorr, x, y, truth, byCorr < 0 ? 0 : byCorr,
                byL < 0 ? 0 : byL, byTruth < 0 && chi2Truth != null ? 0 : byTruth);
    }

    private static int argMin(double[] v) {
        int best = -1;
        for (int k = 0; k < v.length; k++) {
            if (!Double.isNaN(v[k]) && (best < 0 || v[k] < v[best])) {
                best = k;
            }
        }
        return best;
    }

    private static int argMax(double[] v) {
        int best = -1;
        for (int k = 0; k < v.length; k++) {
            if (!Double.isNaN(v[k]) && (best < 0 || v[k] > v[best])) {
                best = k;
            }
        }
        return best;
    }
}
