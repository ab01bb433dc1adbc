package org.fluxion.synth;

/**
 * The five primary mass groups of the synthetic KASCADE samples, with the all-particle-spectrum
 * tuning of PHYSICS.md §6. The CNO group is represented by carbon (A = 12, CORSIKA id 1206).
 * Immutable and thread-safe.
 */
public enum KascadePrimary {
    /** Protons. */
    PROTON("p", 1, 1, 14, 8.73e-2, 2.71),
    /** Helium. */
    HELIUM("he", 4, 2, 402, 5.71e-2, 2.64),
    /** The CNO group, represented by carbon. */
    CNO("c", 12, 6, 1206, 2.9e-2, 2.67),
    /** Silicon. */
    SILICON("si", 28, 14, 2814, 2.4e-2, 2.70),
    /** Iron. */
    IRON("fe", 56, 26, 5626, 3.0e-2, 2.59);

    /** Knee energy per unit charge, GeV (E_knee,Z = Z · 4.5 PeV). */
    public static final double KNEE_PER_CHARGE_GEV = 4.5e6;
    /** Power-law index change at the knee (γ → γ + 2.1 above it, smoothness 1.9). */
    private static final double KNEE_DELTA_GAMMA = 2.1;
    private static final double KNEE_SMOOTHNESS = 1.9;

    private final String label;
    private final int massNumber;
    private final int charge;
    private final int corsikaId;
    private final double phi0;
    private final double gamma;

    KascadePrimary(String label, int massNumber, int charge, int corsikaId, double phi0, double gamma) {
        this.label = label;
        this.massNumber = massNumber;
        this.charge = charge;
        this.corsikaId = corsikaId;
        this.phi0 = phi0;
        this.gamma = gamma;
    }

    /** @return the name written in the simulation file's {@code Particle} column (p, he, c, si, fe) */
    public String label() {
        return label;
    }

    /** @return mass number A */
    public int massNumber() {
        return massNumber;
    }

    /** @return charge number Z */
    public int charge() {
        return charge;
    }

    /** @return CORSIKA particle id 100·A + Z (14 for protons), written as {@code particle_id} */
    public int corsikaId() {
        return corsikaId;
    }

    /** @return flux normalisation at 1 TeV, m⁻² sr⁻¹ s⁻¹ TeV⁻¹ */
    public double phi0() {
        return phi0;
    }

    /** @return spectral index below the knee */
    public double gamma() {
        return gamma;
    }

    /** @return ln A */
    public double lnA() {
        return Math.log(massNumber);
    }

    /**
     * Differential flux φ0 (E/TeV)^-γ [1 + (E/(Z·4.5 PeV))^1.9]^(-2.1/1.9).
     *
     * @param energyGeV primary energy in GeV, > 0
     * @return flux in m⁻² sr⁻¹ s⁻¹ TeV⁻¹
     */
    public double flux(double energyGeV) {
        return phi0 * Math.pow(energyGeV / 1000.0, -gamma) * kneeFactor(energyGeV);
    }

    /**
     * The knee suppression factor in (0, 1].
     *
     * @param energyGeV primary energy in GeV
     * @return [1 + (E/(Z·4.5 PeV))^1.9]^(-2.1/1.9)
     */
    public double kneeFactor(double energyGeV) {
        double r = energyGeV / (charge * KNEE_PER_CHARGE_GEV);
        return Math.pow(1.0 + Math.pow(r, KNEE_SMOOTHNESS), -KNEE_DELTA_GAMMA / KNEE_SMOOTHNESS);
    }
}
