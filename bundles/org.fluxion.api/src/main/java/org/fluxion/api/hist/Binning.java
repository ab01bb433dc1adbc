package org.fluxion.api.hist;

import java.util.Arrays;

/**
 * Bin edges along one axis: linear, log10-spaced or explicit, strictly increasing and finite.
 * Bin {@code i} is the half-open interval [edge(i), edge(i+1)); the last bin also contains its
 * upper edge. Immutable and thread-safe.
 */
public final class Binning {
    /** How the edges were made; linear and log10 bins are located arithmetically. */
    public enum Kind { LINEAR, LOG10, EXPLICIT }

    /** {@link #findBin} result for values below the first edge. */
    public static final int UNDERFLOW = -1;
    /** {@link #findBin} result for NaN. */
    public static final int NAN = Integer.MIN_VALUE;

    private final double[] edges;
    private final Kind kind;
    private final double lo;
    private final double invWidth;

    private Binning(double[] edges, Kind kind, double lo, double invWidth) {
        this.edges = edges;
        this.kind = kind;
        this.lo = lo;
        this.invWidth = invWidth;
    }

    /**
     * @param bins number of bins, >= 1
     * @param low  lower edge (finite)
     * @param high upper edge, > low
     */
    public static Binning linear(int bins, double low, double high) {
        checkRange(bins, low, high);
        double[] e = new double[bins + 1];
        for (int i = 0; i <= bins; i++) {
            e[i] = low + (high - low) * i / bins;
        }
        e[bins] = high;
        return new Binning(e, Kind.LINEAR, low, bins / (high - low));
    }

    /**
     * Edges equally spaced in log10(x).
     *
     * @param bins number of bins, >= 1
     * @param low  lower edge, > 0
     * @param high upper edge, > low
     */
    public static Binning log10(int bins, double low, double high) {
        checkRange(bins, low, high);
        if (!(low > 0)) {
            throw new IllegalArgumentException("log10 binning needs a lower edge > 0 but was " + low);
        }
        double a = Math.log10(low), b = Math.log10(high);
        double[] e = new double[bins + 1];
        for (int i = 0; i <= bins; i++) {
            e[i] = Math.pow(10, a + (b - a) * i / bins);
        }
        e[0] = low;
        e[bins] = high;
        return new Binning(e, Kind.LOG10, a, bins / (b - a));
    }

    /**
     * @param edges at least two finite, strictly increasing edges (copied)
     * @throws IllegalArgumentException naming the first offending edge
     */
    public static Binning ofEdges(double... edges) {
        if (edges.length < 2) {
            throw new IllegalArgumentException("a binning needs at least 2 edges but got " + edges.length);
        }
        double[] e = edges.clone();
        for (int i = 0; i < e.length; i++) {
            if (!Double.isFinite(e[i])) {
                throw new IllegalArgumentException("bin edge " + i + " must be finite but was " + e[i]);
            }
            if (i > 0 && !(e[i] > e[i - 1])) {
                throw new IllegalArgumentException("bin edges must be strictly increasing, but edge " + i + " ("
                        + e[i] + ") <= edge " + (i - 1) + " (" + e[i - 1] + ")");
            }
        }
        return new Binning(e, Kind.EXPLICIT, e[0], Double.NaN);
    }

    private static void checkRange(int bins, double low, double high) {
        if (bins < 1) {
            throw new IllegalArgumentException("number of bins must be >= 1 but was " + bins);
        }
        if (!Double.isFinite(low) || !Double.isFinite(high)) {
            throw new IllegalArgumentException("bin range must be finite but was [" + low + ", " + high + "]");
        }
        if (!(high > low)) {
            throw new IllegalArgumentException("lower edge (" + low + ") must be strictly less than upper edge ("
                    + high + ")");
        }
    }

    /** @return how the edges were made */
    public Kind kind() {
        return kind;
    }

    /** @return number of bins */
    public int bins() {
        return edges.length - 1;
    }

    /** @return edge {@code i}, 0 <= i <= bins() */
    public double edge(int i) {
        return edges[i];
    }

    /** @return all edges (a copy) */
    public double[] edges() {
        return edges.clone();
    }

    /** @return first edge */
    public double low() {
        return edges[0];
    }

    /** @return last edge */
    public double high() {
        return edges[edges.length - 1];
    }

    /** @return width of bin i */
    public double width(int i) {
        return edges[i + 1] - edges[i];
    }

    /** @return centre of bin i: arithmetic for linear/explicit, geometric for log10 binnings */
    public double centre(int i) {
        return kind == Kind.LOG10 ? Math.sqrt(edges[i] * edges[i + 1]) : 0.5 * (edges[i] + edges[i + 1]);
    }

    /**
     * Locates a value.
     *
     * @return the bin in [0, bins()), {@link #UNDERFLOW} below the first edge, {@code bins()} above
     *         the last edge, {@link #NAN} for NaN
     */
    public int findBin(double x) {
        if (x != x) {
            return NAN;
        }
        int n = edges.length - 1;
        if (x < edges[0]) {
            return UNDERFLOW;
        }
        if (x >= edges[n]) {
            return x == edges[n] ? n - 1 : n;
        }
        int guess;
        switch (kind) {
            case LINEAR -> guess = (int) ((x - lo) * invWidth);
            case LOG10 -> guess = (int) ((Math.log10(x) - lo) * invWidth);
            default -> {
                int k = Arrays.binarySearch(edges, x);
                return k >= 0 ? k : -k - 2;
            }
        }
        // correct rounding at the edges: the stored edges are authoritative
        if (guess >= n) {
            guess = n - 1;
        } else if (guess < 0) {
            guess = 0;
        }
        while (x < edges[guess]) {
            guess--;
        }
        while (x >= edges[guess + 1]) {
            guess++;
        }
        return guess;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Binning b && Arrays.equals(b.edges, edges);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(edges);
    }

    @Override
    public String toString() {
        return "Binning[" + kind + ", " + bins() + " bins, " + low() + " .. " + high() + "]";
    }
}
