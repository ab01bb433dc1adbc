package org.fluxion.fits.internal;

/**
 * A differential surface muon flux Φ_E(E, θ) in m⁻² s⁻¹ sr⁻¹ GeV⁻¹. Implementations are immutable
 * and thread-safe.
 */
@FunctionalInterface
interface SurfaceFlux {
    /**
     * @param energyGeV surface energy, GeV, &gt; 0
     * @param cosZenith cosine of the zenith angle
     * @return the flux, m⁻² s⁻¹ sr⁻¹ GeV⁻¹
     */
    double flux(double energyGeV, double cosZenith);

    /**
     * @return the highest energy at which {@link #flux} is defined, GeV (a table's last node);
     *         the straggling convolution's far tail skips energies above it
     */
    default double maxEnergyGev() {
        return Double.POSITIVE_INFINITY;
    }
}
