package org.fluxion.masterclass.internal;

import org.fluxion.synth.KascadePrimary;

/**
 * The spectra injected into a simulated sky, drawn beside unfolded mass-group spectra: {@code NONE},
 * or {@code KASCADE_SYNTHETIC}, the five {@link KascadePrimary} spectra of the synthetic KASCADE samples
 * (PHYSICS.md §6; synthetic, not a measurement). Immutable and thread-safe.
 */
public enum InjectedSpectra {
    /** No reference. */
    NONE,
    /** The synthetic KASCADE primaries, p, He, CNO, Si, Fe. */
    KASCADE_SYNTHETIC;

    /** @return whether spectra are known */
    boolean known() {
        return this != NONE;
    }

    /**
     * @param group     the mass group
     * @param energyGeV energy in GeV, > 0
     * @return the injected flux of the group in m⁻² s⁻¹ sr⁻¹ GeV⁻¹, NaN for {@code NONE}
     */
    double flux(MassGroup group, double energyGeV) {
        if (this == NONE) {
            return Double.NaN;
        }
        return primary(group).flux(energyGeV) / 1000.0; // per TeV -> per GeV
    }

    /** @return the summed injected flux of all five groups in m⁻² s⁻¹ sr⁻¹ GeV⁻¹, NaN for {@code NONE} */
    double allParticleFlux(double energyGeV) {
        double sum = 0;
        for (MassGroup g : MassGroup.values()) {
            sum += flux(g, energyGeV);
        }
        return sum;
    }

    /**
     * @param group the mass group, or null for the all-particle sum
     * @return the mean flux over [e1, e2] GeV, (1/(e2 − e1)) ∫ Φ dE by Simpson's rule in ln E (64
     *         intervals), m⁻² s⁻¹ sr⁻¹ GeV⁻¹; NaN for {@code NONE}
     */
    double binAverage(MassGroup group, double e1, double e2) {
        if (this == NONE) {
            return Double.NaN;
        }
        int n = 64;
        double a = Math.log(e1), h = (Math.log(e2) - a) / n, sum = 0;
        for (int k = 0; k <= n; k++) {
            double e = Math.exp(a + k * h);
            double c = k == 0 || k == n ? 1 : (k % 2 == 1 ? 4 : 2);
            sum += c * (group == null ? allParticleFlux(e) : flux(group, e)) * e;
        }
        return sum * h / 3 / (e2 - e1);
    }

    private static KascadePrimary primary(MassGroup g) {
        return switch (g) {
            case PROTON -> KascadePrimary.PROTON;
            case HELIUM -> KascadePrimary.HELIUM;
            case CNO -> KascadePrimary.CNO;
            case SILICON -> KascadePrimary.SILICON;
            case IRON -> KascadePrimary.IRON;
        };
    }
}
