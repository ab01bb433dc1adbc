package org.fluxion.recocheck.internal;

import java.util.Arrays;

/**
 * A 2-D k-d tree for k-nearest-neighbour distances in the maximum (Chebyshev) norm
 * max(|Δx|, |Δy|), the metric of the KSG estimator. Built once in O(n log n); each query costs
 * O(log n) on average. Immutable after construction and safe for concurrent queries.
 */
final class ChebyshevTree {
    private static final int LEAF = 8;

    /** points in tree order */
    private final double[] px;
    private final double[] py;
    /** original index of each tree-ordered point */
    private final int[] id;
    /** node arrays: [start, end) of the node's points, children (-1 for a leaf), bounding box */
    private final int[] start;
    private final int[] end;
    private final int[] left;
    private final int[] right;
    private final double[] minX;
    private final double[] maxX;
    private final double[] minY;
    private final double[] maxY;
    private int nodes;

    /**
     * @param x abscissae (not kept), finite
     * @param y ordinates (not kept), finite, same length as x
     */
    ChebyshevTree(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x has " + x.length + " values but y has " + y.length);
        }
        int n = x.length;
        id = new int[n];
        for (int i = 0; i < n; i++) {
            id[i] = i;
        }
        double[] sx = x.clone();
        double[] sy = y.clone();
        int cap = Math.max(1, 2 * (n / LEAF + 1) * 2);
        start = new int[cap];
        end = new int[cap];
        left = new int[cap];
        right = new int[cap];
        minX = new double[cap];
        maxX = new double[cap];
        minY = new double[cap];
        maxY = new double[cap];
        build(sx, sy, 0, n);
        px = sx;
        py = sy;
    }

    private int build(double[] x, double[] y, int from, int to) {
        int node = nodes++;
        start[node] = from;
        end[node] = to;
        double x0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY, y1 = Double.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) {
            x0 = Math.min(x0, x[i]);
            x1 = Math.max(x1, x[i]);
            y0 = Math.min(y0, y[i]);
            y1 = Math.max(y1, y[i]);
        }
        minX[node] = x0;
        maxX[node] = x1;
        minY[node] = y0;
        maxY[node] = y1;
        if (to - from <= LEAF) {
            left[node] = -1;
            right[node] = -1;
            return node;
        }
        boolean splitX = x1 - x0 >= y1 - y0;
        int mid = (from + to) >>> 1;
        select(splitX ? x : y, splitX ? y : x, from, to - 1, mid);
        left[node] = build(x, y, from, mid);
        right[node] = build(x, y, mid, to);
        return node;
    }

    /** Quickselect on key (carrying other and id) so that position k holds its order statistic. */
    private void select(double[] key, double[] other, int lo, int hi, int k) {
        while (hi > lo) {
            // median of three as pivot, deterministic
            int m = (lo + hi) >>> 1;
            double a = key[lo], b = key[m], c = key[hi];
            double pivot = a < b ? (b < c ? b : Math.max(a, c)) : (a < c ? a : Math.max(b, c));
            int i = lo, j = hi;
            while (i <= j) {
                while (key[i] < pivot) {
                    i++;
                }
                while (key[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    swap(key, other, i, j);
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return;
            }
        }
    }

    private void swap(double[] key, double[] other, int i, int j) {
        double t = key[i];
        key[i] = key[j];
        key[j] = t;
        t = other[i];
        other[i] = other[j];
        other[j] = t;
        int s = id[i];
        id[i] = id[j];
        id[j] = s;
    }

    /** @return number of points */
    int size() {
        return px.length;
    }

    /**
     * Distance (maximum norm) from point {@code self} at (qx, qy) to its k-th nearest other point.
     *
     * @param qx   x of the query point
     * @param qy   y of the query point
     * @param self original index of the query point, excluded from the neighbours (-1: none)
     * @param k    neighbour rank, 1 <= k < size()
     * @param best scratch array of length >= k (overwritten)
     * @return the k-th smallest distance
     */
    double kthDistance(double qx, double qy, int self, int k, double[] best) {
        Arrays.fill(best, 0, k, Double.POSITIVE_INFINITY);
        search(0, qx, qy, self, k, best);
        return best[k - 1];
    }

    private void search(int node, double qx, double qy, int self, int k, double[] best) {
        double dx = Math.max(0, Math.max(minX[node] - qx, qx - maxX[node]));
        double dy = Math.max(0, Math.max(minY[node] - qy, qy - maxY[node]));
        if (Math.max(dx, dy) >= best[k - 1]) {
            return;
        }
        if (left[node] < 0) {
            for (int i = start[node]; i < end[node]; i++) {
                if (id[i] == self) {
                    continue;
                }
                double d = Math.max(Math.abs(px[i] - qx), Math.abs(py[i] - qy));
                if (d < best[k - 1]) {
                    int j = k - 1;
                    while (j > 0 && best[j - 1] > d) {
                        best[j] = best[j - 1];
                        j--;
                    }
                    best[j] = d;
                }
            }
            return;
        }
        int a = left[node], b = right[node];
        // visit the nearer child first
        double da = boxDistance(a, qx, qy), db = boxDistance(b, qx, qy);
        if (db < da) {
            int t = a;
            a = b;
            b = t;
        }
        search(a, qx, qy, self, k, best);
        search(b, qx, qy, self, k, best);
    }

    private double boxDistance(int node, double qx, double qy) {
        double dx = Math.max(0, Math.max(minX[node] - qx, qx - maxX[node]));
        double dy = Math.max(0, Math.max(minY[node] - qy, qy - maxY[node]));
        return Math.max(dx, dy);
    }
}
