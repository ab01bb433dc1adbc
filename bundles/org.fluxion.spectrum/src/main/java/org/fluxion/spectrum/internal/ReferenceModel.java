package org.fluxion.spectrum.internal;

import org.fluxion.synth.KascadePrimary;

/**
 * A reference flux to draw beside a measured one: {@code NONE}, or {@code KASCADE_SYNTHETIC}, the
 * all-particle flux injected into the synthetic KASCADE samples (the five {@link KascadePrimary}
 * spectra summed; synthetic, not a measurement).
 */
public enum ReferenceModel {
    /** No reference. */
    NONE,
    /** Sum of the five synthetic KASCADE primaries. */
    KASCADE_SYNTHETIC;

    /**
     * @param energyGeV energy in GeV, > 0
     * @return the flux in m⁻² s⁻¹ sr⁻¹ GeV⁻¹, NaN for {@code NONE}
     */
    public double flux(double energyGeV) {
        if (this == NONE) {
            return Double.NaN;
        }
        double sum = 0;
        for (KascadePrimary p : KascadePrimary.values()) {
            sum += p.flux(energyGeV);
        }
        return sum / 1000.0; // per TeV -> per GeV
    }

    /**
     * @return the mean flux over [e1, e2] GeV, (1/(e2 − e1)) ∫ Φ dE by Simpson's rule in ln E
     *         (64 intervals), m⁻² s⁻¹ sr⁻¹ GeV⁻¹; NaN for {@code NONE}
     */
    public double binAverage(double e1, double e2) {
        if (this == NONE) {
            return Double.NaN;
        }
        int n = 64;
        double a = Math.log(e1), h = (Math.log(e2) - a) / n, sum = 0;
        for (int k = 0; k <= n; k++) {
            double e = Math.exp(a + k * h);
            double c = k == 0 || k == n ? 1 : (k % 2 == 1 ? 4 : 2);
            sum += c * flux(e) * e;
        }
        return sum * h / 3 / (e2 - e1);
    }
}
