package org.fluxion.api.hist;

import java.util.Arrays;
import java.util.Objects;

/**
 * Detector response: weighted MC counts N[i][j] of events with proxy (observed) bin i and true
 * bin j, with their squared weights. {@link #probability(int, int)} is the column-normalised
 * matrix A[i][j] = N[i][j] / Σ_i N[i][j] (so each true bin's column sums to 1, or 0 for an empty
 * column). Immutable.
 */
public final class ResponseMatrix {
    private final Binning proxy;
    private final Binning truth;
    private final double[][] counts;
    private final double[][] countsW2;

    private ResponseMatrix(Binning proxy, Binning truth, double[][] counts, double[][] countsW2) {
        this.proxy = proxy;
        this.truth = truth;
        this.counts = counts;
        this.countsW2 = countsW2;
    }

    /**
     * @param counts   [proxy bin][true bin] sums of weights, non-negative and finite (copied)
     * @param countsW2 same shape, sums of squared weights (copied)
     */
    public static ResponseMatrix of(Binning proxy, Binning truth, double[][] counts, double[][] countsW2) {
        Objects.requireNonNull(proxy, "proxy");
        Objects.requireNonNull(truth, "truth");
        return new ResponseMatrix(proxy, truth, checkedCopy(proxy, truth, counts, "counts"),
                checkedCopy(proxy, truth, countsW2, "countsW2"));
    }

    /** From a 2-D histogram with x = proxy and y = truth (under/overflow dropped). */
    public static ResponseMatrix fromHistogram(Histogram2D h) {
        int np = h.xBinning().bins(), nt = h.yBinning().bins();
        double[][] c = new double[np][nt], c2 = new double[np][nt];
        for (int i = 0; i < np; i++) {
            for (int j = 0; j < nt; j++) {
                c[i][j] = h.sumW(i, j);
                c2[i][j] = h.sumW2(i, j);
            }
        }
        return new ResponseMatrix(h.xBinning(), h.yBinning(), c, c2);
    }

    private static double[][] checkedCopy(Binning proxy, Binning truth, double[][] m, String what) {
        if (m.length != proxy.bins()) {
            throw new IllegalArgumentException(what + " has " + m.length + " rows but the proxy binning has "
                    + proxy.bins() + " bins");
        }
        double[][] copy = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            if (m[i].length != truth.bins()) {
                throw new IllegalArgumentException(what + " row " + i + " has " + m[i].length
                        + " columns but the true binning has " + truth.bins() + " bins");
            }
            for (int j = 0; j < m[i].length; j++) {
                if (!(m[i][j] >= 0) || Double.isInfinite(m[i][j])) {
                    throw new IllegalArgumentException(what + "[" + i + "][" + j + "] must be finite and >= 0 but was "
                            + m[i][j]);
                }
            }
            copy[i] = m[i].clone();
        }
        return copy;
    }

    /** @return the proxy (observed) binning: rows */
    public Binning proxyBinning() {
        return proxy;
    }

    /** @return the true binning: columns */
    public Binning trueBinning() {
        return truth;
    }

    /** @return N[i][j] */
    public double count(int i, int j) {
        return counts[i][j];
    }

    /** @return Σ w² of cell (i, j) */
    public double countW2(int i, int j) {
        return countsW2[i][j];
    }

    /** @return Σ_i N[i][j] for each true bin j */
    public double[] columnSums() {
        double[] s = new double[truth.bins()];
        for (double[] row : counts) {
            for (int j = 0; j < s.length; j++) {
                s[j] += row[j];
            }
        }
        return s;
    }

    /** @return A[i][j] = N[i][j] / Σ_i N[i][j]; 0 for an empty column */
    public double probability(int i, int j) {
        double s = 0;
        for (double[] row : counts) {
            s += row[j];
        }
        return s > 0 ? counts[i][j] / s : 0.0;
    }

    /** @return the column-normalised matrix [proxy][true] (a new array) */
    public double[][] probabilities() {
        double[] s = columnSums();
        double[][] a = new double[counts.length][truth.bins()];
        for (int i = 0; i < counts.length; i++) {
            for (int j = 0; j < s.length; j++) {
                a[i][j] = s[j] > 0 ? counts[i][j] / s[j] : 0.0;
            }
        }
        return a;
    }

    /** @return the raw counts [proxy][true] (a copy) */
    public double[][] counts() {
        double[][] c = new double[counts.length][];
        for (int i = 0; i < c.length; i++) {
            c[i] = counts[i].clone();
        }
        return c;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResponseMatrix r && r.proxy.equals(proxy) && r.truth.equals(truth)
                && Arrays.deepEquals(r.counts, counts) && Arrays.deepEquals(r.countsW2, countsW2);
    }

    @Override
    public int hashCode() {
        return Objects.hash(proxy, truth, Arrays.deepHashCode(counts));
    }

    @Override
    public String toString() {
        return "ResponseMatrix[" + proxy.bins() + " proxy x " + truth.bins() + " true bins]";
    }
}
