package org.fluxion.fits.internal;

/**
 * Averages of a surface flux over a zenith band (uniform in cosθ, i.e. dΩ) and over an energy bin
 * (uniform in E, integrated by Gauss–Legendre in ln E). Immutable, thread-safe.
 */
final class SkyAverage {
    private final GaussLegendre rule;

    /** @param nodes Gauss–Legendre nodes in cosθ and in ln E */
    SkyAverage(int nodes) {
        this.rule = new GaussLegendre(nodes);
    }

    /** @return (1/Δcos) ∫ Φ(E, c) dc over [cosLow, cosHigh] */
    double band(SurfaceFlux phi, double energyGeV, double cosLow, double cosHigh) {
        double s = 0;
        for (int k = 0; k < rule.size(); k++) {
            s += rule.weight(k, cosLow, cosHigh) * phi.flux(energyGeV, rule.node(k, cosLow, cosHigh));
        }
        return s / (cosHigh - cosLow);
    }

    /** @return (1/ΔE) ∫ band(E) dE over [eLow, eHigh] GeV */
    double binAndBand(SurfaceFlux phi, double eLow, double eHigh, double cosLow, double cosHigh) {
        double lo = Math.log(eLow), hi = Math.log(eHigh), s = 0;
        for (int q = 0; q < rule.size(); q++) {
            double e = Math.exp(rule.node(q, lo, hi));
            s += rule.weight(q, lo, hi) * e * band(phi, e, cosLow, cosHigh);
        }
        return s / (eHigh - eLow);
    }
}
