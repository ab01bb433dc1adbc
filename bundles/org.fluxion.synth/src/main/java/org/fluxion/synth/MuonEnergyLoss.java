package org.fluxion.synth;

/**
 * Continuous muon energy loss dE/dX = −a − bE (PHYSICS.md §1), X in metres water equivalent
 * (mwe). Range R(E) = ln(1 + bE/a)/b and the surface energy for a range X,
 * E_s(X) = (a/b)(e^{bX} − 1). Immutable and thread-safe.
 *
 * @param aGeVPerMwe          ionisation loss a, GeV/mwe, &gt; 0
 * @param bPerMwe             radiative loss b, 1/mwe, &gt; 0
 * @param densityMwePerMetre  mwe per metre of the medium (ice: 0.917), &gt; 0
 */
public record MuonEnergyLoss(double aGeVPerMwe, double bPerMwe, double densityMwePerMetre) {
    /** Ice: a = 0.259 GeV/mwe, b = 3.63e-4 /mwe, 1 m ice = 0.917 mwe (the injected truth of the synthetic samples). */
    public static final MuonEnergyLoss ICE = new MuonEnergyLoss(0.259, 3.63e-4, 0.917);

    public MuonEnergyLoss {
        if (!(aGeVPerMwe > 0) || !(bPerMwe > 0) || !(densityMwePerMetre > 0)) {
            throw new IllegalArgumentException("a, b and density must be > 0 but were a=" + aGeVPerMwe + ", b="
                    + bPerMwe + ", density=" + densityMwePerMetre);
        }
    }

    /** @return range R(E) in mwe for a surface energy in GeV (0 for E &lt;= 0) */
    public double rangeMwe(double energyGeV) {
        return energyGeV <= 0 ? 0 : Math.log1p(bPerMwe * energyGeV / aGeVPerMwe) / bPerMwe;
    }

    /** @return range R(E) in metres of the medium */
    public double rangeMetres(double energyGeV) {
        return rangeMwe(energyGeV) / densityMwePerMetre;
    }

    /** @return surface energy E_s(X) in GeV of a muon that stops after X mwe */
    public double surfaceEnergyGeV(double rangeMwe) {
        return aGeVPerMwe / bPerMwe * Math.expm1(bPerMwe * rangeMwe);
    }

    /** @return surface energy in GeV of a muon that stops after {@code metres} of the medium */
    public double surfaceEnergyForMetresGeV(double metres) {
        return surfaceEnergyGeV(metres * densityMwePerMetre);
    }
}
