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
    /** number of bins */
    private final int n;
    /** first and last edge */
    private final double low;
    private final double high;
    /** linear: the first edge; log10: log10 of it; explicit: unused */
    private final double origin;
    /** linear: bins per unit of x; log10: bins per decade; explicit: unused */
    private final double invWidth;
    /**
     * Whether the arithmetic guess is within one bin of the true bin for every x in [low, high),
     * checked once over all edges (see {@link #guessWithinOneBin}); false for explicit edges.
     */
    private final boolean oneStep;

    private Binning(double[] edges, Kind kind, double origin, double invWidth) {
        this.edges = edges;
        this.kind = kind;
        this.n = edges.length - 1;
        this.low = edges[0];
        this.high = edges[n];
        this.origin = origin;
        this.invWidth = invWidth;
        this.oneStep = kind != Kind.EXPLICIT && guessWithinOneBin();
    }

    /** The arithmetic bin estimate for x in [low, high), clamped to [0, n - 1]. */
    private int guess(double x) {
        double t = kind == Kind.LINEAR ? (x - origin) * invWidth : (Math.log10(x) - origin) * invWidth;
        return Math.max(0, Math.min((int) t, n - 1));
    }

    /**
     * The guess is monotone non-decreasing in x (rounded subtraction, multiplication by a positive
     * constant, log10 and truncation all are), so for every x in bin i it lies between the guesses
     * for the smallest and the largest double of bin i. If those are within one bin of i for every
     * bin, one correction step against the stored edges always finds the exact bin.
     */
    private boolean guessWithinOneBin() {
        for (int i = 0; i < n; i++) {
            if (edges[i] < edges[i + 1]
                    && (guess(edges[i]) < i - 1 || guess(Math.nextDown(edges[i + 1])) > i + 1)) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param bins number of bins, >= 1
     * @param low  lower edge (finite)
     * @param high upper edge, > low, with high - low finite
     * @throws IllegalArgumentException naming the offending values
     */
    public static Binning linear(int bins, double low, double high) {
        checkRange(bins, low, high);
        if (!Double.isFinite(high - low)) {
            throw new IllegalArgumentException("linear bin range [" + low + ", " + high
                    + "] is wider than the largest double; expected high - low to be finite");
        }
        double[] e = new double[bins + 1];
        for (int i = 0; i <= bins; i++) {
            e[i] = low + (high - low) * i / bins;
        }
        e[0] = low;
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
     * Locates a value. The stored {@link #edges} are authoritative: the result is the bin {@code i}
     * with {@code edge(i) <= x < edge(i + 1)} (the last bin also holds its upper edge), whatever
     * rounding the arithmetic guess of linear and log10 binnings makes. For linear binnings that
     * costs one subtraction, one multiplication and one or two edge comparisons; log10 binnings add a
     * {@code log10}; explicit edges are binary-searched.
     *
     * @return the bin in [0, bins()), {@link #UNDERFLOW} below the first edge (including -∞),
     *         {@code bins()} above the last edge (including +∞), {@link #NAN} for NaN
     */
    public int findBin(double x) {
        if (x >= low && x < high) {
            if (!oneStep) {
                return search(x);
            }
            // reference comparison rather than an enum switch: cheaper in hot loops
            double t = kind == Kind.LINEAR ? (x - origin) * invWidth : (Math.log10(x) - origin) * invWidth;
            // t >= 0 here, so (int) t >= 0; one step against the stored edges gives the exact bin
            int i = Math.min((int) t, n - 1);
            return i - (x < edges[i] ? 1 : 0) + (x >= edges[i + 1] ? 1 : 0);
        }
        return outside(x);
    }

    /** @return the largest i with edges[i] <= x, for x in [low, high) */
    private int search(double x) {
        int a = 0, b = n; // edges[a] <= x < edges[b]
        while (b - a > 1) {
            int m = (a + b) >>> 1;
            if (x < edges[m]) {
                b = m;
            } else {
                a = m;
            }
        }
        return a;
    }

    /** @return the result of {@link #findBin} for a value not in [low, high) */
    private int outside(double x) {
        if (x < low) {
            return UNDERFLOW;
        }
        if (x == high) {
            return n - 1;
        }
        return x > high ? n : NAN;
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
