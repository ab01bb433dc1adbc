package org.fluxion.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class StandardAnalysisPresetTest {
    private static final String FLAT = """
            unique_name: flat
            output_path: out
            inputs:
              mc: {path: mc.h5, hdf5: true, level: L2, type: MC}
            cut_exceptions: [mc_l0]
            filtermask: fss
            cuts: {score: 0.7}
            evaluate_score_distribution: true
            plot correlations: false
            calculate_effective_area_range: true
            calculate_effective_area_energy: false
            unfold_range: true
            unfold_energy: true
            reg_range: 0.01
            plot_results_range: true
            range_fit: true
            range_min: 1000
            range_max: 9000
            n_range_bins: 8
            n_proxy_bins: 16
            model: GaisserH3aWeight
            seed: 7
            """;

    private static WorkflowConfig parse(String text, String... overrides) throws ConfigException {
        return WorkflowConfig.parse(text, "flat.yaml", Path.of("."), List.of(overrides));
    }

    private static StepConfig step(WorkflowConfig c, String name) {
        return c.steps().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void flatKeysBecomeTheStoppingMuonWorkflow() throws ConfigException {
        WorkflowConfig c = parse(FLAT);
        assertEquals("flat", c.uniqueName());
        assertEquals(7, c.seed());
        assertEquals(List.of("load", "cuts", "reco_checks", "effective_area_range", "effective_area_energy",
                "unfold_range", "unfold_energy", "systematics_range", "systematics_energy", "fits"),
                c.steps().stream().map(StepConfig::name).toList());
        assertTrue(step(c, "reco_checks").enabled());
        assertTrue(step(c, "effective_area_range").enabled());
        assertFalse(step(c, "effective_area_energy").enabled());
        assertTrue(step(c, "unfold_energy").enabled());
        assertFalse(step(c, "systematics_range").enabled());
        assertTrue(step(c, "fits").enabled());
        assertEquals(Map.of("samples", "cuts.samples", "effective_area", "effective_area_range.effective_area"),
                step(c, "unfold_range").inputs());
        assertEquals(Map.of("samples", "cuts.samples"), step(c, "unfold_energy").inputs());
        assertEquals(Map.of("range_flux", "unfold_range.flux", "range_effective_area",
                "effective_area_range.effective_area"), step(c, "fits").inputs());
        assertEquals("unfold_flux", step(c, "unfold_range").use());
    }

    @Test
    void settingsKeepTheFlatKeysLocation() throws ConfigException {
        WorkflowConfig c = parse(FLAT);
        var with = (org.yaml.snakeyaml.nodes.MappingNode) step(c, "unfold_range").settings();
        String reg = null;
        for (var t : with.getValue()) {
            if ("reg".equals(SettingsBinder.scalarText(t.getKeyNode()))) {
                reg = SettingsBinder.location("flat.yaml", t.getValueNode());
            }
        }
        assertEquals("flat.yaml:14:12", reg);
    }

    @Test
    void unknownFlatKeyIsRefusedWithItsLine() {
        ConfigException e = assertThrows(ConfigException.class, () -> parse(FLAT + "n_rnage_bins: 3\n"));
        assertTrue(e.getMessage().contains("flat.yaml:23:1"), e.getMessage());
        assertTrue(e.getMessage().contains("n_rnage_bins"), e.getMessage());
    }

    @Test
    void flagsMustBeBooleans() {
        ConfigException e = assertThrows(ConfigException.class, () -> parse(FLAT.replace("unfold_energy: true",
                "unfold_energy: yes please")));
        assertTrue(e.getMessage().contains("unfold_energy"), e.getMessage());
        assertTrue(e.getMessage().contains("flat.yaml:13:1"), e.getMessage());
    }

    @Test
    void aFluxNeedsAnEffectiveArea() {
        ConfigException e = assertThrows(ConfigException.class, () -> parse(FLAT.replace(
                "calculate_effective_area_range: true", "calculate_effective_area_range: false")));
        assertTrue(e.getMessage().contains("calculate_effective_area_range"), e.getMessage());
    }

    @Test
    void overridesApplyToFlatKeysAndToSteps() throws ConfigException {
        WorkflowConfig c = parse(FLAT, "unfold_energy=false", "seed=9", "unfold_range.n_walkers=10");
        assertFalse(step(c, "unfold_energy").enabled());
        assertEquals(9, c.seed());
        var with = (org.yaml.snakeyaml.nodes.MappingNode) step(c, "unfold_range").settings();
        assertTrue(with.getValue().stream().anyMatch(t -> "n_walkers".equals(SettingsBinder.scalarText(t.getKeyNode()))));
    }

    @Test
    void generalFormIsUntouched() throws ConfigException {
        WorkflowConfig c = parse("steps:\n  - {use: a}\n");
        assertEquals(1, c.steps().size());
    }

    @Test
    void everyFlatKeyReachesAStep() {
        Map<String, List<String>> d = StandardAnalysisPreset.destinations();
        for (String k : StandardAnalysisPreset.FLAT_KEYS) {
            if (!k.equals("plot correlations")) {
                assertTrue(d.containsKey(k) && !d.get(k).isEmpty(), "flat key " + k + " goes nowhere: " + d);
            }
        }
        assertEquals(List.of("unfold_range.reg", "systematics_range.reg"), d.get("reg_range"));
        assertEquals(List.of("top level"), d.get("seed"));
    }
}
