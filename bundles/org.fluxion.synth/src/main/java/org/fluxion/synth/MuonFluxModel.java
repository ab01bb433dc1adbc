package org.fluxion.synth;

/**
 * Surface muon flux models of the synthetic stopping-muon samples: the Gaisser formula
 * (PHYSICS.md §1), Φ(E, θ) = 0.14 E^-2.7 [1/(1 + 1.1 E cosθ/115) + 0.054/(1 + 1.1 E cosθ/850)]
 * in cm⁻² s⁻¹ sr⁻¹ GeV⁻¹ (E in GeV), times {@code normalisation · (E/TeV)^indexShift}
 * (PHYSICS.md §6). These tunings are synthetic: the names follow IceCube's weight columns, the
 * fluxes are not the H3a/H4a/GST predictions. Immutable and thread-safe.
 */
public enum MuonFluxModel {
    /** The Gaisser formula itself; weight column {@code GaisserH3aWeight}. */
    GAISSER_H3A("GaisserH3aWeight", 1.0, 0.0),
    /** 0.95 · H3a · (E/TeV)^-0.03; weight column {@code GaisserH4aWeight}. */
    GAISSER_H4A("GaisserH4aWeight", 0.95, -0.03),
    /** 1.05 · H3a · (E/TeV)^0.02; weight column {@code GlobalFitGSTWeight}. */
    GLOBAL_FIT_GST("GlobalFitGSTWeight", 1.05, 0.02),
    /**
     * The "true sky" of the measured-like data: 0.92 · H3a · (E/TeV)^-0.04. Not written as an MC
     * weight column (the analysis should not know it); {@link #weightColumn()} is
     * {@code TrueSkyWeight} for reference only.
     */
    TRUE_SKY("TrueSkyWeight", 0.92, -0.04);

    private final String weightColumn;
    private final double normalisation;
    private final double indexShift;

    MuonFluxModel(String weightColumn, double normalisation, double indexShift) {
        this.weightColumn = weightColumn;
        this.normalisation = normalisation;
        this.indexShift = indexShift;
    }

    /** @return the name of the weight column (Hz per event) in the samples */
    public String weightColumn() {
        return weightColumn;
    }

    /** @return the factor multiplying the Gaisser formula */
    public double normalisation() {
        return normalisation;
    }

    /** @return the change of the spectral index, applied as (E/TeV)^indexShift */
    public double indexShift() {
        return indexShift;
    }

    /**
     * @param energyGeV  muon energy at the surface, GeV, &gt; 0
     * @param cosZenith  cosine of the zenith angle
     * @return the differential flux in cm⁻² s⁻¹ sr⁻¹ GeV⁻¹
     */
    public double flux(double energyGeV, double cosZenith) {
        double f = gaisser(energyGeV, cosZenith) * normalisation;
        return indexShift == 0 ? f : f * Math.pow(energyGeV / 1000.0, indexShift);
    }

    /**
     * The unmodified Gaisser formula (conventional muons from pion and kaon decay).
     *
     * @return cm⁻² s⁻¹ sr⁻¹ GeV⁻¹
     */
    public static double gaisser(double energyGeV, double cosZenith) {
        double ec = 1.1 * energyGeV * cosZenith;
        return 0.14 * Math.pow(energyGeV, -2.7) * (1.0 / (1.0 + ec / 115.0) + 0.054 / (1.0 + ec / 850.0));
    }
}
