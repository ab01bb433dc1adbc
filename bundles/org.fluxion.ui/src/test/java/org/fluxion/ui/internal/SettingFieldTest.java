package org.fluxion.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.fluxion.api.workflow.Port;
import org.fluxion.api.workflow.Setting;
import org.fluxion.api.workflow.StepDescriptor;
import org.junit.jupiter.api.Test;

class SettingFieldTest {
    enum Shape { STEP, POINTS }

    record Settings(@Setting(description = "Number of bins", defaultValue = "50", min = 1, max = 10000) int nBins,
            @Setting(description = "Lower edge", unit = "GeV") double min,
            @Setting(description = "Drawing", defaultValue = "step") Shape shape,
            @Setting(description = "Unfolder id", defaultValue = "llh") String method,
            @Setting(description = "Columns", defaultValue = "[]") List<String> columns, boolean plain) {
    }

    static SettingsForm form(Map<String, String> given, List<String> unfolders) {
        StepDescriptor<Settings> d = new StepDescriptor<>("demo", "Demo", "A demo step",
                List.of(Port.of("samples", String.class, "in")), List.of(Port.of("out", Integer.class, "out")),
                Settings.class);
        return SettingsForm.of("d1", d, Map.of("samples", "load.samples"), given, unfolders);
    }

    @Test
    void oneFieldPerComponentWithKeyTypeUnitRangeAndDefault() {
        SettingsForm f = form(Map.of("min", "14.5"), List.of());
        assertEquals(List.of("n_bins", "min", "shape", "method", "columns", "plain"),
                f.fields().stream().map(SettingField::key).toList());
        SettingField bins = f.fields().get(0);
        assertEquals("integer", bins.typeName());
        assertEquals("[1, 10000]", bins.rangeLabel());
        assertEquals("default 50", bins.defaultLabel());
        assertEquals("50", bins.effectiveText());
        assertNull(bins.valueText());
        SettingField min = f.fields().get(1);
        assertEquals("GeV", min.unit());
        assertEquals("required", min.defaultLabel());
        assertEquals("14.5", min.effectiveText());
        assertEquals(List.of("step", "points"), f.fields().get(2).choices());
        assertFalse(f.fields().get(4).editable());
        assertTrue(f.fields().get(5).bool());
        assertEquals(List.of("samples: String  \u2190 load.samples"), f.inputs());
        assertEquals(List.of("out: Integer"), f.outputs());
    }

    @Test
    void unfolderSettingsOfferTheInstalledUnfolders() {
        SettingField method = form(Map.of(), List.of("gold", "ibu", "llh")).fields().get(3);
        assertEquals(List.of("gold", "ibu", "llh"), method.choices());
        assertTrue(method.freeChoice());
        assertNull(method.check("my_unfolder"), "an id of a bundle installed later may be typed");
        assertEquals(List.of(), form(Map.of(), List.of()).fields().get(3).choices());
    }

    @Test
    void checksValuesAsTheBinderDoes() {
        SettingsForm f = form(Map.of(), List.of());
        SettingField bins = f.fields().get(0);
        assertNull(bins.check("20"));
        assertNull(bins.check("1_000"));
        assertEquals("'n_bins' must be in [1, 10000] but was 0", bins.check("0"));
        assertEquals("'n_bins' must be an integer but was '2.5'", bins.check("2.5"));
        assertEquals("'min' must be a number but was 'x'", f.fields().get(1).check("x"));
        assertNull(f.fields().get(1).check("-.inf"));
        assertEquals("'shape' must be one of [step, points] but was 'bars'", f.fields().get(2).check("bars"));
        assertNull(f.fields().get(2).check("POINTS"));
        assertEquals("'plain' must be true or false but was 'maybe'", f.fields().get(5).check("maybe"));
    }

    @Test
    void quotedValuesAreShownWithoutQuotes() {
        assertEquals("it's", form(Map.of("method", "'it''s'"), List.of()).fields().get(3).effectiveText());
    }
}
