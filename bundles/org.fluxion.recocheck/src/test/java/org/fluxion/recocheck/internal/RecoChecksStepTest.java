package org.fluxion.recocheck.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fluxion.api.artifact.TableArtifact;
import org.fluxion.core.SettingsBinder;
import org.fluxion.testsupport.FakeStepContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code reco_checks} on the SMALL synthetic samples. */
class RecoChecksStepTest {
    @TempDir
    static Path dir;
    static SyntheticSamples.Sets sets;

    @BeforeAll
    static void generate() throws Exception {
        sets = SyntheticSamples.load(dir, 7);
    }

    static RecoChecksSettings settings(Map<String, Object> given) throws Exception {
        return SettingsBinder.bindPlain(RecoChecksSettings.class, given, "test", "step 'reco_checks'");
    }

    static Map<String, Object> allOn() {
        Map<String, Object> m = new HashMap<>();
        m.put("evaluate_score_distribution", true);
        m.put("plot_multiplicity", true);
        m.put("plot_correlations", true);
        m.put("plot_data_mc_agreement", true);
        m.put("analyse_mi_scores", true);
        return m;
    }

    static FakeStepContext run(RecoChecksSettings s, int threads, boolean uncut) throws Exception {
        FakeStepContext ctx = new FakeStepContext(threads).input("samples", sets.cut());
        if (uncut) {
            ctx.input("uncut", sets.uncut());
        }
        new RecoChecksStep(s).run(ctx);
        return ctx;
    }

    @Test
    void defaultsBindAndMatchTheStandardConfiguration() throws Exception {
        RecoChecksSettings s = settings(Map.of());
        assertFalse(s.anything());
        assertEquals(List.of("reco_length", "reco_log_energy", "reco_zenith", "score", "multiplicity"), s.observables());
        assertEquals(3, s.correlations().size());
        assertEquals(CorrelationPair.Transform.LOG10_TRUTH, s.correlations().get(1).transform());
        assertEquals(CorrelationPair.Transform.DEGREES, s.correlations().get(2).transform());
        assertEquals(0.7, s.scoreCut());
        assertEquals(3, s.miNeighbours());
        assertEquals(20000, s.miMaxEvents());
    }

    @Test
    void writesEveryPlotAndTable() throws Exception {
        FakeStepContext ctx = run(settings(allOn()), 2, true);
        for (String p : List.of("score_distribution", "score_purity_efficiency", "multiplicity_mc",
                "multiplicity_truth_vs_reco", "multiplicity_data_mc", "correlation_reco_length", "resolution_reco_length",
                "correlation_reco_log_energy", "correlation_reco_zenith", "data_mc_reco_length", "data_mc_reco_zenith",
                "data_mc_score", "data_mc_multiplicity", "data_mc_reco_stop_z", "mutual_information")) {
            assertTrue(ctx.plots.containsKey(p), "plot " + p + " missing; have " + ctx.plots.keySet());
        }
        for (String t : List.of("score_distribution_bins", "score_purity_efficiency_cuts", "multiplicity_bins",
                "multiplicity_truth_vs_reco_cells", "correlation_reco_length_bins", "data_mc_reco_length_bins",
                "mutual_information_scores")) {
            assertTrue(ctx.tables.containsKey(t), "table " + t + " missing");
        }
        assertTrue(ctx.summaries.containsKey("reco_checks"));
        @SuppressWarnings("unchecked")
        List<MiScore> mi = (List<MiScore>) ctx.outputs.get("mi_scores");
        assertEquals(10, mi.size());
        assertTrue(ctx.warnings.isEmpty(), ctx.warnings.toString());
    }

    /** The physics of the generator shows up: single stoppers dominate above the cut, reco length tracks truth. */
    @Test
    void numbersReflectTheGenerator() throws Exception {
        FakeStepContext ctx = run(settings(allOn()), 2, true);
        Map<String, ?> summary = ctx.summaries.get("reco_checks");
        @SuppressWarnings("unchecked")
        Map<String, Object> score = (Map<String, Object>) summary.get("score_distribution");
        double eff = (Double) score.get("efficiency"), pur = (Double) score.get("purity");
        // Beta(9, 1.3) for single stoppers: P(score >= 0.7) = 0.94 whatever the weights
        assertEquals(0.94, eff, 0.03);
        assertTrue(pur > 0.6 && pur < 1, "purity " + pur);
        double dataOverMc = (Double) score.get("data_over_mc");
        assertEquals(0.93, dataOverMc, 0.1); // true sky 0.92 H3a (E/TeV)^-0.04 vs H3a
        @SuppressWarnings("unchecked")
        List<MiScore> mi = (List<MiScore>) ctx.outputs.get("mi_scores");
        MiScore lengthLength = mi.stream().filter(m -> m.observable().equals("reco_length")
                && m.target().equals("true_length")).findFirst().orElseThrow();
        MiScore scoreLength = mi.stream().filter(m -> m.observable().equals("score")
                && m.target().equals("true_length")).findFirst().orElseThrow();
        assertTrue(lengthLength.nats() > 1.0, "I(reco_length; true_length) = " + lengthLength.nats());
        assertTrue(scoreLength.nats() < 0.2, "I(score; true_length) = " + scoreLength.nats());
        // purity/efficiency curve: efficiency falls from 1 at cut 0, purity rises
        TableArtifact pe = ctx.tables.get("score_purity_efficiency_cuts");
        assertEquals(1.0, ((Number) pe.rows().get(0).get(1)).doubleValue(), 1e-12);
    }

    @Test
    void deterministicForAnyThreadCount() throws Exception {
        FakeStepContext one = run(settings(allOn()), 1, true);
        FakeStepContext four = run(settings(allOn()), 4, true);
        assertEquals(one.tables, four.tables);
        assertEquals(one.plots, four.plots);
        assertEquals(one.outputs, four.outputs);
    }

    @Test
    void withoutUncutUsesTheCutSamplesAndSaysSo() throws Exception {
        Map<String, Object> m = new HashMap<>();
        m.put("evaluate_score_distribution", true);
        FakeStepContext ctx = run(settings(m), 1, false);
        assertTrue(ctx.plots.get("score_distribution").title().contains("after the analysis cuts"));
        assertTrue(ctx.warnings.stream().anyMatch(w -> w.contains("'uncut' is not connected")), ctx.warnings.toString());
    }

    @Test
    void missingColumnIsNamedBeforeAnyWork() throws Exception {
        Map<String, Object> m = allOn();
        m.put("observables", List.of("reco_length", "no_such_column"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> run(settings(m), 1, true));
        assertTrue(e.getMessage().contains("'no_such_column'") && e.getMessage().contains("'observables'")
                && e.getMessage().contains("'mc'"), e.getMessage());
    }

    @Test
    void missingModelColumnIsAWarning() throws Exception {
        Map<String, Object> m = new HashMap<>();
        m.put("plot_data_mc_agreement", true);
        m.put("reconstructions", List.of("reco_length"));
        m.put("models", List.of("GaisserH3aWeight", "NoSuchWeight"));
        FakeStepContext ctx = run(settings(m), 1, true);
        assertTrue(ctx.warnings.stream().anyMatch(w -> w.contains("'NoSuchWeight'")), ctx.warnings.toString());
        assertTrue(ctx.plots.containsKey("data_mc_reco_length"));
    }

    @Test
    void badSettingsAreRefusedWithTheKey() {
        Map<String, Object> m = new HashMap<>();
        m.put("mi_max_events", 3);
        Exception e = assertThrows(Exception.class, () -> settings(m));
        assertTrue(e.getMessage().contains("mi_max_events"), e.getMessage());
        Map<String, Object> c = new HashMap<>();
        c.put("correlations", List.of(Map.of("truth", "true_energy", "reco", "reco_log_energy", "log", true,
                "transform", "log10_truth")));
        e = assertThrows(Exception.class, () -> settings(c));
        assertTrue(e.getMessage().contains("logarithm twice"), e.getMessage());
    }
}
