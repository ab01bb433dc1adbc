package org.fluxion.plot.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TickLabelFormatTest {
    @Test
    void formatsWithoutNoiseOrGrouping() {
        assertEquals("0.3", new TickLabelFormat(0.1).format(0.30000000000000004));
        assertEquals("0", new TickLabelFormat(0.25).format(5.55e-17));
        assertEquals("2.25", new TickLabelFormat(0.25).format(2.25));
        assertEquals("12000", new TickLabelFormat(2000).format(12000));
        assertEquals("\u22121.0", new TickLabelFormat(0.5).format(-1));
        assertEquals("\u22121", new TickLabelFormat(1).format(-1));
    }

    @Test
    void largeSpacingsUsePowersOfTen() {
        assertEquals("2\u00d710\u2076", new TickLabelFormat(1e6).format(2e6));
        assertEquals("10\u207b\u2075", new TickLabelFormat(1e-5).format(1e-5));
    }
}
