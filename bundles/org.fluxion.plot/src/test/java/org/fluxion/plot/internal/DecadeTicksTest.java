package org.fluxion.plot.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.AttributedCharacterIterator;
import java.util.List;

import org.junit.jupiter.api.Test;

class DecadeTicksTest {
    private static String text(DecadeTicks.Tick t) {
        StringBuilder sb = new StringBuilder();
        AttributedCharacterIterator it = t.label().getIterator();
        for (char c = it.first(); c != AttributedCharacterIterator.DONE; c = it.next()) {
            sb.append(c);
        }
        return sb.toString();
    }

    private static List<String> labels(double lo, double hi) {
        return DecadeTicks.compute(lo, hi, PlotStyle.TICK_LABEL_FONT).stream().filter(DecadeTicks.Tick::major)
                .map(DecadeTicksTest::text).toList();
    }

    @Test
    void decadesAreLabelledAndMantissasAreMinorTicks() {
        List<DecadeTicks.Tick> ticks = DecadeTicks.compute(0, 3, PlotStyle.TICK_LABEL_FONT);
        assertEquals(List.of("100", "101", "102", "103"), labels(0, 3)); // "10" + superscript exponent
        assertEquals(4 + 3 * 8, ticks.size());
        assertEquals(30, ticks.get(11).value(), 1e-9);
        assertEquals(200, ticks.get(19).value(), 1e-9);
    }

    @Test
    void negativeExponentsUseAMinusSign() {
        assertEquals(List.of("10\u22122", "10\u22121"), labels(-2, -1));
    }

    @Test
    void shortRangesGetMantissaLabels() {
        assertEquals(List.of("2", "5", "10\u00b9", "20").size(), labels(0.2, 1.4).size());
        assertTrue(labels(0.2, 1.4).contains("2"), labels(0.2, 1.4).toString());
        assertTrue(labels(0.2, 1.4).contains("20"), labels(0.2, 1.4).toString());
    }

    @Test
    void longRangesLabelEveryNthDecade() {
        List<String> l = labels(-10, 30);
        assertTrue(l.size() <= 9 && l.size() >= 4, l.toString());
    }
}
