package org.fluxion.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SettingsBinderTest {

    private static Plan plan(String yaml, String... overrides) throws ConfigException {
        WorkflowConfig c = WorkflowConfig.parse(yaml, "a.yaml", Path.of("."), List.of(overrides));
        return new Engine(TestSteps.registry(), null).plan(c, false);
    }

    private static TestSteps.SourceSettings source(String with, String... overrides) throws ConfigException {
        return (TestSteps.SourceSettings) plan("steps:\n  - use: source\n    with: " + with + "\n", overrides)
                .steps().get(0).settings();
    }

    @Test
    void bindsValuesAndDefaults() throws Exception {
        TestSteps.SourceSettings s = source("{n_rows: 10, shape: NORMAL, labels: [a, b], factors: {a: 2}}");
        assertEquals(10, s.nRows());
        assertEquals(TestSteps.Shape.NORMAL, s.shape());
        assertEquals(0.0, s.range().min());
        assertEquals(1.0, s.range().max());
        assertEquals(List.of("a", "b"), s.labels());
        assertEquals(Map.of("a", 2.0), s.factors());
        assertEquals(TestSteps.Shape.FLAT, source("{n_rows: 1}").shape());
    }

    @Test
    void unknownKeyNamesLineColumnAndValidKeys() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> plan("steps:\n  - use: source\n    with:\n      n_rows: 3\n      n_row: 4\n"));
        assertEquals("a.yaml:5:7", e.location());
        assertTrue(e.getMessage().contains("unknown key 'n_row'"), e.getMessage());
        assertTrue(e.getMessage().contains("n_rows, shape, range, labels, factors"), e.getMessage());
        assertTrue(e.getMessage().contains("step 'source' (source)"), e.getMessage());
    }

    @Test
    void wrongTypeNamesValueAndExpectation() {
        ConfigException e = assertThrows(ConfigException.class, () -> source("{n_rows: many}"));
        assertTrue(e.getMessage().contains("'n_rows' must be an integer but was 'many'"), e.getMessage());
        assertEquals("a.yaml:3:20", e.location());
        e = assertThrows(ConfigException.class, () -> source("{n_rows: 2, shape: square}"));
        assertTrue(e.getMessage().contains("one of [flat, normal] but was 'square'"), e.getMessage());
    }

    @Test
    void rangeAndRecordValidation() {
        ConfigException e = assertThrows(ConfigException.class, () -> source("{n_rows: 0}"));
        assertTrue(e.getMessage().contains("'n_rows' must be in [1, inf] but was 0"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> source("{n_rows: 2, range: {min: 3, max: 1}}"));
        assertTrue(e.getMessage().contains("'range.max': must be > min (3.0) but was 1.0"), e.getMessage());
        assertEquals("a.yaml:3:44", e.location());
    }

    @Test
    void missingRequiredKey() {
        ConfigException e = assertThrows(ConfigException.class, () -> source("{shape: flat}"));
        assertTrue(e.getMessage().contains("missing required key 'n_rows' (rows to generate)"), e.getMessage());
    }

    @Test
    void overridesReplaceAndCreateKeys() throws Exception {
        TestSteps.SourceSettings s = source("{n_rows: 10}", "source.n_rows=20", "source.range.max=5",
                "source.labels=[x]");
        assertEquals(20, s.nRows());
        assertEquals(5.0, s.range().max());
        assertEquals(List.of("x"), s.labels());
        ConfigException e = assertThrows(ConfigException.class, () -> source("{n_rows: 10}", "nosuch.n_rows=2"));
        assertTrue(e.getMessage().contains("no step with id 'nosuch'"), e.getMessage());
        assertThrows(ConfigException.class, () -> source("{n_rows: 10}", "colour=red"));
    }

    @Test
    void yamlSyntaxErrorHasLocation() {
        ConfigException e = assertThrows(ConfigException.class, () -> plan("steps:\n  - use: [source\n"));
        assertTrue(e.location().startsWith("a.yaml:"), e.location());
        assertTrue(e.getMessage().contains("invalid YAML"), e.getMessage());
    }

    @Test
    void snakeCase() {
        assertEquals("n_bins", SettingsBinder.key("nBins"));
        assertEquals("log_x", SettingsBinder.key("logX"));
        assertEquals("seed", SettingsBinder.key("seed"));
    }

    record Free(@org.fluxion.api.workflow.Setting(description = "free", defaultValue = "{}") Map<String, Object> options,
            @org.fluxion.api.workflow.Setting(description = "n", defaultValue = "3") int n) {
    }

    @Test
    void freeFormValuesAndPlainBinding() throws Exception {
        Free f = SettingsBinder.bindPlain(Free.class, Map.of("options", Map.of("tau", List.of(1, 2.5), "log", true)),
                "--set", "test");
        assertEquals(List.of(1L, 2.5), f.options().get("tau"));
        assertEquals(Boolean.TRUE, f.options().get("log"));
        assertEquals(3, f.n());
        ConfigException e = assertThrows(ConfigException.class,
                () -> SettingsBinder.bindPlain(Free.class, Map.of("m", 1), "cli", "unfold"));
        assertTrue(e.getMessage().contains("unknown key 'm'") && e.getMessage().contains("(cli)"), e.getMessage());
        e = assertThrows(ConfigException.class,
                () -> SettingsBinder.bindPlain(Free.class, Map.of("n", "x"), "cli", "unfold"));
        assertTrue(e.getMessage().contains("'n' must be an integer but was 'x'"), e.getMessage());
    }
}
