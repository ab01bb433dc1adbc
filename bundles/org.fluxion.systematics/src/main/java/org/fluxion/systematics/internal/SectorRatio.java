package org.fluxion.systematics.internal;

import java.util.List;

import org.fluxion.api.hist.Spectrum;

/**
 * The flux of one sector relative to the full sample, per true bin:
 * R_i = Φ_s,i / Φ_i = (f_s,i / f_i) · (A_i / A_s,i) = (f_s,i / f_i) · (N_i / N_s,i), since livetime,
 * bin width and solid angle cancel and A_s,i = A_i · N_s,i / N_i ({@link SectorEffectiveArea}).
 * The sector's events are a subset of the full sample's, so the statistical error of the ratio is
 * that of nested samples: (σ_R/R)² = (σ_fs/f_s)² (1 − q) + (relative variance of the MC share N_s/N,
 * {@link WeightedCounts#shareRelativeVariance}), q = f_s/f clipped to [0, 1]. For Poisson counts
 * N_s ⊂ N, Var(ln N_s − ln N) = 1/N_s − 1/N = (1/N_s)(1 − q); the sector's own unfolding error
 * stands for 1/N_s (the full sample's error is not subtracted: a regularised full unfolding can have
 * a larger relative error than the sector's, which would make the difference negative). Bins where the
 * sector holds less than {@code minShare} of the full detector's MC rate (its acceptance there is
 * negligible: e.g. short propagation lengths in a lower sector) get no ratio. Immutable.
 *
 * @param sector    sector name
 * @param ratio     R_i per bin, NaN where the full-sample estimate or the sector's MC is empty
 * @param statError σ_R per bin, NaN with R
 */
record SectorRatio(String sector, double[] ratio, double[] statError) {

    /**
     * @param unfoldedSector selected events per true bin of the sector's unfolding, with covariance
     * @param unfoldedFull   the same for the full sample, unfolded in the same way
     * @param sectorCounts   Σw per true bin of the sector's selected MC
     * @param fullCounts     Σw per true bin of the full selected MC
     * @param minShare       smallest share N_s/N of the MC rate for a ratio in a bin, in [0, 1)
     */
    static SectorRatio of(String sector, Spectrum unfoldedSector, Spectrum unfoldedFull, WeightedCounts sectorCounts,
            WeightedCounts fullCounts, double minShare) {
        int n = unfoldedFull.binning().bins();
        double[] r = new double[n], e = new double[n];
        for (int i = 0; i < n; i++) {
            double fs = unfoldedSector.value(i), f = unfoldedFull.value(i);
            double ns = sectorCounts.sumW(i), nf = fullCounts.sumW(i);
            if (!(f > 0) || !(ns > 0) || !(nf > 0) || ns < minShare * nf) {
                r[i] = Double.NaN;
                e[i] = Double.NaN;
                continue;
            }
            r[i] = (fs / f) * (nf / ns);
            double q = Math.min(1, Math.max(0, fs / f));
            double relF = fs > 0 ? variance(unfoldedSector, i) / (fs * fs) * (1 - q) : Double.NaN;
            double relN = fullCounts.shareRelativeVariance(sectorCounts, i);
            // a sector estimate of 0 has no relative error: take its absolute error against f
            e[i] = fs > 0 ? r[i] * Math.sqrt(relF + relN) : (nf / ns) * unfoldedSector.uncertainty(i) / f;
        }
        return new SectorRatio(sector, r, e);
    }

    static double variance(Spectrum s, int i) {
        double u = s.uncertainty(i);
        return u * u;
    }

    /**
     * The systematic band: per bin the largest deviation of a sector's ratio from 1 beyond what its
     * statistical error explains, b_i = max_s sqrt(max(0, (R_s,i − 1)² − σ_s,i²)). Sectors without a
     * ratio in bin i (NaN) are left out; a bin without any is 0.
     *
     * @param ratios the sectors (at least one)
     * @return b_i per bin, &gt;= 0
     */
    static double[] band(List<SectorRatio> ratios) {
        int n = ratios.get(0).ratio.length;
        double[] b = new double[n];
        for (SectorRatio s : ratios) {
            for (int i = 0; i < n; i++) {
                double d = s.ratio[i] - 1, sig = s.statError[i];
                if (Double.isFinite(d) && Double.isFinite(sig)) {
                    b[i] = Math.max(b[i], Math.sqrt(Math.max(0, d * d - sig * sig)));
                }
            }
        }
        return b;
    }

    /** @return Σ_i ((R_i − 1)/σ_i)² over the bins with a finite ratio and σ &gt; 0 */
    double chi2() {
        double c = 0;
        for (int i = 0; i < ratio.length; i++) {
            if (Double.isFinite(ratio[i]) && statError[i] > 0) {
                c += Math.pow((ratio[i] - 1) / statError[i], 2);
            }
        }
        return c;
    }

    /** @return number of bins entering {@link #chi2()} */
    int chi2Bins() {
        int m = 0;
        for (int i = 0; i < ratio.length; i++) {
            if (Double.isFinite(ratio[i]) && statError[i] > 0) {
                m++;
            }
        }
        return m;
    }
}
