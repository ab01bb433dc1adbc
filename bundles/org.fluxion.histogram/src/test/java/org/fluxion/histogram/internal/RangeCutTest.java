package org.fluxion.histogram.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RangeCutTest {

    @Test
    void isHalfOpenAndRejectsNaN() {
        RangeCut c = new RangeCut("Ze", 0, 30);
        assertTrue(c.contains(0));
        assertTrue(c.contains(29.999));
        assertFalse(c.contains(30));
        assertFalse(c.contains(-1e-9));
        assertFalse(c.contains(Double.NaN));
        assertEquals("0 <= Ze < 30", c.describe());
    }

    @Test
    void oneSidedCutsKeepInfinities() {
        RangeCut lower = new RangeCut("Nmu", 3.6, Double.POSITIVE_INFINITY);
        assertTrue(lower.contains(Double.POSITIVE_INFINITY));
        assertFalse(lower.contains(3.5));
        assertEquals("Nmu >= 3.6", lower.describe());
        RangeCut upper = new RangeCut("Ze", Double.NEGATIVE_INFINITY, 30);
        assertTrue(upper.contains(Double.NEGATIVE_INFINITY));
        assertEquals("Ze < 30", upper.describe());
        assertThrows(IllegalArgumentException.class, () -> new RangeCut("Ze", 3, 3));
    }

    @Test
    void theFillLoopAgreesWithContains() {
        double[] v = { -1, 0, 5, 30, Double.NaN, Double.POSITIVE_INFINITY, 29.5, Double.NEGATIVE_INFINITY };
        for (RangeCut c : new RangeCut[] { new RangeCut("a", 0, 30), new RangeCut("a", 0, Double.POSITIVE_INFINITY),
                new RangeCut("a", Double.NEGATIVE_INFINITY, 30) }) {
            int[] rows = { 0, 1, 2, 3, 4, 5, 6, 7 };
            int n = SampleFill.keep(rows, v.clone(), v.length, c.low(), c.high());
            int expected = 0;
            for (int k = 0; k < v.length; k++) {
                if (c.contains(v[k])) {
                    assertEquals(k, rows[expected++], c.describe());
                }
            }
            assertEquals(expected, n, c.describe());
        }
    }
}
