package org.fluxion.io.hdf5;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.fluxion.api.data.Column;
import org.fluxion.api.data.ColumnType;
import org.fluxion.api.data.EventTable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The same 40 events written in every layout load into identical columns. */
class LayoutEquivalenceTest {
    private static final Hdf5InputSettings MC = Hdf5InputSettings.of(Hdf5InputSettings.Type.MC, "unused");

    /** keys of the flat and pandas layouts (pandas names equal the flat names) */
    private static final List<List<String>> FLAT = Fixtures.pairs("run", "run", "event", "event", "energy", "energy",
            "zenith", "zenith", "stop_score", "stop_score", "multiplicity", "multiplicity", "fss", "fss");
    private static final List<List<String>> HDFWRITER = Fixtures.pairs("run", "DNN_reco/Run", "event", "DNN_reco/Event",
            "energy", "DNN_reco/energy", "zenith", "DNN_reco/zenith", "stop_score", "DNN_reco/stop_score",
            "multiplicity", "Multiplicity/value", "fss", "FilterMask/FSS_13");

    @ParameterizedTest(name = "{0} on {1} thread(s)")
    @CsvSource({ "flat.h5,1", "flat.h5,2", "flat_gzip.h5,1", "flat_gzip.h5,2", "hdfwriter.h5,1", "hdfwriter.h5,2",
            "pandas_table.h5,1", "pandas_table.h5,2", "pandas_table_dc.h5,2", "pandas_fixed.h5,1", "pandas_fixed.h5,2" })
    void everyLayoutGivesTheSameColumns(String file, int threads) throws Exception {
        boolean hdfwriter = file.startsWith("hdfwriter");
        Hdf5LoadSettings s = Hdf5LoadSettings.of(Map.of("mc", MC)).withKeys("MC", hdfwriter ? HDFWRITER : FLAT)
                .withModel("GaisserH3aWeight");
        List<String> warnings = new ArrayList<>();
        EventTable t = Fixtures.read("mc", MC, s, threads, warnings, file);
        Map<String, double[]> expected = Fixtures.expected();
        assertEquals(List.of("run", "event", "energy", "zenith", "stop_score", "multiplicity", "fss", "GaisserH3aWeight",
                "weight"), t.columnNames());
        assertEquals(40, t.rowCount());
        for (String c : List.of("run", "event", "energy", "zenith", "stop_score", "multiplicity", "fss", "GaisserH3aWeight")) {
            double[] want = expected.get(c).clone();
            if (c.equals("stop_score")) { // float32 in every file; the CSV has 9 significant digits
                for (int i = 0; i < want.length; i++) {
                    want[i] = (float) want[i];
                }
            }
            assertArrayEquals(want, t.column(c).toDoubleArray(), 0.0, file + " column " + c);
        }
        assertArrayEquals(expected.get("GaisserH3aWeight"), t.column("weight").toDoubleArray(), 0.0);
        assertEquals(ColumnType.DOUBLE, t.column("energy").spec().type());
        assertEquals(ColumnType.FLOAT, t.column("stop_score").spec().type());
        assertEquals(ColumnType.INT, t.column("multiplicity").spec().type());
        assertEquals(ColumnType.BOOLEAN, t.column("fss").spec().type());
        assertEquals(ColumnType.LONG, t.column("event").spec().type());
        assertEquals("GaisserH3aWeight", t.attributes().get("weight_column"));
        assertEquals("MC", t.attributes().get("data_type"));
        assertEquals(List.of(), warnings);
        if (!file.startsWith("pandas")) {
            assertEquals("GeV", t.column("energy").unit(), file);
            assertEquals("rad", t.column("zenith").unit(), file);
        }
    }

    @ParameterizedTest
    @CsvSource({ "flat.h5", "hdfwriter.h5", "pandas_table.h5", "pandas_fixed.h5" })
    void readingEveryColumnDoesNotDependOnTheThreadCount(String file) throws Exception {
        Hdf5LoadSettings s = Hdf5LoadSettings.of(Map.of("mc", MC));
        EventTable one = Fixtures.read("mc", MC, s, 1, new ArrayList<>(), file);
        EventTable two = Fixtures.read("mc", MC, s, 2, new ArrayList<>(), file);
        assertEquals(one.columnNames(), two.columnNames());
        for (String c : one.columnNames()) {
            Column a = one.column(c);
            assertEquals(a.spec(), two.column(c).spec());
            assertArrayEquals(a.toDoubleArray(), two.column(c).toDoubleArray(), 0.0, c);
        }
    }
}
