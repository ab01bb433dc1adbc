package org.fluxion.fits.internal;

import org.fluxion.synth.MuonEnergyLoss;
import org.fluxion.synth.MuonFluxModel;

/**
 * What the synthetic stopping-muon samples injected (PHYSICS.md §6, org.fluxion.synth): the energy
 * loss of ice (a, b, ρ) and the data's true sky 0.92 · Gaisser · (E/TeV)^-0.04, converted to m⁻².
 * For marking the truth in plots and computing expected values; never used as a fit input.
 */
final class SyntheticTruth {
    /** Injected a, GeV/mwe. */
    static final double A = MuonEnergyLoss.ICE.aGeVPerMwe();
    /** Injected b, 1/mwe. */
    static final double B = MuonEnergyLoss.ICE.bPerMwe();
    /** Density of the generator's ice, mwe/m. */
    static final double DENSITY = MuonEnergyLoss.ICE.densityMwePerMetre();
    /** The data's true sky, m⁻² s⁻¹ sr⁻¹ GeV⁻¹. */
    static final SurfaceFlux SKY = (e, c) -> 1e4 * MuonFluxModel.TRUE_SKY.flux(e, c);

    private SyntheticTruth() {
    }
}
