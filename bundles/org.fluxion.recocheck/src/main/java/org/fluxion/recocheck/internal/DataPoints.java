package org.fluxion.recocheck.internal;

import java.util.ArrayList;
import java.util.List;

import org.fluxion.api.artifact.BandSeries;
import org.fluxion.api.artifact.Point;
import org.fluxion.api.artifact.PointSeries;
import org.fluxion.api.hist.Binning;
import org.fluxion.api.hist.Histogram;

/**
 * Data-versus-MC drawing shared by the checks: data counts as points with Garwood (Poisson 68 %) error
 * bars, data/MC ratio points, and the MC statistical band around 1. Bins without data (or without MC
 * for ratios) are left out of the point series. Stateless.
 */
final class DataPoints {
    private DataPoints() {
    }

    /** @return the counts of h (unit-weight fills) as points with Poisson 68 % intervals */
    static PointSeries counts(String label, Histogram h) {
        Binning b = h.binning();
        List<Point> pts = new ArrayList<>();
        for (int i = 0; i < b.bins(); i++) {
            long n = Math.round(h.sumW(i));
            if (n <= 0) {
                continue;
            }
            double[] ci = PoissonInterval.garwood(n);
            pts.add(new Point(b.centre(i), n, b.width(i) / 2, n - ci[0], ci[1] - n));
        }
        return new PointSeries(label, pts);
    }

    /** @return data/MC per bin with the data's Poisson interval divided by the MC expectation */
    static PointSeries ratio(String label, Histogram data, Histogram mc) {
        Binning b = data.binning();
        List<Point> pts = new ArrayList<>();
        for (int i = 0; i < b.bins(); i++) {
            long n = Math.round(data.sumW(i));
            double m = mc.sumW(i);
            if (n <= 0 || !(m > 0)) {
                continue;
            }
            double[] ci = PoissonInterval.garwood(n);
            pts.add(new Point(b.centre(i), n / m, b.width(i) / 2, (n - ci[0]) / m, (ci[1] - n) / m));
        }
        return new PointSeries(label, pts);
    }

    /** @return 1 ± the relative MC statistical error per bin (bins without MC left out) */
    static BandSeries mcBand(String label, Histogram mc) {
        Binning b = mc.binning();
        List<Point> pts = new ArrayList<>();
        for (int i = 0; i < b.bins(); i++) {
            double m = mc.sumW(i);
            if (!(m > 0)) {
                continue;
            }
            double rel = Math.sqrt(mc.sumW2(i)) / m;
            // one point at each bin edge so that the band is flat over the bin
            pts.add(new Point(b.edge(i), 1, 0, rel, rel));
            pts.add(new Point(b.edge(i + 1), 1, 0, rel, rel));
        }
        return new BandSeries(label, pts);
    }

    /** @return h / reference per bin (0 where the reference is empty), without errors */
    static Histogram divide(Histogram h, Histogram reference) {
        double[] v = new double[h.bins()];
        for (int i = 0; i < v.length; i++) {
            double r = reference.sumW(i);
            v[i] = r > 0 ? h.sumW(i) / r : 0;
        }
        return Histogram.of(h.binning(), v, new double[v.length]);
    }

    /** @return a histogram of values with weights (null: 1) */
    static Histogram fill(Binning b, double[] values, double[] weights) {
        return Histogram.builder(b).fill(values, weights, values.length).build();
    }
}
