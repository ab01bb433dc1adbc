package org.fluxion.unfolding.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.fluxion.api.hist.ResponseMatrix;
import org.fluxion.api.workflow.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistogramCsvTest {

    @Test
    void readsResponseInLongFormat(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("r.csv"), """
                # a comment
                proxy_low [m],proxy_high [m],true_low,true_high,sumw,sumw2
                0,1,10,20,3,5
                1,2,20,30,4,4
                1,2,10,20,1,1
                """);
        ResponseMatrix r = HistogramCsv.response(f);
        assertEquals(2, r.proxyBinning().bins());
        assertArrayEquals(new double[] { 10, 20, 30 }, r.trueBinning().edges());
        assertEquals(3, r.count(0, 0));
        assertEquals(5, r.countW2(0, 0));
        assertEquals(0, r.count(0, 1));
        assertEquals(0.75, r.probability(0, 0));
    }

    @Test
    void readsBinnedValuesWithOptionalColumn(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("e.csv"), "low,high,efficiency,thrown\n0,1,0.5,100\n1,3,0.25,40\n");
        HistogramCsv.Binned b = HistogramCsv.binned(f, "efficiency", "thrown");
        assertArrayEquals(new double[] { 0, 1, 3 }, b.binning().edges());
        assertArrayEquals(new double[] { 0.5, 0.25 }, b.columns()[0]);
        assertArrayEquals(new double[] { 100, 40 }, b.columns()[1]);
    }

    @Test
    void badInputNamesFileLineAndValue(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("g.csv"), "low,high,count\n0,1,5\n1,2,x\n");
        InputException e = assertThrows(InputException.class, () -> HistogramCsv.binned(f, "count", null));
        assertTrue(e.getMessage().startsWith(f + ":3: field 3 ('count') is not a number: 'x'"), e.getMessage());
        Path gap = Files.writeString(dir.resolve("gap.csv"), "low,high,count\n0,1,5\n2,3,1\n");
        e = assertThrows(InputException.class, () -> HistogramCsv.binned(gap, "count", null));
        assertTrue(e.getMessage().contains(":3: bins must be contiguous"), e.getMessage());
        Path hdr = Files.writeString(dir.resolve("h.csv"), "lo,hi,n\n0,1,5\n");
        e = assertThrows(InputException.class, () -> HistogramCsv.binned(hdr, "count", null));
        assertTrue(e.getMessage().contains("header must be 'low,high,count'"), e.getMessage());
        Path dup = Files.writeString(dir.resolve("d.csv"),
                "proxy_low,proxy_high,true_low,true_high,sumw\n0,1,0,1,1\n0,1,0,1,2\n");
        e = assertThrows(InputException.class, () -> HistogramCsv.response(dup));
        assertTrue(e.getMessage().contains(":3: cell (proxy bin 0, true bin 0) appears twice"), e.getMessage());
        e = assertThrows(InputException.class, () -> HistogramCsv.response(dir.resolve("missing.csv")));
        assertTrue(e.getMessage().contains("file not found"), e.getMessage());
    }
}
