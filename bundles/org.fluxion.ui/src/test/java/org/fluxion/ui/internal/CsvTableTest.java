package org.fluxion.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTableTest {
    @Test
    void readsQuotedFieldsAndLimitsRows(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("t.csv");
        Files.writeString(f, "cut,\"events [1]\"\nall,100\n\"Ze, deg\",\"say \"\"hi\"\"\"\nmulti,\"a\nb\"\nlast,1\n");
        CsvTable t = CsvTable.read(f, 2);
        assertEquals(List.of("cut", "events [1]"), t.headers());
        assertEquals(List.of(List.of("all", "100"), List.of("Ze, deg", "say \"hi\"")), t.rows());
        assertTrue(t.truncated());
        assertEquals(List.of("multi", "a\nb"), CsvTable.read(f, 10).rows().get(2));
    }

    @Test
    void anUnclosedQuoteNamesFileAndLine(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("bad.csv");
        Files.writeString(f, "a,b\n1,\"open\n");
        assertEquals(f + ":2: quoted field is not closed",
                assertThrows(IOException.class, () -> CsvTable.read(f, 10)).getMessage());
    }
}
