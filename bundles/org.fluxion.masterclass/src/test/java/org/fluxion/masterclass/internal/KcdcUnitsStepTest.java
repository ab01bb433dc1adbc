package org.fluxion.masterclass.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.fluxion.api.data.Column;
import org.fluxion.api.data.EventTable;
import org.fluxion.api.data.SampleSet;
import org.fluxion.api.workflow.InvalidSettingsException;
import org.fluxion.testsupport.FakeStepContext;
import org.junit.jupiter.api.Test;

class KcdcUnitsStepTest {
    private static final KcdcUnitsSettings DEFAULTS = new KcdcUnitsSettings(List.of(), List.of("E", "lgE", "energy"),
            List.of("Ne", "Nmu", "lgNe", "lgNmu", "electron_number", "muon_number"));

    @Test
    void electronvoltFilesAreKeptAndGigaelectronvoltFilesShiftedByNine() {
        EventTable ev = EventTable.builder("data").add(Column.ofDoubles("E", "lg(E/eV)", new double[] { 14.6, 15.1, 16.0 }))
                .add(Column.ofDoubles("Ne", "lg(Ne)", new double[] { 4.1, 4.5, 5.5 })).build();
        EventTable gev = EventTable.builder("events")
                .add(Column.ofDoubles("energy", "", new double[] { 5.6, 6.1, Double.NaN, 7.0 }))
                .add(Column.ofDoubles("electron_number", "", new double[] { 12589.25, 31622.78, 0, 316227.8 }))
                .add(Column.ofDoubles("muon_number", "", new double[] { 2511.9, 6309.6, 10000, 50118.7 }))
                .add(Column.ofDoubles("zenith", "deg", new double[] { 10, 20, 30, 40 })).build();
        FakeStepContext ctx = new FakeStepContext(1).input("samples", SampleSet.of(List.of(ev, gev)));
        new KcdcUnitsStep(DEFAULTS).run(ctx);
        SampleSet out = (SampleSet) ctx.outputs.get("samples");

        Column e = out.get("data").column("E");
        assertEquals("lg(E/eV)", e.unit());
        assertEquals(15.1, e.getDouble(1));
        Column g = out.get("events").column("energy");
        assertEquals("lg(E/eV)", g.unit());
        assertEquals(6.1 + 9, g.getDouble(1));
        assertTrue(Double.isNaN(g.getDouble(2)));
        Column ne = out.get("events").column("electron_number");
        assertEquals("lg(Ne)", ne.unit());
        assertEquals(Math.log10(31622.78), ne.getDouble(1));
        assertTrue(Double.isNaN(ne.getDouble(2)), "a size of 0 has no lg");
        assertEquals("lg(Nmu)", out.get("events").column("muon_number").unit());
        assertEquals(20.0, out.get("events").column("zenith").getDouble(1), "other columns pass through");
        assertEquals(List.of("energy", "electron_number", "muon_number", "zenith"), out.get("events").columnNames());

        // notes: one row per checked column, a warning for each conversion, none for the eV file
        assertEquals(5, ctx.tables.get("units").rows().size());
        assertEquals(3, ctx.warnings.size(), ctx.warnings.toString());
        assertTrue(ctx.warnings.get(0).contains("'energy'") && ctx.warnings.get(0).contains("lg(E/GeV)")
                && ctx.warnings.get(0).contains("6.1"), ctx.warnings.get(0));
        assertTrue(ctx.summaries.containsKey("units_summary"));
    }

    @Test
    void aFileThatDeclaresElectronvoltsButHoldsGigaelectronvoltsIsConvertedWithAWarning() {
        EventTable t = EventTable.builder("data").add(Column.ofDoubles("E", "lg(E/eV)", new double[] { 5.5, 6.2, 6.9 }))
                .build();
        FakeStepContext ctx = new FakeStepContext(1).input("samples", SampleSet.of(List.of(t)));
        new KcdcUnitsStep(DEFAULTS).run(ctx);
        assertEquals(15.2, ((SampleSet) ctx.outputs.get("samples")).get("data").column("E").getDouble(1), 1e-12);
        assertTrue(ctx.warnings.get(0).contains("declared unit 'lg(E/eV)'"), ctx.warnings.get(0));
    }

    @Test
    void unknownSamplesAndMissingColumnsAreConfigurationErrors() {
        EventTable t = EventTable.builder("data").add(Column.ofDoubles("x", "", new double[] { 1 })).build();
        FakeStepContext ctx = new FakeStepContext(1).input("samples", SampleSet.of(List.of(t)));
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> new KcdcUnitsStep(DEFAULTS).run(ctx));
        assertEquals("energy_columns", e.key());
        e = assertThrows(InvalidSettingsException.class,
                () -> new KcdcUnitsStep(new KcdcUnitsSettings(List.of("sim"), List.of("E"), List.of())).run(ctx));
        assertTrue(e.getMessage().contains("'sim'") && e.getMessage().contains("[data]"), e.getMessage());
        assertThrows(InvalidSettingsException.class, () -> new KcdcUnitsSettings(null, List.of(), List.of()));
    }
}
