package org.fluxion.io.hdf5;

import org.fluxion.testsupport.RecordingStepContext;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.fluxion.api.workflow.InputException;
import org.fluxion.io.hdf5.internal.LoadHdf5StepProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every bad input gives an InputException naming the file, the dataset or key and what was expected. */
class BadInputTest {
    private static final Hdf5InputSettings MC = Hdf5InputSettings.of(Hdf5InputSettings.Type.MC, "unused");
    private static final Hdf5LoadSettings WEIGHTED = Hdf5LoadSettings.of(Map.of("mc", MC))
            .withKeys("MC", Fixtures.pairs("energy", "energy", "zenith", "zenith")).withModel("GaisserH3aWeight");

    @TempDir
    Path dir;

    private static InputException fails(String file, Hdf5LoadSettings settings) {
        return fails(file, MC, settings);
    }

    private static InputException fails(String file, Hdf5InputSettings input, Hdf5LoadSettings settings) {
        InputException e = assertThrows(InputException.class,
                () -> Fixtures.read("mc", input, settings, 2, new ArrayList<>(), file));
        assertEquals(Fixtures.file(file), e.file(), e.getMessage());
        assertTrue(e.getMessage().startsWith(Fixtures.file(file).toString()), e.getMessage());
        return e;
    }

    private static void contains(InputException e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "'" + p + "' not in: " + e.getMessage());
        }
    }

    @Test
    void missingFile() {
        contains(fails("no_such_file.h5", WEIGHTED), "file not found");
    }

    @Test
    void notHdf5() {
        contains(fails("not_hdf5.h5", WEIGHTED), "not an HDF5 file", "energy zenith", "HDF5 signature");
    }

    @Test
    void truncatedFile() {
        contains(fails("truncated.h5", WEIGHTED), "truncated HDF5 file", "bytes but its superblock says it ends at byte");
    }

    @Test
    void missingColumnListsTheAvailableOnes() {
        InputException e = fails("flat.h5", WEIGHTED.withKeys("MC", Fixtures.pairs("energy", "energy", "e_reco", "E_reco")));
        contains(e, "no dataset 'E_reco'", "column 'e_reco'", "available: [", "energy", "zenith", "stop_score");
    }

    @Test
    void missingHdfwriterKeyAndFieldListTheAvailableOnes() {
        InputException key = fails("hdfwriter.h5", WEIGHTED.withModel("").withKeys("MC",
                Fixtures.pairs("e", "SplineMPE/energy")));
        contains(key, "no frame key 'SplineMPE'", "available keys: [DNN_reco, FilterMask, GaisserH3aWeight, Multiplicity]");
        InputException field = fails("hdfwriter.h5", WEIGHTED.withModel("").withKeys("MC",
                Fixtures.pairs("e", "DNN_reco/E")));
        contains(field, "table '/DNN_reco' has no field 'E'", "[Run, Event, SubEvent, SubEventStream, exists, energy, zenith, stop_score]");
    }

    @Test
    void missingPandasColumnListsTheAvailableOnes() {
        contains(fails("pandas_table.h5", WEIGHTED.withKeys("MC", Fixtures.pairs("e", "E"))), "has no column 'E'",
                "available: [", "GaisserH3aWeight");
    }

    @Test
    void missingModelColumnListsTheAvailableOnes() {
        contains(fails("flat.h5", WEIGHTED.withModel("GlobalFitGSTWeight")), "no weight column for flux model "
                + "'GlobalFitGSTWeight'", "config key 'model'", "GaisserH3aWeight");
    }

    @Test
    void modelColumnMissingInL0IsAWarning() throws Exception {
        List<String> warnings = new ArrayList<>();
        var t = Fixtures.read("mc", MC.withLevel(Hdf5InputSettings.Level.L0), WEIGHTED.withModel("GlobalFitGSTWeight"), 1,
                warnings, "flat.h5");
        assertEquals(List.of("energy", "zenith"), t.columnNames());
        assertNull(t.attributes().get("weight_column"));
        assertTrue(warnings.get(0).contains("no weight column 'GlobalFitGSTWeight'"), warnings.toString());
        assertTrue(warnings.get(1).contains("data_level 'L2' but the configuration says 'L0'"), warnings.toString());
    }

    @Test
    void lengthMismatchNamesBothDatasets() {
        contains(fails("bad_length_mismatch.h5", WEIGHTED), "length mismatch", "'zenith' has 37 rows but 'energy' has 40");
    }

    @Test
    void wrongWeightType() {
        contains(fails("bad_weight_dtype.h5", WEIGHTED), "weight column 'GaisserH3aWeight'", "is long",
                "expected floating-point weights");
    }

    @Test
    void nanWeights() {
        contains(fails("bad_weight_nan.h5", WEIGHTED), "2 NaN or infinite value(s), the first in row 7");
    }

    @Test
    void emptyTable() {
        contains(fails("bad_empty.h5", WEIGHTED), "empty table", "0 events");
    }

    @Test
    void unsupportedFiltersNameDatasetFilterAndFix() {
        contains(fails("pandas_blosc.h5", WEIGHTED), "'/mc/table", "blosc (HDF5 filter 32001)", "ptrepack --complib=zlib",
                "h5repack");
        contains(fails("pandas_bzip2.h5", WEIGHTED), "bzip2 (HDF5 filter 307)", "ptrepack");
    }

    @Test
    void pickledObjectColumnNamesTheDatasetAndTheFix() throws Exception {
        contains(fails("pandas_object.h5", WEIGHTED.withKeys("MC", Fixtures.pairs("particle", "particle"))),
                "'particle'", "block5_values", "pickled Python objects", "astype('category').cat.codes");
        // the numeric columns of the same frame stay readable
        var t = Fixtures.read("mc", MC, WEIGHTED, 1, new ArrayList<>(), "pandas_object.h5");
        assertEquals(40, t.rowCount());
    }

    @Test
    void pickleInputsSayJavaCannotReadThem() {
        contains(fails("mc.pickle", WEIGHTED), "Python pickle", "Java cannot read", "docs/inputs.md");
        contains(fails("mc.pickle", MC.withHdf5(false), WEIGHTED), "'hdf5: false'", "Java cannot read Python pickles",
                "pd.read_pickle");
    }

    @Test
    void negativeEnumTableIsNamedAndTheOtherKeysStayReadable() throws Exception {
        InputException e = fails("hdfwriter_negative_enum.h5", WEIGHTED.withModel("").withKeys("MC",
                Fixtures.pairs("primary_energy", "PrimaryParticle/energy")));
        contains(e, "table '/PrimaryParticle'", "column 'primary_energy'", "ENUM", "negative member value", "h5py",
                "docs/inputs.md");
        List<String> warnings = new ArrayList<>();
        var t = Fixtures.read("mc", MC, WEIGHTED.withKeys("MC", Fixtures.pairs("energy", "DNN_reco/energy", "fss",
                "FilterMask/FSS_13")), 2, warnings, "hdfwriter_negative_enum.h5");
        assertEquals(List.of("energy", "fss", "GaisserH3aWeight", "weight"), t.columnNames());
        assertArrayEquals(Fixtures.expected().get("energy"), t.column("energy").toDoubleArray());
        assertTrue(warnings.get(0).contains("negative member value"), warnings.toString());
    }

    private static void assertArrayEquals(double[] a, double[] b) {
        org.junit.jupiter.api.Assertions.assertArrayEquals(a, b, 0.0);
    }

    @Test
    void misalignedTablesNameTheKey() {
        contains(fails("hdfwriter_misaligned.h5", WEIGHTED.withModel("").withKeys("MC",
                Fixtures.pairs("energy", "DNN_reco/energy", "n", "Multiplicity/value"))),
                "table '/Multiplicity' is not aligned with '/DNN_reco'", "row 5", "(123456, 1006, 0)", "(123456, 1005, 0)");
    }

    @Test
    void missingLivetime() {
        Hdf5InputSettings data = Hdf5InputSettings.of(Hdf5InputSettings.Type.DATA, "unused").withReadLivetime();
        InputException e = assertThrows(InputException.class, () -> Fixtures.read("mc", data,
                Hdf5LoadSettings.of(Map.of("mc", data)), 1, new ArrayList<>(), "flat.h5"));
        contains(e, "no livetime", "'livetime_s'");
    }

    @Test
    void aFailingInputPublishesNothing() throws Exception {
        Files.copy(Fixtures.file("flat.h5"), dir.resolve("good.h5"));
        Files.copy(Fixtures.file("bad_weight_nan.h5"), dir.resolve("bad.h5"));
        Map<String, Hdf5InputSettings> in = new java.util.LinkedHashMap<>();
        in.put("good", Hdf5InputSettings.of(Hdf5InputSettings.Type.MC, "good.h5").withGroup("mc"));
        in.put("bad", Hdf5InputSettings.of(Hdf5InputSettings.Type.MC, "bad.h5").withGroup("mc"));
        RecordingStepContext ctx = new RecordingStepContext(dir, 2);
        assertThrows(InputException.class, () -> new LoadHdf5StepProvider()
                .create(Hdf5LoadSettings.of(in).withModel("GaisserH3aWeight")).run(ctx));
        assertNull(ctx.output("samples"));
    }
}
