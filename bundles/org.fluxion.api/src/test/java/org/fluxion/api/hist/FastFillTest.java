package org.fluxion.api.hist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The bulk and direct-bin fill paths give bit-identical histograms to the per-value fills. */
class FastFillTest {
    private static final Binning[] BINNINGS = { Binning.linear(50, 14, 18), Binning.linear(7, -3.3, 7.1),
            Binning.log10(23, 300, 1e5), Binning.ofEdges(-1, 0, 0.5, 2, 10) };

    /** Random values mixing in-range, under/overflow, NaN, ±∞, edges and their neighbours. */
    private static double[] values(Binning b, int n, SplittableRandom r) {
        double[] x = new double[n];
        for (int k = 0; k < n; k++) {
            int e = r.nextInt(b.bins() + 1);
            x[k] = switch (r.nextInt(12)) {
                case 0 -> Double.NaN;
                case 1 -> r.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
                case 2 -> b.edge(e);
                case 3 -> Math.nextUp(b.edge(e));
                case 4 -> Math.nextDown(b.edge(e));
                case 5 -> b.low() - r.nextDouble() * (b.high() - b.low());
                case 6 -> b.high() + r.nextDouble() * (b.high() - b.low());
                default -> b.low() + (b.high() - b.low()) * r.nextDouble();
            };
        }
        return x;
    }

    private static double[] weights(int n, SplittableRandom r) {
        double[] w = new double[n];
        for (int k = 0; k < n; k++) {
            w[k] = r.nextInt(5) == 0 ? 1.0 : r.nextDouble() * 3 - 0.5;
        }
        return w;
    }

    @Test
    void bulkFillEqualsPerValueFill1D() {
        SplittableRandom r = new SplittableRandom(7);
        for (Binning b : BINNINGS) {
            for (int round = 0; round < 20; round++) {
                int n = r.nextInt(5000);
                double[] x = values(b, n + 3, r);
                double[] w = weights(n + 3, r);
                Histogram.Builder perValue = Histogram.builder(b), bulk = Histogram.builder(b),
                        unitPerValue = Histogram.builder(b), unitBulk = Histogram.builder(b),
                        nullWeights = Histogram.builder(b), byBin = Histogram.builder(b);
                for (int k = 0; k < n; k++) {
                    perValue.fill(x[k], w[k]);
                    unitPerValue.fill(x[k]);
                    int bin = b.findBin(x[k]);
                    if (bin != Binning.NAN) {
                        byBin.fillBin(bin, w[k]);
                    }
                }
                bulk.fill(x, w, n);
                unitBulk.fill(x, n);
                nullWeights.fill(x, null, n);
                assertEquals(perValue.build(), bulk.build(), b.toString());
                assertEquals(unitPerValue.build(), unitBulk.build(), b.toString());
                assertEquals(unitPerValue.build(), nullWeights.build(), b.toString());
                Histogram expected = perValue.build();
                Histogram direct = byBin.build();
                for (int i = 0; i < b.bins(); i++) {
                    assertEquals(Double.doubleToRawLongBits(expected.sumW(i)), Double.doubleToRawLongBits(direct.sumW(i)));
                    assertEquals(Double.doubleToRawLongBits(expected.sumW2(i)),
                            Double.doubleToRawLongBits(direct.sumW2(i)));
                }
                assertEquals(expected.underflow(), direct.underflow());
                assertEquals(expected.overflow(), direct.overflow());
                assertEquals(expected.entries(), direct.entries());
            }
        }
    }

    @Test
    void mixedUnitAndWeightedFillsKeepTheSequentialSums() {
        // unit fills are counted and added later; interleaving them with weighted fills, adds and
        // snapshots must give exactly the one-by-one sums, also on non-integer and huge contents
        SplittableRandom r = new SplittableRandom(11);
        Binning b = Binning.linear(4, 0, 4);
        Histogram big = Histogram.of(b, new double[] { 0x1p53, 0.1, 1e300, 0x1p53 - 3 },
                new double[] { 0x1p53, 0.1, 1e300, 0x1p53 - 3 });
        for (int round = 0; round < 200; round++) {
            Histogram.Builder reference = Histogram.builder(b), fast = Histogram.builder(b);
            for (int step = 0; step < 30; step++) {
                int op = r.nextInt(6);
                double[] x = values(b, 1 + r.nextInt(40), r);
                double[] w = weights(x.length, r);
                switch (op) {
                    case 0 -> {
                        for (double v : x) {
                            reference.fill(v, 1.0);
                            fast.fill(v);
                        }
                    }
                    case 1 -> {
                        for (double v : x) {
                            reference.fill(v, 1.0);
                        }
                        fast.fill(x, x.length);
                    }
                    case 2 -> {
                        for (int k = 0; k < x.length; k++) {
                            reference.fill(x[k], w[k]);
                            fast.fill(x[k], w[k]);
                        }
                    }
                    case 3 -> {
                        for (int k = 0; k < x.length; k++) {
                            reference.fill(x[k], w[k]);
                        }
                        fast.fill(x, w, x.length);
                    }
                    case 4 -> {
                        reference.add(big);
                        fast.add(big);
                    }
                    default -> assertEquals(reference.build(), fast.build());
                }
            }
            assertEquals(reference.build(), fast.build());
        }
    }

    @Test
    void bulkFillEqualsPerValueFill2D() {
        SplittableRandom r = new SplittableRandom(9);
        for (Binning bx : BINNINGS) {
            for (Binning by : new Binning[] { Binning.linear(100, 3.4, 6.5), Binning.ofEdges(0, 1, 3) }) {
                int n = 3000 + r.nextInt(3000);
                double[] x = values(bx, n, r), y = values(by, n, r), w = weights(n, r);
                Histogram2D.Builder perValue = Histogram2D.builder(bx, by), bulk = Histogram2D.builder(bx, by),
                        unitPerValue = Histogram2D.builder(bx, by), unitBulk = Histogram2D.builder(bx, by),
                        byBin = Histogram2D.builder(bx, by), unitWeights = Histogram2D.builder(bx, by);
                for (int k = 0; k < n; k++) {
                    perValue.fill(x[k], y[k], w[k]);
                    unitPerValue.fill(x[k], y[k]);
                    unitWeights.fill(x[k], y[k], 1.0);
                    int ix = bx.findBin(x[k]), iy = by.findBin(y[k]);
                    if (ix != Binning.NAN && iy != Binning.NAN) {
                        byBin.fillBin(ix, iy, w[k]);
                    }
                }
                bulk.fill(x, y, w, n);
                unitBulk.fill(x, y, n / 2).fill(x, y, null, n).fill(x, y, 0);
                unitPerValue.build();
                for (int k = 0; k < n / 2; k++) {
                    unitPerValue.fill(x[k], y[k]);
                    unitWeights.fill(x[k], y[k], 1.0);
                }
                Histogram2D expected = perValue.build();
                assertEquals(expected, bulk.build());
                assertEquals(unitPerValue.build(), unitBulk.build());
                assertEquals(unitWeights.build(), unitBulk.build());
                Histogram2D direct = byBin.build();
                for (int i = -1; i <= bx.bins(); i++) {
                    for (int j = -1; j <= by.bins(); j++) {
                        assertEquals(Double.doubleToRawLongBits(expected.sumW(i, j)),
                                Double.doubleToRawLongBits(direct.sumW(i, j)));
                        assertEquals(Double.doubleToRawLongBits(expected.sumW2(i, j)),
                                Double.doubleToRawLongBits(direct.sumW2(i, j)));
                    }
                }
                assertEquals(expected.entries(), direct.entries());
            }
        }
    }

    @Test
    void badArgumentsFillNothing() {
        Binning b = Binning.linear(5, 0, 5);
        Histogram.Builder h = Histogram.builder(b);
        assertThrows(IndexOutOfBoundsException.class, () -> h.fillBin(Binning.NAN, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> h.fillBin(6, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> h.fill(new double[3], 4));
        assertThrows(IndexOutOfBoundsException.class, () -> h.fill(new double[3], new double[2], 3));
        assertThrows(IndexOutOfBoundsException.class, () -> h.fill(new double[3], -1));
        assertEquals(0, h.build().entries());
        h.fillBin(-1, 2).fillBin(5, 3);
        assertEquals(2, h.build().underflow());
        assertEquals(3, h.build().overflow());
        Histogram2D.Builder h2 = Histogram2D.builder(b, b);
        assertThrows(IndexOutOfBoundsException.class, () -> h2.fillBin(0, 6, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> h2.fillBin(-2, 0, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> h2.fill(new double[3], new double[2], 3));
        assertEquals(0, h2.build().entries());
    }
}
