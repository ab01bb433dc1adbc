package org.fluxion.histogram.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.fluxion.api.artifact.HistogramSeries;
import org.fluxion.api.artifact.Map2DSeries;
import org.fluxion.api.artifact.PlotSpec;
import org.fluxion.api.artifact.TableArtifact;
import org.fluxion.api.data.Column;
import org.fluxion.api.data.EventTable;
import org.fluxion.api.data.SampleSet;
import org.fluxion.api.data.Selection;
import org.fluxion.api.hist.Binning;
import org.fluxion.api.hist.Histogram;
import org.fluxion.api.hist.Histogram2D;
import org.fluxion.api.workflow.CancelledException;
import org.fluxion.api.workflow.InvalidSettingsException;
import org.fluxion.testsupport.FakeStepContext;
import org.junit.jupiter.api.Test;

class HistogramStepTest {
    static final List<String> PRIMARIES = List.of("p", "he", "c/o", "si", "fe");

    /** A KCDC-like sample: lg energy with some NaN, zenith in degrees, lg sizes, a weight and the primary. */
    static EventTable sample(String name, int rows, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] e = new double[rows], ze = new double[rows], ne = new double[rows], nmu = new double[rows];
        double[] w = new double[rows];
        int[] particle = new int[rows];
        for (int i = 0; i < rows; i++) {
            e[i] = i % 997 == 0 ? Double.NaN : r.nextDouble(13.5, 18.5);
            ze[i] = r.nextDouble(0, 45);
            ne[i] = r.nextDouble(3.5, 8);
            nmu[i] = r.nextDouble(3, 6.5);
            w[i] = r.nextDouble(0.5, 2);
            particle[i] = r.nextInt(PRIMARIES.size());
        }
        return EventTable.builder(name)
                .add(Column.ofDoubles("E", "lg(E/eV)", e))
                .add(Column.ofDoubles("Ze", "deg", ze))
                .add(Column.ofDoubles("Ne", "", ne))
                .add(Column.ofDoubles("Nmu", "", nmu))
                .add(Column.ofDoubles("w", "Hz", w))
                .add(Column.ofCategories("Particle", particle, PRIMARIES))
                .build();
    }

    static Histogram1DSettings energy(String weight, String groupBy) {
        return new Histogram1DSettings("energy", "E", 50, 14, 18, false, true, weight, groupBy, "Reconstructed energy",
                false);
    }

    static Histogram2DSettings plane(String weight, String groupBy) {
        return new Histogram2DSettings("ne_nmu", "Ne", "Nmu", 100, 3.9, 7.5, 100, 3.4, 6.5, weight, groupBy, "", "",
                true);
    }

    static Map<String, List<Double>> cuts() {
        Map<String, List<Double>> select = new LinkedHashMap<>();
        select.put("Ze", List.of(0.0, 30.0));
        select.put("Nmu", List.of(3.6));
        return select;
    }

    static FakeStepContext run(HistogramSettings settings, int parallelism, EventTable... samples) throws Exception {
        FakeStepContext context = new FakeStepContext(parallelism).input("samples", SampleSet.of(List.of(samples)));
        new HistogramStepProvider().create(settings).run(context);
        return context;
    }

    static boolean passes(EventTable t, int i) {
        double ze = t.column("Ze").getDouble(i), nmu = t.column("Nmu").getDouble(i);
        return ze >= 0 && ze < 30 && nmu >= 3.6;
    }

    static Histogram histogramOf(PlotSpec plot, String label) {
        for (var s : plot.series()) {
            if (s instanceof HistogramSeries hs && hs.label().equals(label)) {
                return hs.histogram();
            }
        }
        throw new AssertionError("no series '" + label + "' in " + plot.series());
    }

    static Histogram2D mapOf(PlotSpec plot) {
        return ((Map2DSeries) plot.series().get(0)).histogram();
    }

    @Test
    void countsEqualADirectLoopOverTheSelectedRows() throws Exception {
        EventTable t = sample("data", 200_000, 1);
        FakeStepContext c = run(new HistogramSettings(List.of(), cuts(), List.of(energy("", "")), List.of()), 2, t);

        Binning b = Binning.linear(50, 14, 18);
        long[] expected = new long[50];
        long under = 0, over = 0, nan = 0, entries = 0;
        for (int i = 0; i < t.rowCount(); i++) {
            if (!passes(t, i)) {
                continue;
            }
            double e = t.column("E").getDouble(i);
            int bin = b.findBin(e);
            if (bin == Binning.NAN) {
                nan++;
                continue;
            }
            entries++;
            if (bin == Binning.UNDERFLOW) {
                under++;
            } else if (bin == 50) {
                over++;
            } else {
                expected[bin]++;
            }
        }
        Histogram h = histogramOf(c.plots.get("data_energy"), "data");
        for (int i = 0; i < 50; i++) {
            assertEquals(expected[i], h.sumW(i), "bin " + i);
            assertEquals(expected[i], h.sumW2(i), "bin " + i);
        }
        assertTrue(under > 0 && over > 0 && nan > 0, "the fixture must exercise under/overflow and NaN");
        assertEquals(under, h.underflow());
        assertEquals(over, h.overflow());
        assertEquals(nan, h.nanEntries());
        assertEquals(entries, h.entries());
        assertEquals(t.rowCount(), c.worked.get());
        assertTrue(c.outputs.isEmpty());
    }

    @Test
    void weightedFillsKeepSumOfWeightsAndOfSquaredWeights() throws Exception {
        EventTable t = sample("mc", 150_000, 2);
        FakeStepContext c = run(new HistogramSettings(List.of(), cuts(), List.of(energy("w", "")), List.of()), 3, t);
        Binning b = Binning.linear(50, 14, 18);
        double[] sw = new double[50], sw2 = new double[50];
        double under = 0, over = 0;
        for (int i = 0; i < t.rowCount(); i++) {
            if (!passes(t, i)) {
                continue;
            }
            int bin = b.findBin(t.column("E").getDouble(i));
            double w = t.column("w").getDouble(i);
            if (bin == Binning.UNDERFLOW) {
                under += w;
            } else if (bin == 50) {
                over += w;
            } else if (bin != Binning.NAN) {
                sw[bin] += w;
                sw2[bin] += w * w;
            }
        }
        Histogram h = histogramOf(c.plots.get("mc_energy"), "mc");
        for (int i = 0; i < 50; i++) {
            assertEquals(sw[i], h.sumW(i), 1e-9 * sw[i], "bin " + i);
            assertEquals(sw2[i], h.sumW2(i), 1e-9 * sw2[i], "bin " + i);
        }
        assertEquals(under, h.underflow(), 1e-9 * under);
        assertEquals(over, h.overflow(), 1e-9 * over);

        TableArtifact table = c.tables.get("mc_energy_bins");
        assertEquals(List.of("E_low [lg(E/eV)]", "E_high [lg(E/eV)]", "sumW [Hz]", "error [Hz]"),
                table.headers().stream().map(TableArtifact.Header::title).toList());
        assertEquals(50, table.rows().size());
        assertEquals(14.0, table.rows().get(0).get(0));
        assertEquals(14.08, (double) table.rows().get(0).get(1), 1e-12);
        assertEquals(h.sumW(7), table.rows().get(7).get(2));
        assertEquals(Math.sqrt(h.sumW2(7)), table.rows().get(7).get(3));
        PlotSpec plot = c.plots.get("mc_energy");
        assertEquals("Sum of weights", plot.y().label());
        assertEquals("Hz", plot.y().unit());
        assertTrue(plot.y().log());
        assertEquals("Reconstructed energy [lg(E/eV)]", plot.x().title());
    }

    @Test
    void underAndOverflowAreCountedAndAnnotated() throws Exception {
        EventTable t = EventTable.builder("data")
                .add(Column.ofDoubles("x", "m", new double[] { -1, 0, 0.5, 1, 1.99, 2, 2.5, Double.NaN, 7 }))
                .build();
        Histogram1DSettings h1 = new Histogram1DSettings("x", "x", 2, 0, 2, false, false, "", "", "", false);
        FakeStepContext c = run(new HistogramSettings(List.of(), Map.of(), List.of(h1), List.of()), 1, t);
        PlotSpec plot = c.plots.get("data_x");
        Histogram h = histogramOf(plot, "data");
        assertEquals(2, h.sumW(0));
        assertEquals(3, h.sumW(1)); // 1, 1.99 and the upper edge 2
        assertEquals(1, h.underflow());
        assertEquals(2, h.overflow());
        assertEquals(1, h.nanEntries());
        assertEquals(List.of("entries: 8", "underflow: 1", "overflow: 2", "NaN (not filled): 1"), plot.annotations());
        assertEquals("x [m]", plot.x().title());
        assertEquals("Entries", plot.y().label());
    }

    @Test
    void groupByGivesOneHistogramPerLevelAndTheirSum() throws Exception {
        EventTable t = sample("sim", 120_000, 3);
        FakeStepContext c = run(new HistogramSettings(List.of(), cuts(), List.of(energy("w", "Particle")),
                List.of(plane("", "Particle"))), 2, t);

        Binning b = Binning.linear(50, 14, 18);
        long[] entries = new long[PRIMARIES.size()];
        Binning bx = Binning.linear(100, 3.9, 7.5), by = Binning.linear(100, 3.4, 6.5);
        long[][][] cells = new long[PRIMARIES.size()][100][100];
        Column.Categorical particle = (Column.Categorical) t.column("Particle");
        for (int i = 0; i < t.rowCount(); i++) {
            if (!passes(t, i)) {
                continue;
            }
            int bin = b.findBin(t.column("E").getDouble(i));
            if (bin != Binning.NAN) {
                entries[particle.code(i)]++;
            }
            int ix = bx.findBin(t.column("Ne").getDouble(i)), iy = by.findBin(t.column("Nmu").getDouble(i));
            if (ix >= 0 && ix < 100 && iy >= 0 && iy < 100) {
                cells[particle.code(i)][ix][iy]++;
            }
        }
        PlotSpec plot = c.plots.get("sim_energy");
        assertEquals(List.of("p", "he", "c/o", "si", "fe", "all"), plot.series().stream().map(s -> s.label()).toList());
        assertEquals(HistogramSeries.Style.STEP, ((HistogramSeries) plot.series().get(0)).style());
        Histogram total = histogramOf(plot, "all");
        Histogram sum = null;
        for (int l = 0; l < PRIMARIES.size(); l++) {
            Histogram h = histogramOf(plot, PRIMARIES.get(l));
            sum = sum == null ? h : sum.plus(h);
            assertTrue(entries[l] > 0);
            assertEquals(entries[l], h.entries(), "level " + PRIMARIES.get(l));
        }
        assertEquals(sum, total);

        TableArtifact table = c.tables.get("sim_energy_bins");
        assertEquals(4 + 2 * PRIMARIES.size(), table.headers().size());
        assertEquals("sumW_c/o", table.headers().get(8).name());

        for (int l = 0; l < PRIMARIES.size(); l++) {
            String stem = "sim_ne_nmu_" + HistogramArtifacts.fileStem(PRIMARIES.get(l));
            Histogram2D h = mapOf(c.plots.get(stem));
            for (int i = 0; i < 100; i++) {
                for (int j = 0; j < 100; j++) {
                    assertEquals(cells[l][i][j], h.sumW(i, j), stem + " cell " + i + "," + j);
                }
            }
        }
        assertTrue(c.plots.containsKey("sim_ne_nmu_c_o"));
        Histogram2D all = mapOf(c.plots.get("sim_ne_nmu"));
        assertTrue(c.plots.get("sim_ne_nmu").colour().log());
        TableArtifact cellsTable = c.tables.get("sim_ne_nmu_bins");
        assertEquals(100 * 100, cellsTable.rows().size());
        assertEquals(List.of("x_low", "x_high", "y_low", "y_high", "sumW", "error"),
                cellsTable.headers().subList(0, 6).stream().map(TableArtifact.Header::name).toList());
        List<Object> row = cellsTable.rows().get(3 * 100 + 7);
        assertEquals(all.xBinning().edge(3), row.get(0));
        assertEquals(all.yBinning().edge(7), row.get(2));
        assertEquals(all.sumW(3, 7), row.get(4));
    }

    @Test
    void integerGroupColumnsUseTheirDistinctValuesInOrder() throws Exception {
        int n = 1000;
        double[] x = new double[n];
        int[] id = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = (i % 10) + 0.5;
            id[i] = i % 3 == 0 ? 5626 : 14;
        }
        EventTable t = EventTable.builder("sim").add(Column.ofDoubles("x", "", x)).add(Column.ofInts("id", "", id)).build();
        Histogram1DSettings h1 = new Histogram1DSettings("x", "x", 10, 0, 10, false, false, "", "id", "", false);
        FakeStepContext c = run(new HistogramSettings(List.of(), Map.of(), List.of(h1), List.of()), 1, t);
        PlotSpec plot = c.plots.get("sim_x");
        assertEquals(List.of("14", "5626", "all"), plot.series().stream().map(s -> s.label()).toList());
        assertEquals(334, histogramOf(plot, "5626").entries());
        assertEquals(666, histogramOf(plot, "14").entries());
    }

    @Test
    void cutFlowCountsTheRowsAfterEachCutPerSample() throws Exception {
        EventTable data = sample("data", 70_000, 4), mc = sample("mc", 90_000, 5);
        FakeStepContext c = run(new HistogramSettings(List.of(), cuts(), List.of(energy("", "")), List.of()), 2, data,
                mc);
        TableArtifact flow = c.tables.get(HistogramStep.CUT_FLOW);
        assertEquals(6, flow.rows().size());
        for (EventTable t : List.of(data, mc)) {
            long afterZe = 0, afterNmu = 0;
            for (int i = 0; i < t.rowCount(); i++) {
                double ze = t.column("Ze").getDouble(i);
                if (ze >= 0 && ze < 30) {
                    afterZe++;
                    if (t.column("Nmu").getDouble(i) >= 3.6) {
                        afterNmu++;
                    }
                }
            }
            int first = t == data ? 0 : 3;
            assertEquals(List.of(t.name(), "all rows", (long) t.rowCount(), 1.0), flow.rows().get(first));
            assertEquals(List.of(t.name(), "0 <= Ze < 30", afterZe, (double) afterZe / t.rowCount()),
                    flow.rows().get(first + 1));
            assertEquals(List.of(t.name(), "Nmu >= 3.6", afterNmu, (double) afterNmu / t.rowCount()),
                    flow.rows().get(first + 2));

            @SuppressWarnings("unchecked")
            Map<String, Object> samples = (Map<String, Object>) c.summaries.get(HistogramStep.SUMMARY).get("samples");
            @SuppressWarnings("unchecked")
            Map<String, Object> s = (Map<String, Object>) samples.get(t.name());
            assertEquals((long) t.rowCount(), s.get("rows"));
            assertEquals(afterNmu, s.get("selected"));
        }
        assertEquals(List.of("0 <= Ze < 30", "Nmu >= 3.6"), c.summaries.get(HistogramStep.SUMMARY).get("cuts"));
    }

    @Test
    void onlyTheListedSamplesAreFilled() throws Exception {
        FakeStepContext c = run(new HistogramSettings(List.of("mc"), Map.of(), List.of(energy("", "")), List.of()), 1,
                sample("data", 100, 6), sample("mc", 100, 7));
        assertEquals(List.of("mc_energy"), List.copyOf(c.plots.keySet()));
    }

    @Test
    void resultsAreBitIdenticalWhateverTheThreadCount() throws Exception {
        EventTable t = sample("mc", 5 * SampleFill.CHUNK_ROWS + 123, 8);
        HistogramSettings s = new HistogramSettings(List.of(), cuts(),
                List.of(energy("w", ""), new Histogram1DSettings("byParticle", "E", 40, 14, 18, false, false, "w",
                        "Particle", "", true)),
                List.of(plane("w", ""), new Histogram2DSettings("planes", "Ne", "Nmu", 30, 4, 7, 30, 3.5, 6.5, "w",
                        "Particle", "", "", false)));
        FakeStepContext one = run(s, 1, t), four = run(s, 4, t), two = run(s, 2, t);
        assertEquals(one.plots.keySet(), four.plots.keySet());
        for (String name : one.plots.keySet()) {
            assertEquals(one.plots.get(name), four.plots.get(name), name);
            assertEquals(one.plots.get(name), two.plots.get(name), name);
        }
        assertEquals(one.tables, four.tables);
        assertEquals(one.summaries, four.summaries);
        assertTrue(histogramOf(one.plots.get("mc_energy"), "mc").integral() > 0);
        assertTrue(mapOf(one.plots.get("mc_planes_fe")).integral() > 0);
    }

    @Test
    void columnViewsAndEveryNumericColumnTypeAreRead() throws Exception {
        int n = 10_000;
        SplittableRandom r = new SplittableRandom(9);
        double[] d = new double[n];
        float[] f = new float[n];
        int[] ints = new int[n];
        long[] longs = new long[n];
        boolean[] keep = new boolean[n];
        for (int i = 0; i < n; i++) {
            d[i] = r.nextDouble(0, 10);
            f[i] = (float) r.nextDouble(0, 10);
            ints[i] = r.nextInt(-1, 11);
            longs[i] = r.nextLong(-1, 11);
            keep[i] = r.nextBoolean();
        }
        EventTable full = EventTable.builder("v").add(Column.ofDoubles("d", "", d)).add(Column.ofFloats("f", "", f))
                .add(Column.ofInts("i", "", ints)).add(Column.ofLongs("l", "", longs)).build();
        EventTable view = full.select(Selection.ofMask(keep));
        List<Histogram1DSettings> hs = new ArrayList<>();
        for (String col : List.of("d", "f", "i", "l")) {
            hs.add(new Histogram1DSettings(col, col, 10, 0, 10, false, false, "", "", "", false));
        }
        Map<String, List<Double>> select = Map.of("d", List.of(2.0, 8.0));
        FakeStepContext c = run(new HistogramSettings(List.of(), select, hs, List.of()), 2, view);
        for (String col : List.of("d", "f", "i", "l")) {
            Histogram.Builder expected = Histogram.builder(Binning.linear(10, 0, 10));
            for (int k = 0; k < view.rowCount(); k++) {
                double dv = view.column("d").getDouble(k);
                if (dv >= 2 && dv < 8) {
                    expected.fill(view.column(col).getDouble(k));
                }
            }
            assertEquals(expected.build(), histogramOf(c.plots.get("v_" + col), "v"), col);
        }
    }

    @Test
    void unknownColumnsAreRejectedBeforeAnythingIsWritten() {
        EventTable t = sample("data", 100, 10);
        Map<String, List<Double>> select = Map.of("Zenith", List.of(0.0, 30.0));
        FakeStepContext c = new FakeStepContext(1).input("samples", SampleSet.of(List.of(t)));
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> new HistogramStepProvider()
                .create(new HistogramSettings(List.of(), select, List.of(energy("", "")), List.of())).run(c));
        assertEquals("select", e.key());
        assertTrue(e.getMessage().contains("sample 'data'"), e.getMessage());
        assertTrue(e.getMessage().contains("'Zenith'"), e.getMessage());
        assertTrue(e.getMessage().contains("[E, Ze, Ne, Nmu, w, Particle]"), e.getMessage());
        assertTrue(c.plots.isEmpty() && c.tables.isEmpty() && c.summaries.isEmpty());

        Histogram2DSettings bad = new Histogram2DSettings("p", "Ne", "lgNmu", 10, 0, 1, 10, 0, 1, "", "", "", "", false);
        e = assertThrows(InvalidSettingsException.class, () -> run(
                new HistogramSettings(List.of(), Map.of(), List.of(), List.of(bad)), 1, t));
        assertEquals("histograms_2d", e.key());
        assertTrue(e.getMessage().contains("'lgNmu' (used by histograms_2d[0] 'p' y)"), e.getMessage());
    }

    @Test
    void unknownSamplesAndFloatingPointGroupColumnsAreRejected() {
        EventTable t = sample("data", 100, 11);
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> run(
                new HistogramSettings(List.of("mc"), Map.of(), List.of(energy("", "")), List.of()), 1, t));
        assertEquals("samples", e.key());
        assertTrue(e.getMessage().contains("'mc'") && e.getMessage().contains("[data]"), e.getMessage());

        e = assertThrows(InvalidSettingsException.class, () -> run(
                new HistogramSettings(List.of(), Map.of(), List.of(energy("", "Ze")), List.of()), 1, t));
        assertEquals("histograms", e.key());
        assertTrue(e.getMessage().contains("'Ze' is of type DOUBLE"), e.getMessage());

        e = assertThrows(InvalidSettingsException.class, () -> run(
                new HistogramSettings(List.of(), Map.of(), List.of(energy("Particle", "")), List.of()), 1, t));
        assertTrue(e.getMessage().contains("categorical"), e.getMessage());
    }

    @Test
    void artifactNameClashesAreRejected() {
        EventTable cut = sample("cut", 10, 12);
        Histogram1DSettings flow = new Histogram1DSettings("flow", "E", 5, 14, 18, false, false, "", "", "", false);
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
                () -> run(new HistogramSettings(List.of(), Map.of(), List.of(flow), List.of()), 1, cut));
        assertTrue(e.getMessage().contains("'cut_flow'"), e.getMessage());
    }

    @Test
    void cancellationStopsTheFill() {
        EventTable t = sample("data", 3 * SampleFill.CHUNK_ROWS, 13);
        FakeStepContext c = new FakeStepContext(2).input("samples", SampleSet.of(List.of(t)));
        c.cancelled = true;
        assertThrows(CancelledException.class, () -> new HistogramStepProvider()
                .create(new HistogramSettings(List.of(), Map.of(), List.of(energy("", "")), List.of())).run(c));
        assertTrue(c.plots.isEmpty());
    }

    @Test
    void emptySamplesGiveEmptyHistograms() throws Exception {
        EventTable t = sample("data", 0, 14);
        FakeStepContext c = run(new HistogramSettings(List.of(), cuts(), List.of(energy("", "Particle")),
                List.of(plane("", ""))), 4, t);
        assertEquals(0, histogramOf(c.plots.get("data_energy"), "all").entries());
        assertEquals(0, mapOf(c.plots.get("data_ne_nmu")).entries());
        assertEquals(List.of("data", "all rows", 0L, 1.0), c.tables.get(HistogramStep.CUT_FLOW).rows().get(0));
    }
}
