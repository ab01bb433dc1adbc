package org.fluxion.effarea.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import org.fluxion.api.data.Column;
import org.fluxion.api.data.EventTable;
import org.fluxion.api.data.SampleSet;
import org.fluxion.api.hist.EffectiveArea;
import org.fluxion.api.workflow.InputException;
import org.fluxion.core.internal.Json;
import org.fluxion.testsupport.FakeStepContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EffectiveAreaStepTest {
    @TempDir
    Path dir;

    static EffectiveAreaSettings settings(int bins, int iterations, boolean syst, boolean load) {
        return new EffectiveAreaSettings("energy", "", "true_zenith", "mc_l0", "mc", "weight", 300, 1e5, bins, null,
                iterations, syst, List.of("GaisserH4aWeight", "NoSuchWeight"), load, 500, 1950, 6_371_000, Double.NaN);
    }

    static SampleSet samples(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int n0 = 5000, n1 = 1500;
        double[] e0 = new double[n0], z0 = new double[n0], w0 = new double[n0], h0 = new double[n0];
        for (int i = 0; i < n0; i++) {
            e0[i] = 300 * Math.pow(1e5 / 300, rng.nextDouble());
            z0[i] = Math.acos(1 - rng.nextDouble() * (1 - Math.cos(Math.toRadians(85))));
            w0[i] = 1e-2 * Math.pow(e0[i] / 300, -0.7);
            h0[i] = w0[i] * 0.95 * Math.pow(e0[i] / 1000, -0.03);
        }
        double[] e1 = new double[n1], w1 = new double[n1], h1 = new double[n1];
        for (int i = 0; i < n1; i++) {
            e1[i] = 300 * Math.pow(1e5 / 300, rng.nextDouble());
            w1[i] = 1e-3 * Math.pow(e1[i] / 300, -0.7);
            h1[i] = w1[i] * 0.95 * Math.pow(e1[i] / 1000, -0.03);
        }
        EventTable l0 = EventTable.builder("mc_l0").add(Column.ofDoubles("true_energy", "GeV", e0))
                .add(Column.ofDoubles("true_zenith", "rad", z0)).add(Column.ofDoubles("weight", "Hz", w0))
                .add(Column.ofDoubles("GaisserH4aWeight", "Hz", h0)).attribute("generation_area_m2", 2.0e6)
                .attribute("zenith_max_deg", 85.0).attribute("weight_column", "GaisserH3aWeight").build();
        EventTable mc = EventTable.builder("mc").add(Column.ofDoubles("true_energy", "GeV", e1))
                .add(Column.ofDoubles("weight", "Hz", w1)).add(Column.ofDoubles("GaisserH4aWeight", "Hz", h1))
                .attribute("generation_area_m2", 2.0e6).attribute("weight_column", "GaisserH3aWeight").build();
        return SampleSet.of(List.of(l0, mc));
    }

    private FakeStepContext run(EffectiveAreaSettings s, SampleSet in, Path previous, int threads) throws Exception {
        FakeStepContext c = new FakeStepContext(threads).input("samples", in);
        c.previous = previous;
        new EffectiveAreaStepProvider().create(s).run(c);
        return c;
    }

    private static String json(FakeStepContext c) {
        return Json.write(c.summaries.get("effective_area"));
    }

    @Test
    void reloadRoundTripWritesIdenticalArtifacts() throws Exception {
        FakeStepContext first = run(settings(8, 40, true, false), samples(1), null, 2);
        Files.writeString(dir.resolve("effective_area.json"), json(first), StandardCharsets.UTF_8);
        FakeStepContext again = run(settings(8, 40, true, true), samples(1), dir, 1);
        assertEquals(json(first), json(again));
        assertEquals(first.tables, again.tables);
        assertEquals(first.plots, again.plots);
        assertEquals(first.outputs.get("effective_area"), again.outputs.get("effective_area"));
        EffectiveArea a = (EffectiveArea) again.outputs.get("effective_area");
        assertTrue(a.systErrorM2()[0] > 0, "flux-model systematic present");
        assertTrue(first.warnings.stream().anyMatch(w -> w.contains("NoSuchWeight")), first.warnings.toString());
        assertEquals(first.summaries.keySet(), again.summaries.keySet());
    }

    @Test
    void reloadRefusesChangedBinningAndInputs() throws Exception {
        FakeStepContext first = run(settings(8, 10, false, false), samples(1), null, 1);
        Files.writeString(dir.resolve("effective_area.json"), json(first), StandardCharsets.UTF_8);
        InputException binning = assertThrows(InputException.class,
                () -> run(settings(9, 10, false, true), samples(1), dir, 1));
        assertTrue(binning.getMessage().contains("different binning") && binning.getMessage().contains("binning.edges")
                && binning.getMessage().contains("load: false"), binning.getMessage());
        InputException inputs = assertThrows(InputException.class,
                () -> run(settings(8, 10, false, true), samples(2), dir, 1));
        assertTrue(inputs.getMessage().contains("different inputs") && inputs.getMessage().contains("l0.hash"),
                inputs.getMessage());
        InputException iterations = assertThrows(InputException.class,
                () -> run(settings(8, 11, false, true), samples(1), dir, 1));
        assertTrue(iterations.getMessage().contains("settings.iterations: saved 10, now 11"), iterations.getMessage());
    }

    @Test
    void reloadWithoutSavedResultTellsToRunOnceWithoutLoad() {
        InputException none = assertThrows(InputException.class,
                () -> run(settings(8, 10, false, true), samples(1), null, 1));
        assertTrue(none.getMessage().contains("load: false"), none.getMessage());
        InputException missing = assertThrows(InputException.class,
                () -> run(settings(8, 10, false, true), samples(1), dir, 1));
        assertTrue(missing.getMessage().contains("effective_area.json") && missing.getMessage().contains("load: false"),
                missing.getMessage());
    }

    @Test
    void sameSeedSameResultForAnyThreadCount() throws Exception {
        FakeStepContext one = run(settings(8, 30, false, false), samples(4), null, 1);
        FakeStepContext four = run(settings(8, 30, false, false), samples(4), null, 4);
        assertEquals(json(one), json(four));
    }

    @Test
    void settingsCheckTheirValues() {
        org.fluxion.api.workflow.InvalidSettingsException q = assertThrows(
                org.fluxion.api.workflow.InvalidSettingsException.class,
                () -> new EffectiveAreaSettings("length", "", "true_zenith", "mc_l0", "mc", "weight", Double.NaN,
                        Double.NaN, 0, null, 10, false, null, false, 500, 1950, 6_371_000, Double.NaN));
        assertEquals("quantity", q.key());
        EffectiveAreaSettings r = new EffectiveAreaSettings("range", "", "true_zenith", "mc_l0", "mc", "weight",
                Double.NaN, Double.NaN, 0, null, 10, false, null, false, 500, 1950, 6_371_000, Double.NaN);
        assertEquals("true_length", r.trueColumn());
        assertEquals(12, r.bins());
        assertEquals(1500, r.min());
    }
}
