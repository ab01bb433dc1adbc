package org.fluxion.unfolding.llh.internal;

/**
 * The corner of an L-curve (x = log10 residual, y = log10 regularisation norm, sampled at
 * log-equidistant τ with τ increasing, i.e. regularisation getting weaker): the interior point of
 * maximum curvature κ = (x'' y' − x' y'') / (x'² + y'²)^{3/2}, the sign chosen so that the corner of
 * an "L" (the curve turning from running left along the bottom to running up the left side) is
 * positive. Derivatives are central differences in log10 τ. Stateless.
 */
final class LCurve {
    private LCurve() {
    }

    /** @return curvature per point (NaN at the ends and where not finite) */
    static double[] curvature(double[] x, double[] y) {
        int n = x.length;
        double[] k = new double[n];
        java.util.Arrays.fill(k, Double.NaN);
        for (int p = 1; p < n - 1; p++) {
            double dx = 0.5 * (x[p + 1] - x[p - 1]), dy = 0.5 * (y[p + 1] - y[p - 1]);
            double ddx = x[p + 1] - 2 * x[p] + x[p - 1], ddy = y[p + 1] - 2 * y[p] + y[p - 1];
            double den = Math.pow(dx * dx + dy * dy, 1.5);
            double v = (ddx * dy - dx * ddy) / den;
            k[p] = Double.isFinite(v) ? v : Double.NaN;
        }
        return k;
    }

    /** @return index of the maximum curvature, −1 if none is defined */
    static int corner(double[] x, double[] y) {
        double[] k = curvature(x, y);
        int best = -1;
        for (int p = 0; p < k.length; p++) {
            if (!Double.isNaN(k[p]) && (best < 0 || k[p] > k[best])) {
                best = p;
            }
        }
        return best;
    }
}
