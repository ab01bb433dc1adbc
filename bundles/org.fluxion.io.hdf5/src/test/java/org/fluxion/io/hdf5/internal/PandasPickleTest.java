package org.fluxion.io.hdf5.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class PandasPickleTest {
    @Test
    void readsProtocolZeroListsOfNames() {
        assertEquals(List.of("energy", "zenith", "GaisserH3aWeight"),
                PandasPickle.stringList("(lp0\nVenergy\np1\naVzenith\np2\naVGaisserH3aWeight\np3\na."));
        assertEquals(List.of(), PandasPickle.stringList("(lp0\n."));
        assertEquals(List.of("\u00e9nergie"), PandasPickle.stringList("(lp0\nV\\u00e9nergie\np1\na."));
        assertEquals(List.of("a", "a"), PandasPickle.stringList("(lp0\nVa\np1\nag1\na."));
    }

    @Test
    void refusesAnythingElse() {
        assertThrows(IllegalArgumentException.class, () -> PandasPickle.stringList("\u0080\u0004K\u0001."));
        assertThrows(IllegalArgumentException.class, () -> PandasPickle.stringList("I1\n."));
    }
}
