package org.fluxion.fits.internal;

/**
 * How the surface flux Φ_E is modelled in the range fit (setting {@code range_model}).
 */
public enum RangeModel {
    /** {@link #THEORY} when {@code mceq_path} is given, else {@link #POWER_LAW}. */
    AUTO,
    /** The theory table's column {@code theory_column} (its shape in E and θ) × a free normalisation. */
    THEORY,
    /**
     * Φ0 (E/E0)^-γ, isotropic, Φ0 fixed ({@code phi0}, or the energy fit's), γ fixed
     * ({@code fix_index}) or free: Φ0 and a are exactly degenerate for a power law (only Φ0 a^(1−γ)
     * enters), so Φ0 cannot be free.
     */
    POWER_LAW
}
