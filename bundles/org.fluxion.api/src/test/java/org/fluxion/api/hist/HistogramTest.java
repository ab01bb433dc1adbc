package org.fluxion.api.hist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class HistogramTest {

    @Test
    void keepsSumsOfWeightsAndSquaresAndFlows() {
        Histogram h = Histogram.builder(Binning.linear(2, 0, 2))
                .fill(0.5, 2).fill(0.5, 3).fill(1.5).fill(-1, 4).fill(5, 7).fill(Double.NaN).build();
        assertEquals(5, h.sumW(0));
        assertEquals(13, h.sumW2(0));
        assertEquals(Math.sqrt(13), h.error(0), 1e-15);
        assertEquals(1, h.sumW(1));
        assertEquals(4, h.underflow());
        assertEquals(7, h.overflow());
        assertEquals(6, h.integral());
        assertEquals(5, h.entries());
        assertEquals(1, h.nanEntries());
    }

    @Test
    void mergingPartsEqualsFillingAll() {
        Binning b = Binning.log10(20, 1, 1000);
        SplittableRandom r = new SplittableRandom(7);
        Histogram.Builder all = Histogram.builder(b), p1 = Histogram.builder(b), p2 = Histogram.builder(b);
        for (int i = 0; i < 10_000; i++) {
            double x = Math.pow(10, r.nextDouble(-0.5, 3.5));
            double w = r.nextDouble();
            all.fill(x, w);
            (i % 2 == 0 ? p1 : p2).fill(x, w);
        }
        Histogram merged = p1.build().plus(p2.build());
        Histogram direct = all.build();
        assertEquals(direct.entries(), merged.entries());
        for (int i = 0; i < b.bins(); i++) {
            assertEquals(direct.sumW(i), merged.sumW(i), 1e-9);
            assertEquals(direct.sumW2(i), merged.sumW2(i), 1e-9);
        }
        assertEquals(direct.underflow(), merged.underflow(), 1e-9);
        assertEquals(direct.overflow(), merged.overflow(), 1e-9);
    }

    @Test
    void refusesToMergeDifferentBinnings() {
        Histogram a = Histogram.builder(Binning.linear(2, 0, 1)).build();
        Histogram b = Histogram.builder(Binning.linear(3, 0, 1)).build();
        assertThrows(IllegalArgumentException.class, () -> a.plus(b));
    }

    @Test
    void snapshotsAreIndependentOfTheBuilder() {
        Histogram.Builder bld = Histogram.builder(Binning.linear(1, 0, 1)).fill(0.5);
        Histogram first = bld.build();
        bld.fill(0.5);
        assertEquals(1, first.sumW(0));
        assertNotEquals(first, bld.build());
    }

    @Test
    void histogram2dProjectionAndMerge() {
        Binning x = Binning.linear(3, 0, 3), y = Binning.linear(2, 0, 2);
        Histogram2D.Builder b = Histogram2D.builder(x, y);
        b.fill(0.5, 0.5).fill(0.5, 1.5, 2).fill(2.5, 5).fill(-1, 0.5).fill(Double.NaN, 1);
        Histogram2D h = b.build();
        assertEquals(3, h.integral());
        assertEquals(1, h.sumW(2, 2), "y overflow kept");
        assertEquals(1, h.sumW(-1, 0), "x underflow kept");
        assertEquals(1, h.nanEntries());
        Histogram px = h.projectX();
        assertEquals(3, px.sumW(0));
        assertEquals(1, px.sumW(2));
        Histogram2D twice = h.plus(h);
        assertEquals(6, twice.integral());
        assertEquals(2 * h.sumW2(0, 1), twice.sumW2(0, 1));
    }
}
