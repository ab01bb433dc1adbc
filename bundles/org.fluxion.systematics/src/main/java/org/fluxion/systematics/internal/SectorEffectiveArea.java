package org.fluxion.systematics.internal;

import org.fluxion.api.hist.EffectiveArea;

/**
 * The effective area of one detector sector. The full-detector A_eff,i = A_gen · N_i / D_i (N_i: Σw of
 * the selected MC with the truth in bin i, D_i: Σw of the L0 MC in bin i and zenith band i, flux.md);
 * restricting the numerator to the sector's events gives A_s,i = A_gen · N_s,i / D_i =
 * A_eff,i · N_s,i / N_i, with the same zenith band. Statistical errors: the bootstrap relative
 * variance of A_eff,i is Var(N)/N² + Var(D)/D² for independent samples, so
 * Var(D)/D² = max(0, (σ_A/A)² − Σw²/(Σw)²); the sector adds its own numerator term:
 * (σ_s/A_s)² = Σ_s w²/(Σ_s w)² + Var(D)/D². The share A_s/A_eff = N_s/N of a subset has the
 * relative variance of {@link WeightedCounts#shareRelativeVariance} (nested sums). Stateless.
 *
 * @param sector     sector name
 * @param area       the sector's effective area (band of the full detector; systematic error 0)
 * @param ratio      A_s,i / A_eff,i per bin (NaN where the full numerator is empty)
 * @param ratioError statistical error of the ratio per bin
 */
record SectorEffectiveArea(String sector, EffectiveArea area, double[] ratio, double[] ratioError) {

    /**
     * @param full       the full detector's effective area
     * @param fullCounts Σw, Σw² per true bin of the selected MC (all sectors together)
     * @param sectorCounts the same restricted to the sector's events
     * @throws IllegalArgumentException if the binnings differ
     */
    static SectorEffectiveArea of(String sector, EffectiveArea full, WeightedCounts fullCounts,
            WeightedCounts sectorCounts) {
        int n = full.binning().bins();
        if (fullCounts.bins() != n || sectorCounts.bins() != n) {
            throw new IllegalArgumentException("effective area has " + n + " bins but the MC sums have "
                    + fullCounts.bins() + " and " + sectorCounts.bins());
        }
        double[] fullErr = full.statErrorM2();
        double[] a = new double[n], err = new double[n], ratio = new double[n], ratioErr = new double[n];
        for (int i = 0; i < n; i++) {
            double nFull = fullCounts.sumW(i), nSec = sectorCounts.sumW(i);
            double aFull = full.areaM2(i);
            if (!(nFull > 0) || !(aFull > 0)) {
                ratio[i] = Double.NaN;
                ratioErr[i] = Double.NaN;
                continue; // no selected MC in the bin: A = 0 for the detector and every sector
            }
            ratio[i] = nSec / nFull;
            a[i] = aFull * ratio[i];
            double relFull = Math.pow(fullErr[i] / aFull, 2);
            double relDen = Math.max(0, relFull - fullCounts.resampledRelativeVariance(i));
            if (nSec > 0) {
                err[i] = a[i] * Math.sqrt(sectorCounts.resampledRelativeVariance(i) + relDen);
                ratioErr[i] = ratio[i] * Math.sqrt(fullCounts.shareRelativeVariance(sectorCounts, i));
            } else {
                // an empty sector bin: the error of 0 is that of one event of the effective weight Σw²/Σw
                double effectiveWeight = fullCounts.relativeVariance(i) * nFull;
                err[i] = aFull * effectiveWeight / nFull;
                ratioErr[i] = effectiveWeight / nFull;
            }
        }
        EffectiveArea area = EffectiveArea.of(full.quantity(), full.unit(), full.binning(), a, err, null,
                full.cosZenithLow(), full.cosZenithHigh());
        return new SectorEffectiveArea(sector, area, ratio, ratioErr);
    }
}
