package org.fluxion.plot.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fluxion.api.artifact.Axis;
import org.junit.jupiter.api.Test;

class AxisRangeTest {
    private static ValueExtent of(double... v) {
        ValueExtent e = new ValueExtent();
        for (double d : v) {
            e.add(d);
        }
        return e;
    }

    @Test
    void histogramRangesStartAtZero() {
        AxisRange r = AxisRange.of("t", "y axis", Axis.linear("y", ""), of(5, 10), true, 0.05, 0.05);
        assertEquals(0, r.lower());
        assertEquals(10.5, r.upper(), 1e-12);
    }

    @Test
    void logRangeIgnoresNonPositiveValues() {
        AxisRange r = AxisRange.of("t", "y axis", Axis.log("y", ""), of(0, -3, 1, 1000), false, 0, 0);
        assertEquals(1, r.lower(), 1e-12);
        assertEquals(1000, r.upper(), 1e-9);
        assertTrue(r.logFloor() < r.lower());
    }

    @Test
    void fixedLimitsWin() {
        AxisRange r = AxisRange.of("t", "x axis", new Axis("x", "", false, -1, Double.NaN), of(0, 10), false, 0, 0);
        assertEquals(-1, r.lower());
        assertEquals(10, r.upper());
    }

    @Test
    void logAxisRejectsNonPositiveLimitsAndData() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AxisRange.of("t", "x axis", new Axis("E", "GeV", true, 0, 10), of(1, 2), false, 0, 0));
        assertTrue(e.getMessage().contains("min=0.0"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> AxisRange.of("t", "x axis", Axis.log("E", "GeV"), of(0, -1), false, 0, 0));
    }
}
