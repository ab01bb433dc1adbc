package org.fluxion.unfolding.llh.internal;

/**
 * Cholesky factorisation L Lᵀ of a symmetric positive-definite matrix (small, dense). Immutable
 * after construction.
 */
final class Cholesky {
    private final int n;
    private final double[] l;

    private Cholesky(int n, double[] l) {
        this.n = n;
        this.l = l;
    }

    /** @return the factorisation of the leading n × n block of {@code a} (lower triangle read), or null if not positive definite */
    static Cholesky of(double[][] a) {
        return of(a, a.length, 0.0);
    }

    /**
     * @param a     symmetric matrix (lower triangle read)
     * @param n     size of the leading block to factor
     * @param shift added to the diagonal
     * @return the factorisation, or null if the (shifted) block is not positive definite
     */
    static Cholesky of(double[][] a, int n, double shift) {
        double[] l = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i][j] + (i == j ? shift : 0.0);
                for (int k = 0; k < j; k++) {
                    s -= l[i * n + k] * l[j * n + k];
                }
                if (i == j) {
                    if (!(s > 0) || Double.isInfinite(s)) {
                        return null;
                    }
                    l[i * n + i] = Math.sqrt(s);
                } else {
                    l[i * n + j] = s / l[j * n + j];
                }
            }
        }
        return new Cholesky(n, l);
    }

    /** Solves A x = b into {@code x} (may be the same array as b). */
    void solve(double[] b, double[] x) {
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i * n + k] * x[k];
            }
            x[i] = s / l[i * n + i];
        }
        for (int i = n - 1; i >= 0; i--) {
            double s = x[i];
            for (int k = i + 1; k < n; k++) {
                s -= l[k * n + i] * x[k];
            }
            x[i] = s / l[i * n + i];
        }
    }

    /** @return A⁻¹ (symmetric, a new array) */
    double[][] inverse() {
        double[][] inv = new double[n][n];
        double[] e = new double[n];
        for (int j = 0; j < n; j++) {
            java.util.Arrays.fill(e, 0);
            e[j] = 1;
            solve(e, e);
            for (int i = 0; i < n; i++) {
                inv[i][j] = e[i];
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double v = 0.5 * (inv[i][j] + inv[j][i]);
                inv[i][j] = v;
                inv[j][i] = v;
            }
        }
        return inv;
    }

    /** @return log det A */
    double logDeterminant() {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += Math.log(l[i * n + i]);
        }
        return 2 * s;
    }
}
