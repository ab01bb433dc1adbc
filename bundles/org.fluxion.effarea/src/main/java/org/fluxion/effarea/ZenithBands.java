package org.fluxion.effarea;

import java.util.Locale;

/**
 * The rule giving each bin of the true quantity its zenith band (shared flux convention): for the
 * propagation length the zenith angles from which a muon can stop inside the detector with a slant
 * depth in the bin ({@link SlantDepth}); for the surface energy the whole generated zenith range
 * ({@link FullRange}). Implementations are immutable records.
 */
public sealed interface ZenithBands permits ZenithBands.SlantDepth, ZenithBands.FullRange {

    /** @return the largest generated zenith angle, degrees, in (0, 180] */
    double zenithMaxDeg();

    /**
     * @param low  lower edge of the bin (units of the quantity)
     * @param high upper edge, &gt; low
     * @return the band of the bin
     * @throws IllegalArgumentException naming the edges if no zenith angle can contribute to the bin
     */
    ZenithBand band(double low, double high);

    /**
     * The band rule of the synthetic IceCube-like detector: half height 500 m, formula origin depth
     * 1950 m, Earth radius 6 371 000 m.
     *
     * @param zenithMaxDeg largest generated zenith angle, degrees (attribute {@code zenith_max_deg}, 85)
     */
    static SlantDepth slantDepth(double zenithMaxDeg) {
        return new SlantDepth(SlantDepth.HALF_HEIGHT_M, SlantDepth.ORIGIN_DEPTH_M, SlantDepth.EARTH_RADIUS_M,
                zenithMaxDeg);
    }

    /** @return the full-range rule [cos θ_max, 1] */
    static FullRange fullRange(double zenithMaxDeg) {
        return new FullRange(zenithMaxDeg);
    }

    /**
     * Band of a propagation-length bin [L_lo, L_hi] (m of ice): the zenith angles θ ≤ θ_max with
     * L(θ, +h) ≤ L_hi and L(θ, −h) ≥ L_lo, i.e. from which a stopping point at some z in [−h, +h]
     * has a slant depth in the bin. Slant depth with Earth curvature (PHYSICS.md §1):
     * r = R_E − d, d = D − z the vertical depth, L(θ, z) = −r cosθ + sqrt(R_E² − r² sin²θ)
     * (≈ d / cosθ for small θ).
     *
     * @param halfHeightM   detector half height h, m, &gt; 0
     * @param originDepthM  depth D of z = 0 in the formula, m, &gt; h
     * @param earthRadiusM  Earth radius R_E, m, &gt; D + h
     * @param zenithMaxDeg  largest generated zenith angle, degrees, in (0, 90)
     */
    record SlantDepth(double halfHeightM, double originDepthM, double earthRadiusM, double zenithMaxDeg)
            implements ZenithBands {
        /** Half height of the synthetic detector cylinder, m. */
        public static final double HALF_HEIGHT_M = 500.0;
        /** Depth of the detector origin used in the slant-depth formula, m. */
        public static final double ORIGIN_DEPTH_M = 1950.0;
        /** Earth radius, m. */
        public static final double EARTH_RADIUS_M = 6_371_000.0;

        /** @throws IllegalArgumentException naming the value out of range */
        public SlantDepth {
            if (!(halfHeightM > 0) || !Double.isFinite(halfHeightM)) {
                throw new IllegalArgumentException("detector half height must be > 0 m but was " + halfHeightM);
            }
            if (!(originDepthM > halfHeightM) || !Double.isFinite(originDepthM)) {
                throw new IllegalArgumentException("origin depth (" + originDepthM
                        + " m) must be finite and > the detector half height (" + halfHeightM + " m)");
            }
            if (!(earthRadiusM > originDepthM + halfHeightM) || !Double.isFinite(earthRadiusM)) {
                throw new IllegalArgumentException("Earth radius (" + earthRadiusM + " m) must be finite and > "
                        + "origin depth + half height (" + (originDepthM + halfHeightM) + " m)");
            }
            if (!(zenithMaxDeg > 0 && zenithMaxDeg < 90)) {
                throw new IllegalArgumentException("largest zenith angle must be in (0, 90) degrees for the slant-depth "
                        + "band rule but was " + zenithMaxDeg);
            }
        }

        /**
         * @param zenithRad zenith angle, rad, in [0, π/2]
         * @param zMetres   z of the stopping point in detector coordinates, m (up positive), &lt; D
         * @return L(θ, z), m, evaluated without cancellation
         */
        public double slantDepthMetres(double zenithRad, double zMetres) {
            double d = originDepthM - zMetres;
            double r = earthRadiusM - d;
            double c = Math.cos(zenithRad), s = Math.sin(zenithRad);
            double root = Math.sqrt(earthRadiusM * earthRadiusM - r * r * s * s);
            // -r c + root = (R_E² - r²) / (r c + root) = d (2 R_E - d) / (r c + root)
            return d * (earthRadiusM + r) / (r * c + root);
        }

        /**
         * The inverse of {@link #slantDepthMetres} in θ: from L² + 2 r L cosθ + r² = R_E²,
         * cosθ = (d (2 R_E − d) − L²) / (2 r L).
         *
         * @param lengthMetres slant depth L, m, &gt; 0
         * @param zMetres      z of the stopping point, m
         * @return cos θ of the direction with slant depth L to z; &gt; 1 if L is shorter than the
         *         vertical depth (no direction reaches), not clamped
         */
        public double cosZenith(double lengthMetres, double zMetres) {
            double d = originDepthM - zMetres;
            double r = earthRadiusM - d;
            return (d * (2 * earthRadiusM - d) - lengthMetres * lengthMetres) / (2 * r * lengthMetres);
        }

        @Override
        public ZenithBand band(double low, double high) {
            double cosMax = Math.cos(Math.toRadians(zenithMaxDeg));
            // L(θ, +h) <= L_hi  <=>  cosθ >= cosZenith(L_hi, +h)   (L grows with θ)
            double cosLow = Math.max(cosMax, cosZenith(high, halfHeightM));
            // L(θ, -h) >= L_lo  <=>  cosθ <= cosZenith(L_lo, -h)
            double cosHigh = Math.min(1.0, cosZenith(low, -halfHeightM));
            if (!(cosHigh > cosLow)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "no zenith angle <= %.6g deg lets a muon stop inside the detector (z in [-%.6g, %.6g] m) "
                                + "with a propagation length in [%.6g, %.6g] m: the vertical depths are %.6g .. %.6g m "
                                + "and L(%.6g deg, z=-h) = %.6g m; choose range bins inside that span",
                        zenithMaxDeg, halfHeightM, halfHeightM, low, high, originDepthM - halfHeightM,
                        originDepthM + halfHeightM, zenithMaxDeg,
                        slantDepthMetres(Math.toRadians(zenithMaxDeg), -halfHeightM)));
            }
            return new ZenithBand(cosLow, cosHigh);
        }
    }

    /**
     * The whole generated zenith range [cos θ_max, 1] for every bin.
     *
     * @param zenithMaxDeg largest generated zenith angle, degrees, in (0, 180]
     */
    record FullRange(double zenithMaxDeg) implements ZenithBands {
        /** @throws IllegalArgumentException if the angle is out of range */
        public FullRange {
            if (!(zenithMaxDeg > 0 && zenithMaxDeg <= 180)) {
                throw new IllegalArgumentException("largest zenith angle must be in (0, 180] degrees but was "
                        + zenithMaxDeg);
            }
        }

        @Override
        public ZenithBand band(double low, double high) {
            return new ZenithBand(Math.cos(Math.toRadians(zenithMaxDeg)), 1.0);
        }
    }
}
