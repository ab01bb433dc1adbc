package org.fluxion.fits.internal;

/**
 * Gauss–Legendre quadrature: n nodes and weights on [−1, 1], exact for polynomials of degree
 * 2n − 1. Nodes by Newton iteration on P_n from the Chebyshev-like start cos(π(i − ¼)/(n + ½)).
 * Immutable, thread-safe.
 */
final class GaussLegendre {
    private final double[] nodes;
    private final double[] weights;

    /**
     * @param n number of nodes, 1..200
     * @throws IllegalArgumentException if n is out of range
     */
    GaussLegendre(int n) {
        if (n < 1 || n > 200) {
            throw new IllegalArgumentException("Gauss-Legendre nodes must be in [1, 200] but was " + n);
        }
        nodes = new double[n];
        weights = new double[n];
        for (int i = 0; i < (n + 1) / 2; i++) {
            double x = Math.cos(Math.PI * (i + 0.75) / (n + 0.5));
            double dp = 0;
            for (int it = 0; it < 100; it++) {
                double p0 = 1, p1 = x;
                for (int k = 2; k <= n; k++) {
                    double p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
                    p0 = p1;
                    p1 = p2;
                }
                dp = n * (x * p1 - p0) / (x * x - 1);
                double dx = p1 / dp;
                x -= dx;
                if (Math.abs(dx) < 1e-16) {
                    break;
                }
            }
            double p0 = 1, p1 = x;
            for (int k = 2; k <= n; k++) {
                double p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
                p0 = p1;
                p1 = p2;
            }
            dp = n == 1 ? 1 : n * (x * p1 - p0) / (x * x - 1);
            nodes[i] = -x;
            nodes[n - 1 - i] = x;
            weights[i] = weights[n - 1 - i] = 2 / ((1 - x * x) * dp * dp);
        }
        if (n % 2 == 1) {
            nodes[n / 2] = 0;
        }
    }

    /** @return number of nodes */
    int size() {
        return nodes.length;
    }

    /** @return node i mapped to [lo, hi] */
    double node(int i, double lo, double hi) {
        return 0.5 * (lo + hi) + 0.5 * (hi - lo) * nodes[i];
    }

    /** @return weight i for [lo, hi] (the weights sum to hi − lo) */
    double weight(int i, double lo, double hi) {
        return 0.5 * (hi - lo) * weights[i];
    }
}
