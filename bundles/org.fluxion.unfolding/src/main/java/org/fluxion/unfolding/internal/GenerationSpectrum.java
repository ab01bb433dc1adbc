package org.fluxion.unfolding.internal;

import org.fluxion.api.hist.Binning;

/**
 * A power-law generation spectrum dN/dE ∝ E^-γ between two limits: the fraction of generated
 * events per true bin. Values on the true axis are E itself or lg E ({@code lg}); the unit of E
 * cancels. Immutable.
 *
 * @param index γ (any finite value; γ = 1 handled)
 * @param min   lower generation limit, axis units
 * @param max   upper generation limit, axis units (> min)
 * @param lg    the axis holds lg E
 */
record GenerationSpectrum(double index, double min, double max, boolean lg) {

    /** @return E for an axis value */
    double energy(double axisValue) {
        return lg ? Math.pow(10, axisValue) : axisValue;
    }

    /** @return ∫_{a}^{b} E^-γ dE for axis values a < b (limits in axis units) */
    private double integral(double a, double b) {
        double ea = energy(a), eb = energy(b);
        if (Math.abs(index - 1) < 1e-12) {
            return Math.log(eb / ea);
        }
        double p = 1 - index;
        // ea^p (r^p − 1)/p with r = eb/ea, stable for large dynamic ranges
        return Math.pow(ea, p) * Math.expm1(p * Math.log(eb / ea)) / p;
    }

    /**
     * @return per true bin the fraction of generated events in it (bins are clipped to the generation
     *         range; 0 outside it)
     */
    double[] fractions(Binning trueBinning) {
        double total = integral(min, max);
        double[] f = new double[trueBinning.bins()];
        for (int j = 0; j < f.length; j++) {
            double a = Math.max(trueBinning.edge(j), min), b = Math.min(trueBinning.edge(j + 1), max);
            f[j] = b > a ? integral(a, b) / total : 0.0;
        }
        return f;
    }

    /**
     * @return the weight that turns this generation spectrum into E^-targetIndex, 1 at E(min)
     */
    double reweight(double axisValue, double targetIndex) {
        return Math.pow(energy(axisValue) / energy(min), index - targetIndex);
    }

    /**
     * @return per true bin ∫_bin E^-γ w(E) dE / ∫_gen E^-γ dE with w = {@link #reweight}(·, targetIndex):
     *         the expected sum of reweighted generated events per bin, per generated event
     */
    double[] reweightedFractions(Binning trueBinning, double targetIndex) {
        GenerationSpectrum target = new GenerationSpectrum(targetIndex, min, max, lg);
        double[] f = target.fractions(trueBinning);
        double scale = Math.pow(energy(min), targetIndex - index) * target.integral(min, max) / integral(min, max);
        for (int j = 0; j < f.length; j++) {
            f[j] *= scale;
        }
        return f;
    }
}
