package org.fluxion.fits.internal;

/**
 * Lognormal range straggling of the synthetic generator (PHYSICS.md §6): the stopping length of a
 * muon of surface energy E is L_R(E) · exp(σ N(0, 1)) with
 * σ_lnR(E) = clip(0.10 + 0.10 log10(E/TeV), 0.06, 0.35). Stateless, thread-safe.
 */
final class Straggling {
    private Straggling() {
    }

    /** @return σ of ln(range) for a muon of surface energy {@code energyGeV} */
    static double sigmaLnRange(double energyGeV) {
        double s = 0.10 + 0.10 * Math.log10(energyGeV / 1000.0);
        return Math.min(0.35, Math.max(0.06, s));
    }
}
