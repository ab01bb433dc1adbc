package org.fluxion.spectrum.internal;

/**
 * Flux models of {@code fit_spectrum}, with E0 a fixed reference energy and ε a fixed smoothness:
 * <ul>
 * <li>{@code POWER_LAW}: Φ = Φ0 (E/E0)^-γ1; parameters (ln Φ0, γ1);</li>
 * <li>{@code KNEE}: Φ = Φ0 (E/E0)^-γ1 [1 + (E/Ek)^ε]^((γ1−γ2)/ε), a power law of index γ1 below
 * the knee Ek and γ2 above it, the transition sharper for larger ε; parameters (ln Φ0, γ1, γ2, ln Ek).</li>
 * </ul>
 */
public enum SpectralShape {
    /** A single power law. */
    POWER_LAW(2),
    /** A broken power law with a smooth knee. */
    KNEE(4);

    private final int parameters;

    SpectralShape(int parameters) {
        this.parameters = parameters;
    }

    /** @return number of free parameters */
    public int parameters() {
        return parameters;
    }

    /**
     * @param p         (ln Φ0, γ1[, γ2, ln(Ek/GeV)])
     * @param energyGeV E
     * @param e0        E0 in GeV
     * @param epsilon   ε (KNEE only)
     * @return Φ(E) in the unit of Φ0
     */
    public double flux(double[] p, double energyGeV, double e0, double epsilon) {
        double lnE = Math.log(energyGeV);
        double ln = p[0] - p[1] * (lnE - Math.log(e0));
        if (this == KNEE) {
            // ln[1 + (E/Ek)^ε] computed without overflow
            double z = epsilon * (lnE - p[3]);
            double softplus = z > 30 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
            ln += (p[1] - p[2]) / epsilon * softplus;
        }
        return Math.exp(ln);
    }
}
