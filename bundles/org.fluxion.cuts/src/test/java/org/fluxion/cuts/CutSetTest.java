package org.fluxion.cuts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fluxion.api.data.Column;
import org.fluxion.api.data.EventTable;
import org.fluxion.api.data.Selection;
import org.junit.jupiter.api.Test;

class CutSetTest {

    private static Map<String, Object> spec(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static EventTable table() {
        return EventTable.builder("mc")
                .add(Column.ofDoubles("score", "", new double[] {0.1, 0.7, 0.9, Double.NaN, 0.75, 0.69999}))
                .add(Column.ofFloats("z", "m", new float[] {-10, 0, 250, 100, 500, 600}))
                .add(Column.ofBooleans("fss", new boolean[] {true, true, false, true, true, true}))
                .add(Column.ofInts("multiplicity", "", new int[] {1, 1, 2, 1, 3, 1}))
                .add(Column.ofCategories("primary", new int[] {0, 0, 0, 0, 0, 0}, List.of("p")))
                .build();
    }

    @Test
    void bareNumberIsInclusiveLowerBoundAsInSeed() {
        CutSet s = CutSet.parse(spec("score", 0.7), "cuts");
        Cut c = s.cuts().get(0);
        assertEquals(Cut.atLeast("score", 0.7), c);
        assertTrue(c.test(0.7), "the cut value itself passes");
        assertTrue(c.test(1e9));
        assertFalse(c.test(0.69999));
        assertFalse(c.test(Double.NaN));
        assertEquals("score >= 0.7", s.toString());
        // integers are numbers too
        assertEquals(Cut.atLeast("multiplicity", 2), CutSet.parse(spec("multiplicity", 2), "cuts").cuts().get(0));
    }

    @Test
    void intervalForms() {
        Cut closed = CutSet.parse(spec("z", List.of(0, 500)), "cuts").cuts().get(0);
        assertEquals(Cut.between("z", 0, 500), closed);
        assertTrue(closed.test(0) && closed.test(500) && closed.test(250));
        assertFalse(closed.test(-1e-9) || closed.test(500.0001) || closed.test(Double.NaN));
        assertEquals("z in [0, 500]", closed.describe());

        Cut upperOnly = CutSet.parse(spec("z", Arrays.asList(null, 500)), "cuts").cuts().get(0);
        assertTrue(upperOnly.test(Double.NEGATIVE_INFINITY) && upperOnly.test(500));
        assertFalse(upperOnly.test(501));
        assertEquals("z <= 500", upperOnly.describe());

        Cut lowerOnly = CutSet.parse(spec("z", Arrays.asList(1.5, null)), "cuts").cuts().get(0);
        assertEquals(Cut.atLeast("z", 1.5), lowerOnly);
    }

    @Test
    void operatorForms() {
        assertOp(Map.of(">", 1), new double[] {1.5}, new double[] {1, 0.5}, "x > 1");
        assertOp(Map.of(">=", 1), new double[] {1, 1.5}, new double[] {0.5}, "x >= 1");
        assertOp(Map.of("<", 1), new double[] {0.5}, new double[] {1, 2}, "x < 1");
        assertOp(Map.of("<=", 1), new double[] {1, 0.5}, new double[] {1.5}, "x <= 1");
        assertOp(Map.of("==", 2), new double[] {2}, new double[] {1, 3, 2.0000001}, "x == 2");
        assertOp(Map.of("!=", 2), new double[] {1, 3}, new double[] {2}, "x != 2");
        Map<String, Object> and = new LinkedHashMap<>();
        and.put(">", 0);
        and.put("<=", 10);
        and.put("!=", 5);
        assertOp(and, new double[] {0.1, 10, 4}, new double[] {0, 5, 10.1, Double.NaN}, "x in (0, 10] && x != 5");
        // the tighter of two lower bounds wins; equal value: exclusive wins
        Map<String, Object> two = new LinkedHashMap<>();
        two.put(">=", 3);
        two.put(">", 3);
        assertOp(two, new double[] {3.1}, new double[] {3}, "x > 3");
        assertOp(Map.of("==", true), new double[] {1}, new double[] {0}, "x == 1");
        Cut flag = CutSet.parse(spec("x", false), "cuts").cuts().get(0);
        assertTrue(flag.test(0));
        assertFalse(flag.test(1));
    }

    private static void assertOp(Map<String, ?> ops, double[] pass, double[] fail, String text) {
        Cut c = CutSet.parse(spec("x", ops), "cuts").cuts().get(0);
        for (double v : pass) {
            assertTrue(c.test(v), ops + " should pass " + v);
        }
        for (double v : fail) {
            assertFalse(c.test(v), ops + " should fail " + v);
        }
        assertFalse(c.test(Double.NaN), "NaN fails " + ops);
        assertEquals(text, c.describe());
    }

    @Test
    void errorsNameTheKey() {
        assertMessage(spec("score", "high"), "sectors.upper", "sectors.upper.score", "high");
        assertMessage(spec("score", null), "cuts", "cuts.score", "no cut value");
        assertMessage(spec("z", List.of(1, 2, 3)), "cuts", "cuts.z", "[1, 2, 3]");
        assertMessage(spec("z", List.of(5, 1)), "cuts", "cuts.z", "min above max");
        assertMessage(spec("z", Arrays.asList(null, null)), "cuts", "cuts.z", "no bound");
        assertMessage(spec("z", List.of("a", 1)), "cuts", "cuts.z[0]", "'a'");
        assertMessage(spec("z", Map.of("=>", 1)), "cuts", "cuts.z", "unknown operator '=>'");
        assertMessage(spec("z", Map.of("<", "x")), "cuts", "cuts.z.<", "'x'");
        assertMessage(spec("z", Map.of()), "cuts", "cuts.z", "empty operator map");
        assertMessage(spec("z", Double.NaN), "cuts", "cuts.z", "NaN");
        Map<String, Object> empty = new LinkedHashMap<>();
        empty.put(">", 5);
        empty.put("<", 5);
        assertMessage(spec("z", empty), "cuts", "cuts.z", "exclude every value");
    }

    private static void assertMessage(Map<String, ?> spec, String key, String where, String what) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CutSet.parse(spec, key));
        assertTrue(e.getMessage().startsWith(where + ":"), e.getMessage());
        assertTrue(e.getMessage().contains(what), e.getMessage());
    }

    @Test
    void emptySpecSelectsAll() {
        assertTrue(CutSet.parse(null, "cuts").isEmpty());
        assertTrue(CutSet.parse(Map.of(), "cuts").isEmpty());
        assertEquals(Selection.all(6), CutSet.parse(Map.of(), "cuts").select(table()));
        assertEquals("", CutSet.parse(Map.of(), "cuts").toString());
    }

    @Test
    void selectionOnHandMadeTable() {
        CutSet s = CutSet.parse(spec("score", 0.7, "z", List.of(0, 500), "fss", true), "cuts");
        assertEquals("score >= 0.7 && z in [0, 500] && fss == 1", s.toString());
        EventTable t = table();
        // score >= 0.7: rows 1, 2, 4 (row 3 is NaN, row 5 is 0.69999)
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5}, s.select(t, 0).rows());
        assertArrayEquals(new int[] {1, 2, 4}, s.select(t, 1).rows());
        // z in [0, 500]: rows 1 (0), 2 (250), 4 (500)
        assertArrayEquals(new int[] {1, 2, 4}, s.select(t, 2).rows());
        // fss: row 2 fails
        assertArrayEquals(new int[] {1, 4}, s.select(t, 3).rows());
        assertEquals(s.select(t, 3), s.select(t));
        // an int column
        assertArrayEquals(new int[] {2, 4}, CutSet.parse(spec("multiplicity", Map.of(">", 1)), "c").select(t).rows());
        // works on a view, rows refer to the view
        EventTable view = t.select(Selection.ofRows(6, new int[] {2, 4, 5}));
        assertArrayEquals(new int[] {1}, s.select(view).rows()); // view row 1 = table row 4
        assertThrows(IllegalArgumentException.class, () -> s.select(t, 4));
    }

    @Test
    void missingColumnNamesTableColumnAndAvailable() {
        CutSet s = CutSet.parse(spec("scroe", 0.7), "cuts");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.select(table()));
        assertTrue(e.getMessage().contains("'scroe'") && e.getMessage().contains("'mc'")
                && e.getMessage().contains("score"), e.getMessage());
        IllegalArgumentException cat = assertThrows(IllegalArgumentException.class,
                () -> CutSet.parse(spec("primary", 0), "cuts").select(table()));
        assertTrue(cat.getMessage().contains("categorical"), cat.getMessage());
    }
}
