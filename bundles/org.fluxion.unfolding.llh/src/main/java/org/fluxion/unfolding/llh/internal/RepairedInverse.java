package org.fluxion.unfolding.llh.internal;

import org.fluxion.unfolding.api.numerics.SymmetricEigen;

/**
 * The covariance fallback when the negative Hessian at the MAP is not positive definite: an inverse
 * after repairing negative curvatures. Deterministic.
 */
final class RepairedInverse {
    private RepairedInverse() {
    }

    /**
     * Inverts {@code a} (symmetric, lower and upper triangles equal) after replacing every negative
     * eigenvalue μ by |μ| — the "absolute curvature" rule: a direction of negative curvature gets the
     * width its curvature magnitude implies. A vanishing curvature (|μ| below relativeFloor · max|μ|)
     * is a flat direction and cannot be repaired.
     *
     * @param clipped out: clipped[0] = number of eigenvalues replaced
     * @return the inverse of the repaired matrix, or null if there is a flat direction
     */
    static double[][] of(double[][] a, double relativeFloor, int[] clipped) {
        int n = a.length;
        SymmetricEigen.Decomposition d = SymmetricEigen.of(a);
        double[] mu = d.values();
        double[][] v = d.vectors();
        double max = 0;
        for (double m : mu) {
            max = Math.max(max, Math.abs(m));
        }
        double floor = Math.max(relativeFloor * max, Double.MIN_NORMAL);
        double[] inv = new double[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            double m = mu[i];
            if (Math.abs(m) < floor) {
                return null;
            }
            if (m < 0) {
                m = -m;
                count++;
            }
            inv[i] = 1 / m;
        }
        clipped[0] = count;
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double acc = 0;
                for (int k = 0; k < n; k++) {
                    acc += v[i][k] * inv[k] * v[j][k];
                }
                out[i][j] = acc;
                out[j][i] = acc;
            }
        }
        return out;
    }
}
