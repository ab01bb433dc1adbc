package org.fluxion.fits.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Contours of the profile χ² in (a, b) of a range fit: Δχ²(a, b) = min over the other free
 * parameter of χ² − χ²_min (the normalisation of the theory model is profiled analytically, it
 * enters linearly; a free γ by a one-parameter fit). Each contour is traced along rays from the
 * minimum in the coordinates that whiten the fitted (a, b) covariance, solving Δχ² = level on each
 * ray by bracketing and regula falsi (Illinois), so a Gaussian χ² gives the covariance ellipse
 * exactly. Stateless, thread-safe.
 */
final class ProfileContour {
    private final ChiSquareFit fit;
    private final RangeFit model;
    private final ChiSquareFit.Outcome best;
    private final double[] scale;

    ProfileContour(ChiSquareFit fit, RangeFit model, ChiSquareFit.Outcome best) {
        this.fit = fit;
        this.model = model;
        this.best = best;
        double[] p = best.parameters();
        this.scale = new double[] { Math.abs(p[0]), Math.abs(p[1]), Math.max(Math.abs(p[2]), 1e-3) };
    }

    /** @return Δχ² at (a, b), the other parameter profiled */
    double deltaChi2(double a, double b) {
        if (!(a > 0 && b > 0)) {
            return Double.POSITIVE_INFINITY;
        }
        double[] p = best.parameters();
        p[RangeFit.A] = a;
        p[RangeFit.B] = b;
        boolean[] free = model.free();
        double chi2;
        if (model.kind() == RangeModel.THEORY && free[RangeFit.THIRD]) {
            p[RangeFit.THIRD] = 1;
            double[] m = fit.whiten(model.expectation(p));
            double[] y = fit.whitenedData();
            double my = 0, mm = 0;
            for (int i = 0; i < m.length; i++) {
                my += m[i] * y[i];
                mm += m[i] * m[i];
            }
            double n = my / mm;
            chi2 = 0;
            for (int i = 0; i < m.length; i++) {
                double r = y[i] - n * m[i];
                chi2 += r * r;
            }
        } else if (free[RangeFit.THIRD]) {
            chi2 = fit.fit(model, p, scale, new boolean[] { false, false, true }, model.names()).chi2();
        } else {
            chi2 = fit.chi2(model.expectation(p));
        }
        return chi2 - best.chi2();
    }

    /**
     * @param level  Δχ² of the contour (2.30 for 1σ, 6.18 for 2σ of two parameters)
     * @param angles number of rays (&gt;= 8)
     * @return the closed contour as (a, b) points (first point repeated at the end); rays that hit
     *         a ≤ 0 or b ≤ 0 stop at the last physical point
     */
    List<double[]> trace(double level, int angles) {
        double[][] c = best.covariance();
        double l00 = Math.sqrt(c[0][0]), l10 = c[0][1] / l00, l11 = Math.sqrt(Math.max(c[1][1] - l10 * l10, 0));
        double a0 = best.parameters()[0], b0 = best.parameters()[1];
        List<double[]> pts = new ArrayList<>();
        for (int k = 0; k < angles; k++) {
            double phi = 2 * Math.PI * k / angles;
            double ua = l00 * Math.cos(phi), ub = l10 * Math.cos(phi) + l11 * Math.sin(phi);
            double r = root(level, a0, b0, ua, ub);
            pts.add(new double[] { a0 + r * ua, b0 + r * ub });
        }
        pts.add(pts.get(0).clone());
        return pts;
    }

    private double root(double level, double a0, double b0, double ua, double ub) {
        double lo = 0, glo = -level;
        double hi = Math.sqrt(level), ghi = g(level, a0, b0, ua, ub, hi);
        int expand = 0;
        while (!(ghi > 0) && expand < 30) { // Δχ² below the level (or non-finite): widen the bracket
            if (Double.isInfinite(ghi)) {
                break;
            }
            lo = hi;
            glo = ghi;
            hi *= 1.5;
            ghi = g(level, a0, b0, ua, ub, hi);
            expand++;
        }
        if (Double.isInfinite(ghi)) { // unphysical region reached: bisect towards its boundary
            for (int it = 0; it < 40 && hi - lo > 1e-6 * hi; it++) {
                double mid = 0.5 * (lo + hi), gm = g(level, a0, b0, ua, ub, mid);
                if (Double.isInfinite(gm) || gm > 0) {
                    hi = mid;
                    ghi = gm;
                } else {
                    lo = mid;
                    glo = gm;
                }
            }
            if (Double.isInfinite(ghi)) {
                return lo;
            }
        }
        if (!(ghi > 0)) {
            return hi; // flat direction: the contour is open beyond this radius
        }
        int side = 0;
        double r = hi;
        for (int it = 0; it < 60; it++) {
            r = (lo * ghi - hi * glo) / (ghi - glo);
            double gr = g(level, a0, b0, ua, ub, r);
            if (Math.abs(gr) < 1e-6 * level || hi - lo < 1e-9 * hi) {
                break;
            }
            if (gr > 0) {
                hi = r;
                ghi = gr;
                if (side == 1) {
                    glo /= 2;
                }
                side = 1;
            } else {
                lo = r;
                glo = gr;
                if (side == -1) {
                    ghi /= 2;
                }
                side = -1;
            }
        }
        return r;
    }

    private double g(double level, double a0, double b0, double ua, double ub, double r) {
        return deltaChi2(a0 + r * ua, b0 + r * ub) - level;
    }
}
