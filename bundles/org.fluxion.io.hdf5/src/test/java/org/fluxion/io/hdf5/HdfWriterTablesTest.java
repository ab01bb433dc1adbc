package org.fluxion.io.hdf5;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.fluxion.api.data.ColumnType;
import org.fluxion.api.data.EventTable;
import org.fluxion.io.hdf5.Hdf5LoadSettings.MissingRows;
import org.junit.jupiter.api.Test;

/** IceCube hdfwriter specifics: FilterMask pairs, exists == 0 rows, reading every column. */
class HdfWriterTablesTest {
    private static final Hdf5InputSettings MC = Hdf5InputSettings.of(Hdf5InputSettings.Type.MC, "unused");
    private static final int[] MISSING = { 3, 11, 12 };

    @Test
    void filterMaskGivesConditionAndPrescaleFlags() throws Exception {
        Hdf5LoadSettings s = Hdf5LoadSettings.of(Map.of("mc", MC)).withKeys("MC", Fixtures.pairs("fss", "FilterMask/FSS_13",
                "fss_prescale", "FilterMask/FSS_13/prescale", "muon", "FilterMask/MuonFilter_13/condition"));
        EventTable t = Fixtures.read("mc", MC, s, 2, new ArrayList<>(), "hdfwriter.h5");
        Map<String, double[]> e = Fixtures.expected();
        assertArrayEquals(e.get("fss"), t.column("fss").toDoubleArray());
        assertArrayEquals(e.get("fss_prescale"), t.column("fss_prescale").toDoubleArray());
        assertArrayEquals(e.get("muon"), t.column("muon").toDoubleArray());
        assertEquals(ColumnType.BOOLEAN, t.column("fss_prescale").spec().type());
        assertEquals("hdfwriter", t.attributes().get("layout"));
    }

    @Test
    void missingRowsAreDroppedFromEveryColumn() throws Exception {
        Hdf5LoadSettings s = Hdf5LoadSettings.of(Map.of("mc", MC)).withKeys("MC", Fixtures.pairs("energy", "DNN_reco/energy",
                "n", "Multiplicity/value")).withModel("GaisserH3aWeight");
        List<String> warnings = new ArrayList<>();
        EventTable t = Fixtures.read("mc", MC, s, 2, warnings, "hdfwriter_missing.h5");
        assertEquals(37, t.rowCount());
        double[] energy = without(Fixtures.expected().get("energy"));
        assertArrayEquals(energy, t.column("energy").toDoubleArray());
        assertArrayEquals(without(Fixtures.expected().get("multiplicity")), t.column("n").toDoubleArray());
        assertArrayEquals(without(Fixtures.expected().get("GaisserH3aWeight")), t.column("weight").toDoubleArray());
        assertEquals(ColumnType.INT, t.column("n").spec().type());
        assertTrue(warnings.get(0).contains("dropped 3 of 40 events") && warnings.get(0).contains("[DNN_reco]"),
                warnings.toString());
    }

    @Test
    void missingRowsBecomeNanAndIntegerColumnsOfThatKeyWiden() throws Exception {
        Hdf5LoadSettings s = Hdf5LoadSettings.of(Map.of("mc", MC)).withKeys("MC", Fixtures.pairs("energy", "DNN_reco/energy",
                "run", "DNN_reco/Run", "n", "Multiplicity/value")).withMissingRows(MissingRows.NAN);
        EventTable t = Fixtures.read("mc", MC, s, 1, new ArrayList<>(), "hdfwriter_missing.h5");
        assertEquals(40, t.rowCount());
        assertEquals(ColumnType.DOUBLE, t.column("run").spec().type());
        assertEquals(ColumnType.INT, t.column("n").spec().type()); // Multiplicity has every row
        for (int i = 0; i < 40; i++) {
            boolean missing = i == 3 || i == 11 || i == 12;
            assertEquals(missing, Double.isNaN(t.column("energy").getDouble(i)), "row " + i);
            assertEquals(missing, Double.isNaN(t.column("run").getDouble(i)), "row " + i);
        }
    }

    @Test
    void withoutKeysEveryFieldIsReadAsKeySlashField() throws Exception {
        EventTable t = Fixtures.read("mc", MC, Hdf5LoadSettings.of(Map.of("mc", MC)), 2, new ArrayList<>(), "hdfwriter.h5");
        assertEquals(List.of("DNN_reco/energy", "DNN_reco/zenith", "DNN_reco/stop_score", "FilterMask/FSS_13",
                "FilterMask/FSS_13/prescale", "FilterMask/MuonFilter_13", "FilterMask/MuonFilter_13/prescale",
                "GaisserH3aWeight/value", "Multiplicity/value"), t.columnNames());
        assertEquals("GeV", t.column("DNN_reco/energy").unit());
    }

    @Test
    void theDocumentedEnumConversionMakesI3ParticleTablesReadable() throws Exception {
        Hdf5LoadSettings s = Hdf5LoadSettings.of(Map.of("mc", MC)).withKeys("MC", Fixtures.pairs("type",
                "PrimaryParticle/type", "fit_status", "PrimaryParticle/fit_status", "energy", "PrimaryParticle/energy"));
        EventTable t = Fixtures.read("mc", MC, s, 2, new ArrayList<>(), "hdfwriter_enum_converted.h5");
        List<String> lines = java.nio.file.Files.readAllLines(Fixtures.file("negative_enum_expected.txt"));
        for (int i = 0; i < 40; i++) {
            String[] f = lines.get(i + 1).trim().split("\\s+");
            assertEquals(Integer.parseInt(f[0]), ((org.fluxion.api.data.Column.Ints) t.column("type")).get(i), "row " + i);
            assertEquals(Integer.parseInt(f[1]), ((org.fluxion.api.data.Column.Ints) t.column("fit_status")).get(i));
        }
        assertTrue(((org.fluxion.api.data.Column.Ints) t.column("type")).get(0) != 0);
        assertArrayEquals(Fixtures.expected().get("energy"), t.column("energy").toDoubleArray());
    }

    private static double[] without(double[] v) {
        double[] out = new double[v.length - MISSING.length];
        for (int i = 0, k = 0; i < v.length; i++) {
            if (i != MISSING[0] && i != MISSING[1] && i != MISSING[2]) {
                out[k++] = v[i];
            }
        }
        return out;
    }

    private static void assertArrayEquals(double[] a, double[] b) {
        org.junit.jupiter.api.Assertions.assertArrayEquals(a, b, 0.0);
    }
}
