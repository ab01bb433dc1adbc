package org.fluxion.unfolding.llh.internal;

/**
 * Eigen-decomposition of a small symmetric matrix by cyclic Jacobi rotations, for the covariance
 * fallback when the negative Hessian at the MAP is not positive definite. Deterministic.
 */
final class SymmetricEigen {
    private SymmetricEigen() {
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
    static double[][] repairedInverse(double[][] a, double relativeFloor, int[] clipped) {
        int n = a.length;
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = a[i].clone();
        }
        double[][] v = new double[n][n];
        for (int i = 0; i < n; i++) {
            v[i][i] = 1;
        }
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    off += m[p][q] * m[p][q];
                }
            }
            if (off < 1e-30) {
                break;
            }
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    if (m[p][q] == 0) {
                        continue;
                    }
                    double theta = (m[q][q] - m[p][p]) / (2 * m[p][q]);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1), s = t * c;
                    for (int k = 0; k < n; k++) {
                        double mkp = m[k][p], mkq = m[k][q];
                        m[k][p] = c * mkp - s * mkq;
                        m[k][q] = s * mkp + c * mkq;
                    }
                    for (int k = 0; k < n; k++) {
                        double mpk = m[p][k], mqk = m[q][k];
                        m[p][k] = c * mpk - s * mqk;
                        m[q][k] = s * mpk + c * mqk;
                    }
                    for (int k = 0; k < n; k++) {
                        double vkp = v[k][p], vkq = v[k][q];
                        v[k][p] = c * vkp - s * vkq;
                        v[k][q] = s * vkp + c * vkq;
                    }
                }
            }
        }
        double max = 0;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, Math.abs(m[i][i]));
        }
        double floor = Math.max(relativeFloor * max, Double.MIN_NORMAL);
        double[] inv = new double[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            double mu = m[i][i];
            if (Math.abs(mu) < floor) {
                return null;
            }
            if (mu < 0) {
                mu = -mu;
                count++;
            }
            inv[i] = 1 / mu;
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
