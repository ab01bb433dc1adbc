package org.fluxion.api.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class EventTableTest {

    private static EventTable table() {
        return EventTable.builder("sim")
                .add(Column.ofDoubles("lgE", "lg(E/eV)", new double[] { 15, 16, 17, 18 }))
                .add(Column.ofCategories("Particle", new int[] { 0, 1, 0, 1 }, List.of("p", "fe")))
                .add(Column.ofBooleans("passed", new boolean[] { true, false, true, true }))
                .attribute("livetime_s", 3600.0)
                .build();
    }

    @Test
    void selectionsAreComposableViews() {
        EventTable t = table();
        Column.Booleans passed = (Column.Booleans) t.column("passed");
        Selection s = t.where(passed::get);
        EventTable v = t.select(s);
        assertEquals(3, v.rowCount());
        assertArrayEquals(new double[] { 15, 17, 18 }, v.column("lgE").toDoubleArray());
        EventTable vv = v.select(v.where(i -> v.column("lgE").getDouble(i) > 16));
        assertArrayEquals(new double[] { 17, 18 }, vv.column("lgE").toDoubleArray());
        assertEquals("fe", ((Column.Categorical) vv.column("Particle")).get(1));
        assertEquals(3600.0, vv.numberAttribute("livetime_s", 0));
    }

    @Test
    void ownedColumnsCopyTheirInput() {
        double[] raw = { 1, 2 };
        Column c = Column.ofDoubles("x", "", raw);
        raw[0] = 99;
        assertEquals(1, c.getDouble(0));
    }

    @Test
    void missingColumnNamesTheAlternatives() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> table().column("lgNe"));
        assertTrue(e.getMessage().contains("no column 'lgNe'") && e.getMessage().contains("lgE"), e.getMessage());
    }

    @Test
    void rejectsColumnsOfDifferentLength() {
        EventTable.Builder b = EventTable.builder("t").add(Column.ofDoubles("a", "", new double[3]));
        assertThrows(IllegalArgumentException.class, () -> b.add(Column.ofDoubles("b", "", new double[2])));
        assertThrows(IllegalArgumentException.class,
                () -> Column.ofCategories("c", new int[] { 2 }, List.of("p", "fe")));
    }

    @Test
    void selectionSetOperations() {
        Selection a = Selection.ofRows(10, new int[] { 1, 3, 5, 7 });
        Selection b = Selection.ofRows(10, new int[] { 3, 4, 5 });
        assertArrayEquals(new int[] { 3, 5 }, a.and(b).rows());
        assertThrows(IllegalArgumentException.class, () -> Selection.ofRows(10, new int[] { 3, 3 }));
        assertThrows(IllegalArgumentException.class, () -> Selection.ofRows(3, new int[] { 3 }));
    }
}
