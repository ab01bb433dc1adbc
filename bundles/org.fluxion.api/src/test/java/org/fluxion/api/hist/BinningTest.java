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
}
