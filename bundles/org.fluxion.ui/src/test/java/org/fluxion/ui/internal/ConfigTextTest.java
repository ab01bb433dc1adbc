package org.fluxion.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ConfigTextTest {
    static final String CONFIG = """
            unique_name: t   # name
            steps:
              - id: load
                use: load_text
                with:
                  samples:
                    data: {path: a.txt}
                  chunk: 4   # comment stays

              # next step
              - id: hist
                use: histogram
                with: {bins: 50, label: 'Energy'}
              - {id: flow, use: histogram}
            """;

    @Test
    void readsTheGivenSettingsOfAStep() {
        assertEquals(Map.of("samples", "data: {path: a.txt}", "chunk", "4"), ConfigText.stepSettings(CONFIG, "load"));
        assertEquals(List.of("bins", "label"), List.copyOf(ConfigText.stepSettings(CONFIG, "hist").keySet()));
        assertEquals("'Energy'", ConfigText.stepSettings(CONFIG, "hist").get("label"));
        assertEquals(Map.of(), ConfigText.stepSettings(CONFIG, "flow"));
    }

    @Test
    void replacesAValueInPlaceKeepingComments() {
        String out = ConfigText.set(CONFIG, "load", List.of("with", "chunk"), "16");
        assertEquals(CONFIG.replace("chunk: 4   # comment stays", "chunk: 16   # comment stays"), out);
        String flow = ConfigText.set(CONFIG, "hist", List.of("with", "bins"), "20");
        assertEquals(CONFIG.replace("{bins: 50,", "{bins: 20,"), flow);
    }

    @Test
    void addsAMissingKeyAfterTheLastOneOfABlockMapping() {
        String out = ConfigText.set(CONFIG, "load", List.of("with", "threads"), "2");
        assertEquals(CONFIG.replace("chunk: 4   # comment stays\n", "chunk: 4   # comment stays\n      threads: 2\n"), out);
        String enabled = ConfigText.set(CONFIG, "load", List.of("enabled"), "false");
        assertTrue(enabled.contains("      chunk: 4   # comment stays\n    enabled: false\n\n  # next step"), enabled);
    }

    @Test
    void addsAMissingKeyToAFlowMappingAndCreatesMissingBlocks() {
        assertTrue(ConfigText.set(CONFIG, "hist", List.of("with", "log_y"), "true")
                .contains("with: {bins: 50, label: 'Energy', log_y: true}"));
        assertTrue(ConfigText.set(CONFIG, "flow", List.of("with", "bins"), "5")
                .contains("- {id: flow, use: histogram, with: {bins: 5}}"));
        assertTrue(ConfigText.set(CONFIG, "flow", List.of("enabled"), "false")
                .contains("- {id: flow, use: histogram, enabled: false}"));
    }

    @Test
    void everyEditReadsBackAsTheValueWritten() {
        String out = ConfigText.set(CONFIG, "hist", List.of("with", "label"), ConfigText.scalarText("it's: #1", String.class));
        assertEquals("'it''s: #1'", ConfigText.stepSettings(out, "hist").get("label"));
        assertEquals("true", ConfigText.scalarText("true", boolean.class));
        assertEquals("'true'", ConfigText.scalarText("true", String.class));
        assertEquals("'12'", ConfigText.scalarText("12", String.class));
        assertEquals("llh", ConfigText.scalarText("llh", String.class));
        assertEquals("data/a b.txt", ConfigText.scalarText("data/a b.txt", String.class));
    }

    @Test
    void refusesWhatItCannotEdit() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> ConfigText.set(CONFIG, "nope", List.of("with", "x"), "1"));
        assertEquals("the configuration has no step with id 'nope'", unknown.getMessage());
        IllegalArgumentException flat = assertThrows(IllegalArgumentException.class,
                () -> ConfigText.set("inputs: {mc: {path: a.h5}}\nreg_range: 0.1\n", "unfold_range", List.of("with", "reg"),
                        "1"));
        assertTrue(flat.getMessage().contains("flat stopping-muon configuration"), flat.getMessage());
        IllegalArgumentException block = assertThrows(IllegalArgumentException.class,
                () -> ConfigText.set(CONFIG, "load", List.of("with", "samples"), "1"));
        assertTrue(block.getMessage().contains("'with.samples' is a block list or mapping"), block.getMessage());
        IllegalArgumentException broken = assertThrows(IllegalArgumentException.class,
                () -> ConfigText.set("steps: [", "load", List.of("with", "x"), "1"));
        assertTrue(broken.getMessage().startsWith("the configuration is not valid YAML"), broken.getMessage());
    }
}
