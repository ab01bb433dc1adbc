package org.fluxion.cuts.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.fluxion.api.artifact.PointSeries;
import org.fluxion.api.artifact.TableArtifact;
import org.fluxion.api.data.Column;
import org.fluxion.api.data.EventTable;
import org.fluxion.api.data.SampleSet;
import org.fluxion.api.data.Selection;
import org.fluxion.api.workflow.InvalidSettingsException;
import org.fluxion.cuts.CutFlow;
import org.fluxion.cuts.CutSet;
import org.fluxion.testsupport.FakeStepContext;
import org.junit.jupiter.api.Test;

class CutsStepTest {
    //                                      0     1     2     3     4          5     6     7
    private static final double[] SCORE = {0.9, 0.8, 0.75, 0.1, Double.NaN, 0.95, 0.7, 0.69};
    private static final double[] Z = {100, 600, 250, 10, 20, -5, 0, 400};
    private static final boolean[] FSS = {true, true, true, true, true, false, true, true};
    private static final double[] W = {1e-3, 2e-3, 3e-3, 4e-3, 5e-3, 6e-3, 7e-3, 8e-3};

    static EventTable mc() {
        return EventTable.builder("mc").add(Column.ofDoubles("score", "", SCORE)).add(Column.ofDoubles("reco_stop_z", "m", Z))
                .add(Column.ofBooleans("fss", FSS)).add(Column.ofDoubles("weight", "Hz", W))
                .attribute("data_type", "MC").attribute("data_level", "L2").build();
    }

    static EventTable data() {
        // fss as a 0/1 int column, as from filter_fss
        return EventTable.builder("data").add(Column.ofFloats("score", "", new float[] {0.9f, 0.3f, 0.8f, 0.71f}))
                .add(Column.ofDoubles("reco_stop_z", "m", new double[] {10, 10, 700, 499}))
                .add(Column.ofInts("fss", "", new int[] {1, 1, 1, 0}))
                .attribute("data_type", "data").attribute("livetime_s", 8.0).build();
    }

    static EventTable mcL0() {
        return EventTable.builder("mc_l0").add(Column.ofDoubles("weight", "Hz", new double[] {0.5, 0.25}))
                .attribute("data_type", "MC").attribute("cut_exception", true).build();
    }

    static EventTable extra() {
        return EventTable.builder("extra").add(Column.ofDoubles("x", "", new double[] {1, 2, 3})).build();
    }

    static CutsSettings settings(String filtermask, List<String> exceptions) {
        Map<String, Object> cuts = new LinkedHashMap<>();
        cuts.put("score", 0.7);
        cuts.put("reco_stop_z", List.of(0, 500));
        return new CutsSettings(filtermask, cuts, exceptions, "weight");
    }

    static FakeStepContext run(CutsSettings s, EventTable... tables) {
        FakeStepContext c = new FakeStepContext(1).input("samples", SampleSet.of(List.of(tables)));
        new CutsStep(s).run(c);
        return c;
    }

    @Test
    void cutFlowByHand() {
        FakeStepContext c = run(settings("fss", List.of("extra")), mc(), data(), mcL0(), extra());
        CutFlow flow = (CutFlow) c.outputs.get("cut_flow");
        CutFlow.SampleFlow mc = flow.sample("mc");
        assertEquals(List.of("all", "filtermask: fss", "score >= 0.7", "reco_stop_z in [0, 500]"),
                mc.stages().stream().map(CutFlow.Stage::label).toList());
        // fss removes row 5; score >= 0.7 keeps 0, 1, 2, 6 (3 low, 4 NaN, 7 below); z in [0, 500] drops row 1 (600)
        assertEquals(List.of(8L, 7L, 4L, 3L), mc.stages().stream().map(CutFlow.Stage::events).toList());
        assertEquals(36e-3, mc.stages().get(0).weightedRate(), 1e-15);
        assertEquals(30e-3, mc.stages().get(1).weightedRate(), 1e-15);
        assertEquals(13e-3, mc.stages().get(2).weightedRate(), 1e-15);
        assertEquals(11e-3, mc.stages().get(3).weightedRate(), 1e-15);
        assertEquals(Math.sqrt(1e-6 + 9e-6 + 49e-6), mc.stages().get(3).weightedRateError(), 1e-15);
        assertEquals(3.0 / 8, mc.fraction(3));

        // data: fss drops row 3, score drops row 1, z drops row 2 (700); rate = events / 8 s
        CutFlow.SampleFlow data = flow.sample("data");
        assertEquals(List.of(4L, 3L, 2L, 1L), data.stages().stream().map(CutFlow.Stage::events).toList());
        assertEquals(0.5, data.stages().get(0).weightedRate());
        assertEquals(0.125, data.stages().get(3).weightedRate());
        assertEquals(Math.sqrt(2) / 8, data.stages().get(2).weightedRateError(), 1e-15);

        assertTrue(flow.sample("mc_l0").cutException());
        assertEquals(1, flow.sample("mc_l0").stages().size());
        assertEquals(0.75, flow.sample("mc_l0").stages().get(0).weightedRate());
        assertTrue(Double.isNaN(flow.sample("extra").stages().get(0).weightedRate()), "no weight column, no rate");

        TableArtifact t = c.tables.get("cut_flow");
        assertEquals("weighted_rate [Hz]", t.headers().get(7).title());
        assertEquals(4 + 4 + 1 + 1, t.rows().size());
        List<Object> row = t.rows().get(3);
        assertEquals(List.of("mc", 3, "reco_stop_z in [0, 500]", "yes", 3L, 0.375, 0.75), row.subList(0, 7));
        assertEquals(11e-3, (Double) row.get(7), 1e-15);
        assertEquals(Math.sqrt(59e-6), (Double) row.get(8), 1e-15);
        assertEquals(List.of("extra", 0, "all", "no", 3L, 1.0, 1.0, "", ""), t.rows().get(9));
        assertNotNull(c.plots.get("cut_flow_efficiency"));
        assertEquals(2, c.plots.get("cut_flow_efficiency").series().size(), "mc and data; exceptions not drawn");
        assertEquals(4, ((PointSeries) c.plots.get("cut_flow_efficiency").series().get(0)).points().size());
        assertEquals(3L, ((Map<?, ?>) ((Map<?, ?>) c.summaries.get("cuts").get("samples")).get("mc")).get("events_after"));
    }

    @Test
    void outputSamplesAreViewsAndExceptionsUntouched() {
        EventTable mc = mc(), l0 = mcL0(), extra = extra();
        FakeStepContext c = run(settings("fss", List.of("extra")), mc, l0, extra);
        SampleSet out = (SampleSet) c.outputs.get("samples");
        assertEquals(List.of("mc", "mc_l0", "extra"), List.copyOf(out.names()));
        assertSame(l0, out.get("mc_l0"), "attribute cut_exception: true");
        assertSame(extra, out.get("extra"), "listed in cut_exceptions");
        EventTable cut = out.get("mc");
        assertArrayEquals(new double[] {0.9, 0.75, 0.7}, cut.column("score").toDoubleArray());
        assertArrayEquals(new double[] {1e-3, 3e-3, 7e-3}, cut.column("weight").toDoubleArray());
        assertEquals(mc.attributes(), cut.attributes());
        assertEquals("m", cut.column("reco_stop_z").unit());
    }

    @Test
    void withoutFilterMaskAndCutsEverythingPasses() {
        FakeStepContext c = run(new CutsSettings(null, null, null, null), mc());
        EventTable mc = mc();
        CutFlow flow = (CutFlow) c.outputs.get("cut_flow");
        assertEquals(1, flow.sample("mc").stages().size());
        assertEquals(8, ((SampleSet) c.outputs.get("samples")).get("mc").rowCount());
        assertTrue(c.plots.isEmpty(), "no cut steps, no efficiency plot");
        assertEquals(mc.rowCount(), flow.sample("mc").last().events());
    }

    @Test
    void stepAgreesWithCutSetSelectOnRandomTable() {
        SplittableRandom rnd = new SplittableRandom(7);
        int n = 20_000;
        double[] a = new double[n], b = new double[n];
        int[] flag = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = rnd.nextDouble() < 0.01 ? Double.NaN : rnd.nextDouble();
            b[i] = Math.floor(rnd.nextDouble() * 10);
            flag[i] = rnd.nextInt(2);
        }
        EventTable t = EventTable.builder("mc").add(Column.ofDoubles("a", "", a)).add(Column.ofDoubles("b", "", b))
                .add(Column.ofInts("flag", "", flag)).build();
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("a", Map.of(">", 0.2, "<=", 0.9));
        spec.put("b", Map.of("!=", 3));
        CutsSettings s = new CutsSettings("flag", spec, List.of(), "weight");
        FakeStepContext c = run(s, t);
        Selection expected = CutSet.parse(spec, "cuts").select(t)
                .and(CutSet.parse(Map.of("flag", true), "filter").select(t));
        EventTable out = ((SampleSet) c.outputs.get("samples")).get("mc");
        assertEquals(expected.size(), out.rowCount());
        assertArrayEquals(t.select(expected).column("a").toDoubleArray(), out.column("a").toDoubleArray());
        // independent count
        long count = 0;
        for (int i = 0; i < n; i++) {
            if (flag[i] == 1 && a[i] > 0.2 && a[i] <= 0.9 && b[i] != 3) {
                count++;
            }
        }
        assertEquals(count, out.rowCount());
        assertTrue(count > n / 5 && count < n / 2, "about 0.5 * 0.7 * 0.9 * 0.99 of the rows: " + count);
    }

    @Test
    void deterministic() {
        FakeStepContext a = run(settings("fss", List.of()), mc(), data());
        FakeStepContext b = run(settings("fss", List.of()), mc(), data());
        assertEquals(a.tables, b.tables);
        assertEquals(a.plots, b.plots);
        assertEquals(a.summaries, b.summaries);
        assertEquals(a.outputs.get("cut_flow"), b.outputs.get("cut_flow"));
    }

    @Test
    void unknownColumnNamesSampleColumnAndAvailable() {
        Map<String, Object> cuts = Map.of("scroe", 0.5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> run(new CutsSettings("", cuts, List.of(), "weight"), mc()));
        assertTrue(e.getMessage().contains("cuts.scroe") && e.getMessage().contains("'mc'")
                && e.getMessage().contains("'scroe'") && e.getMessage().contains("reco_stop_z"), e.getMessage());
        IllegalArgumentException f = assertThrows(IllegalArgumentException.class,
                () -> run(new CutsSettings("filter_fss", Map.of(), List.of(), "weight"), data()));
        assertTrue(f.getMessage().startsWith("filtermask: sample 'data' has no column 'filter_fss'"), f.getMessage());
        IllegalArgumentException g = assertThrows(IllegalArgumentException.class,
                () -> run(new CutsSettings("reco_stop_z", Map.of(), List.of(), "weight"), data()));
        assertTrue(g.getMessage().contains("row 0 is 10.0") && g.getMessage().contains("0/1"), g.getMessage());
    }

    @Test
    void badSettingsNameTheKey() {
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
                () -> new CutsSettings("", Map.of("score", "high"), List.of(), "weight"));
        assertEquals("cuts", e.key());
        assertTrue(e.getMessage().contains("cuts.score") && e.getMessage().contains("high"), e.getMessage());
    }

    @Test
    void unknownExceptionNameWarns() {
        FakeStepContext c = run(settings("", List.of("mc_l0")), mc());
        assertEquals(1, c.warnings.size());
        assertTrue(c.warnings.get(0).contains("mc_l0"), c.warnings.get(0));
    }
}
