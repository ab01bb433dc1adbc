package org.fluxion.masterclass.internal;

import java.util.Arrays;

import org.fluxion.api.hist.Histogram2D;

/**
 * The in-range cells of a 2-D histogram with the highest contents that together hold at least a
 * given fraction of its positive in-range weight: the region the plot service outlines for a
 * {@code Map2DSeries} (90 %). Immutable and thread-safe.
 */
final class HighDensityRegion {
    private final boolean[][] inside;

    private HighDensityRegion(boolean[][] inside) {
        this.inside = inside;
    }

    /**
     * @param h        the histogram
     * @param fraction in (0, 1]
     * @return the region; empty if the histogram has no positive cell
     */
    static HighDensityRegion of(Histogram2D h, double fraction) {
        int nx = h.xBinning().bins(), ny = h.yBinning().bins();
        double[] cells = new double[nx * ny];
        double total = 0;
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                double w = Math.max(h.sumW(i, j), 0);
                cells[i * ny + j] = w;
                total += w;
            }
        }
        boolean[][] in = new boolean[nx][ny];
        if (total > 0) {
            double[] sorted = cells.clone();
            Arrays.sort(sorted);
            double sum = 0, threshold = Double.POSITIVE_INFINITY;
            for (int k = sorted.length - 1; k >= 0 && sorted[k] > 0; k--) {
                sum += sorted[k];
                threshold = sorted[k];
                if (sum >= fraction * total) {
                    break;
                }
            }
            for (int i = 0; i < nx; i++) {
                for (int j = 0; j < ny; j++) {
                    in[i][j] = cells[i * ny + j] >= threshold && cells[i * ny + j] > 0;
                }
            }
        }
        return new HighDensityRegion(in);
    }

    /** @return the fraction of the in-range weight of {@code h} (same binning) inside the region, NaN if none */
    double containedFraction(Histogram2D h) {
        double inW = 0, all = 0;
        for (int i = 0; i < inside.length; i++) {
            for (int j = 0; j < inside[i].length; j++) {
                double w = h.sumW(i, j);
                all += w;
                if (inside[i][j]) {
                    inW += w;
                }
            }
        }
        return all > 0 ? inW / all : Double.NaN;
    }
}
