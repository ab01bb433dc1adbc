package org.fluxion.api.hist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class BinningTest {

    @Test
    void linearEdgesAndLookup() {
        Binning b = Binning.linear(10, 0, 1);
        assertEquals(10, b.bins());
        assertEquals(0.1, b.width(0), 1e-15);
        assertEquals(0, b.findBin(0.0));
        assertEquals(9, b.findBin(0.999));
        assertEquals(9, b.findBin(1.0), "upper edge belongs to the last bin");
        assertEquals(10, b.findBin(1.0000001), "overflow");
        assertEquals(Binning.UNDERFLOW, b.findBin(-1e-12));
        assertEquals(Binning.NAN, b.findBin(Double.NaN));
        assertEquals(10, b.findBin(Double.POSITIVE_INFINITY));
        assertEquals(Binning.UNDERFLOW, b.findBin(Double.NEGATIVE_INFINITY));
    }

    @Test
    void arithmeticLookupAgreesWithEdgesEverywhere() {
        SplittableRandom r = new SplittableRandom(1);
        Binning lin = Binning.linear(37, -3.3, 7.1);
        Binning log = Binning.log10(23, 300, 1e5);
        for (Binning b : new Binning[] { lin, log }) {
            Binning explicit = Binning.ofEdges(b.edges());
            for (int k = 0; k < 100_000; k++) {
                double x = b.low() + (b.high() - b.low()) * (r.nextDouble() * 1.2 - 0.1);
                assertEquals(explicit.findBin(x), b.findBin(x), "x=" + x + " in " + b);
            }
            for (int i = 0; i <= b.bins(); i++) {
                assertEquals(explicit.findBin(b.edge(i)), b.findBin(b.edge(i)), "edge " + i);
                assertEquals(explicit.findBin(Math.nextDown(b.edge(i))), b.findBin(Math.nextDown(b.edge(i))));
            }
        }
    }

    @Test
    void logBinsAreEquallySpacedInLog() {
        Binning b = Binning.log10(4, 1, 1e4);
        assertEquals(10, b.edge(1), 1e-12);
        assertEquals(1000, b.edge(3), 1e-9);
        assertEquals(Math.sqrt(10), b.centre(0), 1e-12);
    }

    @Test
    void rejectsBadEdgesWithTheValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Binning.ofEdges(0, 1, 1, 2));
        assertTrue(e.getMessage().contains("edge 2 (1.0) <= edge 1 (1.0)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Binning.ofEdges(0));
        assertThrows(IllegalArgumentException.class, () -> Binning.ofEdges(0, Double.NaN));
        e = assertThrows(IllegalArgumentException.class, () -> Binning.linear(5, 2, 1));
        assertTrue(e.getMessage().contains("(2.0) must be strictly less than upper edge (1.0)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Binning.linear(0, 0, 1));
        e = assertThrows(IllegalArgumentException.class, () -> Binning.log10(5, 0, 1));
        assertTrue(e.getMessage().contains("> 0 but was 0.0"), e.getMessage());
    }

    @Test
    void rejectsALinearRangeWiderThanTheLargestDouble() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Binning.linear(4, -1e308, 1e308));
        assertTrue(e.getMessage().contains("[-1.0E308, 1.0E308]"), e.getMessage());
    }

    /** The reference: bin by a plain binary search over the stored edges. */
    private static int searchBin(double[] e, double x) {
        if (Double.isNaN(x)) {
            return Binning.NAN;
        }
        int n = e.length - 1;
        if (x < e[0]) {
            return Binning.UNDERFLOW;
        }
        if (x > e[n]) {
            return n;
        }
        if (x == e[n]) {
            return n - 1;
        }
        int a = 0, b = n;
        while (b - a > 1) {
            int m = (a + b) >>> 1;
            if (x < e[m]) {
                b = m;
            } else {
                a = m;
            }
        }
        return a;
    }

    @Test
    void findBinAgreesWithABinarySearchOverTheEdges() {
        SplittableRandom r = new SplittableRandom(3);
        Binning[] binnings = { Binning.linear(50, 14, 18), Binning.linear(100, 3.9, 7.5), Binning.linear(100, 3.4, 6.5),
                Binning.linear(37, -3.3, 7.1), Binning.linear(1, -1e-300, 1e-300), Binning.linear(1000, 0.1, 0.3),
                Binning.linear(3, 1e16, 1e16 + 12), Binning.linear(4, -1e307, 1e308),
                // degenerate: bins narrower than the spacing of doubles (repeated edges; guess far off)
                Binning.linear(10, 1e16, 1e16 + 8), Binning.linear(7, 1, Math.nextUp(Math.nextUp(1.0))),
                Binning.linear(1_000_000, 0, 1), Binning.log10(23, 300, 1e5), Binning.log10(40, 1e14, 1e18),
                Binning.ofEdges(-1, 0, 0.5, 2, 10) };
        for (Binning b : binnings) {
            double[] e = b.edges();
            double span = b.high() - b.low();
            for (int k = 0; k < 2_000_000; k++) {
                double x = Double.isFinite(span) ? b.low() + span * (r.nextDouble() * 1.2 - 0.1)
                        : (r.nextDouble() * 2 - 1) * Double.MAX_VALUE;
                if (b.kind() == Binning.Kind.LINEAR && k % 2 == 0 && span < 100) {
                    x = Math.rint(x * 1e5) / 1e5; // values with 5 decimals as in text files
                }
                assertEquals(searchBin(e, x), b.findBin(x), "x=" + x + " in " + b);
            }
            for (int i = 0; i <= b.bins(); i++) {
                for (double x : new double[] { e[i], Math.nextUp(e[i]), Math.nextDown(e[i]) }) {
                    assertEquals(searchBin(e, x), b.findBin(x), "x=" + x + " near edge " + i + " of " + b);
                }
            }
            for (double x : new double[] { Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                    Double.MAX_VALUE, -Double.MAX_VALUE, 0.0, -0.0, Double.MIN_VALUE }) {
                assertEquals(searchBin(e, x), b.findBin(x), "x=" + x + " in " + b);
            }
        }
    }
}
