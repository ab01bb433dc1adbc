package org.fluxion.fits.internal;

/**
 * The energy-fit model: Φ0 (E/E0)^-γ averaged over each energy bin [E_lo, E_hi] analytically,
 * Φ0 E0^γ (E_hi^{1−γ} − E_lo^{1−γ}) / ((1 − γ)(E_hi − E_lo)); parameters (Φ0 in the flux's unit, γ).
 * Immutable, thread-safe.
 */
final class EnergyFit implements ChiSquareFit.Model {
    private final double[] low;
    private final double[] high;
    private final double referenceGev;

    /**
     * @param low          lower edge of each fitted bin, GeV, &gt; 0 (copied)
     * @param high         upper edge, &gt; low (copied)
     * @param referenceGev E0, GeV
     */
    EnergyFit(double[] low, double[] high, double referenceGev) {
        this.low = low.clone();
        this.high = high.clone();
        this.referenceGev = referenceGev;
    }

    /** @return the bin average of Φ0 (E/E0)^-γ over [lo, hi] */
    static double binAverage(double phi0, double gamma, double e0, double lo, double hi) {
        double g1 = 1 - gamma;
        double rlo = lo / e0, rhi = hi / e0;
        if (Math.abs(g1) < 1e-9) {
            return phi0 * e0 * Math.log(rhi / rlo) / (hi - lo);
        }
        return phi0 * e0 * (Math.pow(rhi, g1) - Math.pow(rlo, g1)) / (g1 * (hi - lo));
    }

    @Override
    public double[] expectation(double[] p) {
        double[] mu = new double[low.length];
        for (int i = 0; i < mu.length; i++) {
            mu[i] = binAverage(p[0], p[1], referenceGev, low[i], high[i]);
        }
        return mu;
    }

    /**
     * @return the Lafferty–Wyatt abscissa of bin [lo, hi] for index γ: the energy at which the power
     *         law equals its bin average (where a bin-averaged point belongs on a curve)
     */
    static double laffertyWyatt(double gamma, double lo, double hi) {
        double avg = binAverage(1, gamma, 1, lo, hi);
        return Math.pow(avg, -1 / gamma);
    }
}
