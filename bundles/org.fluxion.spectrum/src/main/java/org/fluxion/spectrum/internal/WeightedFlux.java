package org.fluxion.spectrum.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.fluxion.api.artifact.Axis;
import org.fluxion.api.artifact.Point;
import org.fluxion.api.hist.Binning;
import org.fluxion.api.hist.Spectrum;

/**
 * The E^k-weighted presentation of a flux (E^2.7·Φ shows the knee as a bend of a flat line): points
 * at the bin's geometric centre with the bin as horizontal error bar. Stateless.
 */
final class WeightedFlux {
    private WeightedFlux() {
    }

    /**
     * @param maxRelativeError bins with σ/Φ above this are left out
     * @return E^k Φ points for the bins with a finite, positive value (GeV, flux unit)
     */
    static List<Point> points(Spectrum flux, double k, double maxRelativeError) {
        Binning b = flux.binning();
        List<Point> pts = new ArrayList<>();
        for (int j = 0; j < b.bins(); j++) {
            double e = b.centre(j), f = Math.pow(e, k), v = flux.value(j) * f, s = flux.uncertainty(j) * f;
            if (v > 0 && Double.isFinite(v) && s <= maxRelativeError * v) {
                pts.add(new Point(e, v, 0, Math.min(s, 0.999 * v), s));
            }
        }
        return pts;
    }

    /** @return the y axis "E^k Φ" with its unit */
    static Axis axis(double k) {
        String ks = k == Math.rint(k) ? Long.toString((long) k) : String.format(Locale.ROOT, "%s", k);
        String gev = Math.abs(k - 1) < 1e-12 ? "" : String.format(Locale.ROOT, "GeV^%s ", trim(k - 1));
        return Axis.log("E^" + ks + " \u00b7 \u03a6", gev + "m^-2 s^-1 sr^-1");
    }

    /** @return the axis with a range from the points (errors included), widened for the legend */
    static Axis rangeFor(Axis axis, List<Point> pts) {
        double lo = Double.POSITIVE_INFINITY, hi = 0;
        for (Point p : pts) {
            lo = Math.min(lo, p.y() - p.yErrLow());
            hi = Math.max(hi, p.y() + p.yErrHigh());
        }
        return pts.isEmpty() || !(hi > lo) ? axis : axis.withRange(lo / 2, hi * 4);
    }

    /** @return the energy axis */
    static Axis energyAxis() {
        return Axis.log("Energy E", "GeV");
    }

    private static String trim(double x) {
        String s = String.format(Locale.ROOT, "%.6f", x).replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
