package org.fluxion.io.hdf5.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fluxion.api.data.EventTable;
import org.fluxion.api.data.SampleSet;
import org.fluxion.api.workflow.StepDescriptor;
import org.fluxion.io.hdf5.Fixtures;
import org.fluxion.io.hdf5.Hdf5InputSettings;
import org.fluxion.io.hdf5.Hdf5InputSettings.Type;
import org.fluxion.io.hdf5.Hdf5LoadSettings;
import org.fluxion.testsupport.RecordingStepContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadHdf5StepProviderTest {
    @TempDir
    Path dir;

    @Test
    void loadsTheSeedInputsWithKeysModelLivetimeAndCutExceptions() throws Exception {
        for (String f : List.of("flat_part_0.h5", "flat_part_1.h5", "flat_data.h5", "flat_data_sidetable.h5",
                "flat_two_groups.h5", "hdfwriter.h5")) {
            Files.copy(Fixtures.file(f), dir.resolve(f));
        }
        Map<String, Hdf5InputSettings> in = new LinkedHashMap<>();
        in.put("mc", Hdf5InputSettings.of(Type.MC, "flat_part_*.h5"));
        in.put("data", Hdf5InputSettings.of(Type.DATA, "flat_data.h5", "flat_data_sidetable.h5").withReadLivetime());
        in.put("data_cfg", Hdf5InputSettings.of(Type.DATA, "flat_two_groups.h5").withGroup("data").withLivetime(100));
        RecordingStepContext ctx = new RecordingStepContext(dir, 2);
        LoadHdf5StepProvider provider = new LoadHdf5StepProvider();
        StepDescriptor<Hdf5LoadSettings> d = provider.descriptor();
        assertEquals("load_hdf5", d.id());
        assertEquals(SampleSet.class, d.output("samples").type());
        provider.create(Hdf5LoadSettings.of(in).withKeys("MC", Fixtures.pairs("energy", "energy", "zenith", "zenith"))
                .withKeys("data", Fixtures.pairs("energy", "energy", "stop_score", "stop_score"))
                .withModel("GaisserH3aWeight").withCutExceptions("mc")).run(ctx);
        SampleSet set = (SampleSet) ctx.output("samples");
        assertEquals(List.of("mc", "data", "data_cfg"), List.copyOf(set.names()));

        EventTable mc = set.get("mc");
        assertEquals(40, mc.rowCount());
        assertEquals(List.of("energy", "zenith", "GaisserH3aWeight", "weight"), mc.columnNames());
        org.junit.jupiter.api.Assertions.assertArrayEquals(Fixtures.expected().get("energy"),
                mc.column("energy").toDoubleArray(), 0.0);
        assertEquals(10000L, mc.attributes().get("n_generated"), "summed over the two files");
        assertEquals(2.011e6, mc.numberAttribute("generation_area_m2", 0), 0.0);
        assertEquals(true, mc.attributes().get("cut_exception"));
        assertEquals("flat_part_0.h5, flat_part_1.h5", mc.attributes().get("source_files"));
        assertFalse(mc.attributes().containsKey("livetime_s"));

        EventTable data = set.get("data");
        assertEquals(80, data.rowCount());
        assertEquals(List.of("energy", "stop_score"), data.columnNames(), "no model column for measured data");
        assertEquals(2 * 28800.0, data.numberAttribute("livetime_s", 0), 0.0, "attribute + side table");
        assertEquals("data", data.attributes().get("data_type"));
        assertEquals(false, data.attributes().get("cut_exception"));

        EventTable cfg = set.get("data_cfg");
        assertEquals(100.0, cfg.numberAttribute("livetime_s", 0), 0.0);
        assertEquals(40, cfg.rowCount());

        for (String f : List.of("flat_part_0.h5", "flat_part_1.h5", "flat_data.h5", "flat_data_sidetable.h5")) {
            assertTrue(ctx.inputFiles().stream().anyMatch(p -> p.endsWith(f)), f + " not recorded: " + ctx.inputFiles());
        }
        assertTrue(ctx.worked() > 0);
        assertEquals(List.of(), ctx.warnings());

        RecordingStepContext ctx2 = new RecordingStepContext(dir, 1);
        Hdf5LoadSettings l0 = Hdf5LoadSettings.of(Map.of("mc_l0", Hdf5InputSettings.of(Type.MC, "hdfwriter.h5")
                .withLevel(Hdf5InputSettings.Level.L0))).withKeys("MC", Fixtures.pairs("energy", "DNN_reco/energy"))
                .withModel("GaisserH3aWeight").withCutExceptions("mc_l0");
        provider.create(l0).run(ctx2);
        EventTable t = ((SampleSet) ctx2.output("samples")).get("mc_l0");
        assertEquals("L0", t.attributes().get("data_level"));
        assertEquals(true, t.attributes().get("cut_exception"));
        assertEquals(List.of("energy", "GaisserH3aWeight", "weight"), t.columnNames());
    }
}
