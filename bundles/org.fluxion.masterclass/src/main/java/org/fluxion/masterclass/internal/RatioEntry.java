package org.fluxion.masterclass.internal;

import org.fluxion.api.hist.Binning;
import org.fluxion.api.hist.Histogram;

/**
 * What is collected for one sample or one simulated primary while scanning a ratio or a
 * difference: the histogram, the moments of all values and the moments per energy bin. Mutable
 * while filling, not thread-safe.
 */
final class RatioEntry {
    final String label;
    final String stem;
    final boolean simulated;
    final Histogram.Builder histogram;
    final WeightedMoments all = new WeightedMoments();
    final WeightedMoments[] perEnergy;
    long excluded;

    /**
     * @param label   legend label, e.g. "data" or "Fe"
     * @param stem    file-name part, e.g. "data" or "sim_fe"
     * @param simulated whether the entry is from the simulation
     */
    RatioEntry(String label, String stem, boolean simulated, Binning values, Binning energies) {
        this.label = label;
        this.stem = stem;
        this.simulated = simulated;
        this.histogram = Histogram.builder(values);
        this.perEnergy = new WeightedMoments[energies.bins()];
        for (int i = 0; i < perEnergy.length; i++) {
            perEnergy[i] = new WeightedMoments();
        }
    }

    /** Adds one value with weight {@code w} in energy bin {@code energyBin} (outside [0, bins): not per energy). */
    void add(double x, double w, int energyBin) {
        if (!Double.isFinite(x)) {
            excluded++;
            return;
        }
        all.add(x, w);
        histogram.fill(x, w);
        if (energyBin >= 0 && energyBin < perEnergy.length) {
            perEnergy[energyBin].add(x, w);
        }
    }

    /**
     * Pearson χ² of the fitted Gaussian against the histogram, over the bins expecting at least 5
     * effective events; the variance of a bin is its expectation times the mean weight ΣW²/ΣW.
     *
     * @return {χ², ndf} with ndf = bins used − 2; ndf may be ≤ 0 (then χ² says nothing)
     */
    static double[] chi2(Histogram h, GaussianFit fit) {
        if (!(fit.sigma() > 0) || fit.nEff() <= 0) {
            return new double[] { Double.NaN, 0 };
        }
        double meanWeight = fit.sumW() / fit.nEff();
        double chi2 = 0;
        int used = 0;
        Binning b = h.binning();
        for (int i = 0; i < b.bins(); i++) {
            double expected = fit.sumW() * fit.probability(b.edge(i), b.edge(i + 1));
            if (expected / meanWeight >= 5) {
                double d = h.sumW(i) - expected;
                chi2 += d * d / (expected * meanWeight);
                used++;
            }
        }
        return new double[] { chi2, used - 2 };
    }
}
