package org.fluxion.unfolding.api.numerics;

/**
 * Eigen-decomposition of a small dense symmetric matrix by cyclic Jacobi rotations (until the
 * off-diagonal norm is below 1e-30 of the diagonal's, at most 100 sweeps). Deterministic; the input
 * is not modified. Stateless.
 */
public final class SymmetricEigen {
    private SymmetricEigen() {
    }

    /**
     * @param values  eigenvalues, in no particular order
     * @param vectors eigenvectors as columns: {@code vectors[k][i]} is component k of the vector of
     *                {@code values[i]}
     */
    public record Decomposition(double[] values, double[][] vectors) {
    }

    /** @return the eigenvalues of the symmetric matrix {@code a} (lower and upper triangles equal) */
    public static double[] values(double[][] a) {
        return rotate(copy(a), null);
    }

    /** @return eigenvalues and eigenvectors of the symmetric matrix {@code a} */
    public static Decomposition of(double[][] a) {
        int n = a.length;
        double[][] v = new double[n][n];
        for (int i = 0; i < n; i++) {
            v[i][i] = 1;
        }
        return new Decomposition(rotate(copy(a), v), v);
    }

    private static double[][] copy(double[][] a) {
        double[][] m = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            m[i] = a[i].clone();
        }
        return m;
    }

    /** Diagonalises {@code m} in place, accumulating the rotations into {@code v} if not null. */
    private static double[] rotate(double[][] m, double[][] v) {
        int n = m.length;
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0, diag = 0;
            for (int p = 0; p < n; p++) {
                diag += m[p][p] * m[p][p];
                for (int q = p + 1; q < n; q++) {
                    off += m[p][q] * m[p][q];
                }
            }
            if (off <= 1e-30 * diag) {
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
                    if (v != null) {
                        for (int k = 0; k < n; k++) {
                            double vkp = v[k][p], vkq = v[k][q];
                            v[k][p] = c * vkp - s * vkq;
                            v[k][q] = s * vkp + c * vkq;
                        }
                    }
                }
            }
        }
        double[] ev = new double[n];
        for (int i = 0; i < n; i++) {
            ev[i] = m[i][i];
        }
        return ev;
    }
}
