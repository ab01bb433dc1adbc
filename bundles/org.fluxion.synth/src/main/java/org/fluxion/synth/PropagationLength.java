package org.fluxion.synth;

/**
 * Slant depth from the surface to a stopping point in IceCube detector coordinates, with Earth
 * curvature (PHYSICS.md §1): r = R_E − 1950 m + z, L(θ, z) = −r cosθ + sqrt(R_E² − r² sin²θ)
 * (≈ (1950 m − z)/cosθ below 80°). Lengths in metres of ice, zenith in radians. Evaluated in a
 * cancellation-free form. Stateless and thread-safe.
 */
public final class PropagationLength {
    /** Earth radius R_E, m. */
    public static final double EARTH_RADIUS_M = 6_371_000.0;
    /** Depth of z = 0 in the formula, m (the detector origin is at about 1948 m). */
    public static final double ORIGIN_DEPTH_M = 1950.0;

    private PropagationLength() {
    }

    /**
     * @param zenithRad    zenith angle of the arrival direction, rad (0 = vertically down-going)
     * @param zStopMetres  z of the stopping point in detector coordinates, m (up is positive),
     *                     &lt; {@value #ORIGIN_DEPTH_M}
     * @return L(θ, z) in metres
     */
    public static double metres(double zenithRad, double zStopMetres) {
        double depth = ORIGIN_DEPTH_M - zStopMetres; // R_E - r
        double r = EARTH_RADIUS_M - depth;
        double c = Math.cos(zenithRad), s = Math.sin(zenithRad);
        double root = Math.sqrt(EARTH_RADIUS_M * EARTH_RADIUS_M - r * r * s * s);
        // -r c + root = (R_E² - r²) / (r c + root)  when r c + root > 0
        double den = r * c + root;
        return den > 0 ? depth * (EARTH_RADIUS_M + r) / den : -r * c + root;
    }

    /**
     * The inverse of {@link #metres}: z of the point at slant depth {@code lengthMetres} along
     * zenith {@code zenithRad}.
     *
     * @return z in detector coordinates, m
     */
    public static double stopZ(double zenithRad, double lengthMetres) {
        double c = Math.cos(zenithRad), s = Math.sin(zenithRad);
        double ls = lengthMetres * s;
        double root = Math.sqrt(EARTH_RADIUS_M * EARTH_RADIUS_M - ls * ls);
        // r - R_E = -L c + (root - R_E) = -L c - L² s² / (root + R_E)
        return ORIGIN_DEPTH_M - lengthMetres * c - ls * ls / (root + EARTH_RADIUS_M);
    }
}
