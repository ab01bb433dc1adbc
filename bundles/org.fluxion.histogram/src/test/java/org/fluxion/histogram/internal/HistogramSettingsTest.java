package org.fluxion.histogram.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fluxion.api.hist.Binning;
import org.fluxion.api.workflow.InvalidSettingsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class HistogramSettingsTest {

    private static Histogram1DSettings h1(String name, int bins, double min, double max, boolean logX) {
        return new Histogram1DSettings(name, "E", bins, min, max, logX, false, "", "", "", false);
    }

    private static void assertRejected(String key, String fragment, Executable creation) {
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, creation);
        assertEquals(key, e.key(), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), "message '" + e.getMessage() + "' lacks '" + fragment + "'");
    }

    @Test
    void rejectsBadBinsAndRangesWithKeyAndValue() {
        assertRejected("bins", "'bins' must be >= 1 but was 0", () -> h1("e", 0, 14, 18, false));
        assertRejected("max", "'max' (14.0) must be strictly greater than 'min' (14.0)", () -> h1("e", 10, 14, 14, false));
        assertRejected("max", "'max' (13.0)", () -> h1("e", 10, 14, 13, false));
        assertRejected("min", "must be > 0 for log-spaced bins but was 0.0", () -> h1("e", 10, 0, 18, true));
        assertRejected("min", "must be finite but was NaN", () -> h1("e", 10, Double.NaN, 18, false));
        assertRejected("name", "but was 'my energy'", () -> h1("my energy", 10, 14, 18, false));
        assertRejected("column", "histogram 'e'", () -> new Histogram1DSettings("e", " ", 10, 0, 1, false, false, "",
                "", "", false));
        assertRejected("x_bins", "'x_bins' must be >= 1 but was -3", () -> new Histogram2DSettings("p", "Ne", "Nmu",
                -3, 0, 1, 10, 0, 1, "", "", "", "", false));
        assertRejected("y_max", "'y_max' (0.5) must be strictly greater than 'y_min' (1.0)",
                () -> new Histogram2DSettings("p", "Ne", "Nmu", 3, 0, 1, 10, 1, 0.5, "", "", "", "", false));
    }

    @Test
    void derivesBinningsAndNormalisesOptionalStrings() {
        Histogram1DSettings lin = new Histogram1DSettings("e", "E", 4, 14, 18, false, false, null, " Particle ", null,
                false);
        assertEquals(Binning.linear(4, 14, 18), lin.binning());
        assertEquals("", lin.weight());
        assertEquals("Particle", lin.groupBy());
        assertEquals("", lin.label());
        assertEquals(Binning.Kind.LOG10, h1("e", 4, 1, 1000, true).binning().kind());
    }

    @Test
    void rejectsMalformedSelections() {
        List<Histogram1DSettings> hs = List.of(h1("e", 10, 14, 18, false));
        assertRejected("select", "'Ze' must be [min, max] or [min] but was []",
                () -> new HistogramSettings(List.of(), Map.of("Ze", List.of()), hs, List.of()));
        assertRejected("select", "but was [1.0, 2.0, 3.0]",
                () -> new HistogramSettings(List.of(), Map.of("Ze", List.of(1.0, 2.0, 3.0)), hs, List.of()));
        assertRejected("select", "'Ze': need min < max but got [30.0, 0.0]",
                () -> new HistogramSettings(List.of(), Map.of("Ze", List.of(30.0, 0.0)), hs, List.of()));
        assertRejected("select", "need min < max but got [NaN]",
                () -> new HistogramSettings(List.of(), Map.of("Ze", List.of(Double.NaN)), hs, List.of()));
        List<Double> withNull = new ArrayList<>(Arrays.asList(1.0, null));
        assertRejected("select", "but was [1.0, null]",
                () -> new HistogramSettings(List.of(), Map.of("Ze", withNull), hs, List.of()));
    }

    @Test
    void keepsTheSelectionOrderAndBounds() {
        Map<String, List<Double>> select = new LinkedHashMap<>();
        select.put("Ze", List.of(0.0, 30.0));
        select.put("Nmu", List.of(3.6));
        select.put("Ne", List.of(Double.NEGATIVE_INFINITY, 7.0));
        HistogramSettings s = new HistogramSettings(null, select, List.of(h1("e", 10, 14, 18, false)), null);
        assertEquals(List.of(new RangeCut("Ze", 0, 30), new RangeCut("Nmu", 3.6, Double.POSITIVE_INFINITY),
                new RangeCut("Ne", Double.NEGATIVE_INFINITY, 7)), s.cuts());
        assertEquals(List.of(), s.samples());
        assertEquals(List.of(), s.histograms_2d());
    }

    @Test
    void rejectsDuplicateNamesAndEmptyWork() {
        assertRejected("histograms", "nothing to fill", () -> new HistogramSettings(List.of(), Map.of(), List.of(),
                List.of()));
        Histogram2DSettings p = new Histogram2DSettings("e", "Ne", "Nmu", 3, 0, 1, 3, 0, 1, "", "", "", "", false);
        assertRejected("histograms_2d", "histogram name 'e' is used twice",
                () -> new HistogramSettings(List.of(), Map.of(), List.of(h1("e", 10, 14, 18, false)), List.of(p)));
        assertRejected("samples", "'samples' lists 'mc' twice",
                () -> new HistogramSettings(List.of("mc", "mc"), Map.of(), List.of(h1("e", 10, 14, 18, false)),
                        List.of()));
    }
}
