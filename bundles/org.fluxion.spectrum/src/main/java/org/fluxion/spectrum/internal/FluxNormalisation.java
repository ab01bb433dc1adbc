package org.fluxion.spectrum.internal;

import org.fluxion.api.hist.Binning;
import org.fluxion.api.hist.Spectrum;

/**
 * Turns unfolded events per true bin into a differential flux Φ_j = N_j / (T · A · Ω · ΔE_j) with
 * the covariance scaled alike, on a binning in GeV. Immutable, thread-safe.
 *
 * @param scale        what the events' binning values are
 * @param areaM2       A, m² (> 0)
 * @param solidAngleSr Ω, sr (> 0)
 * @param livetimeS    T, s (> 0)
 */
public record FluxNormalisation(EnergyScale scale, double areaM2, double solidAngleSr, double livetimeS) {
    /** Unit of the resulting flux. */
    public static final String UNIT = "m^-2 s^-1 sr^-1 GeV^-1";

    public FluxNormalisation {
        if (!(areaM2 > 0 && solidAngleSr > 0 && livetimeS > 0)) {
            throw new IllegalArgumentException("area, solid angle and livetime must be > 0 but were " + areaM2 + " m^2, "
                    + solidAngleSr + " sr, " + livetimeS + " s");
        }
    }

    /** @return the energy binning in GeV: log10-spaced when the events' binning is linear in lg E */
    public Binning energyBinning(Binning b) {
        if (scale.logarithmic() && b.kind() == Binning.Kind.LINEAR) {
            return Binning.log10(b.bins(), scale.toGeV(b.low()), scale.toGeV(b.high()));
        }
        double[] e = b.edges();
        for (int k = 0; k < e.length; k++) {
            e[k] = scale.toGeV(e[k]);
        }
        return Binning.ofEdges(e);
    }

    /**
     * @param events unfolded events per true bin with covariance (any unit: counts)
     * @return flux per bin in {@value #UNIT} on {@link #energyBinning}
     */
    public Spectrum apply(Spectrum events) {
        Binning eb = energyBinning(events.binning());
        int n = eb.bins();
        double[] c = new double[n];
        for (int j = 0; j < n; j++) {
            c[j] = 1.0 / (livetimeS * areaM2 * solidAngleSr * eb.width(j));
        }
        double[] v = events.values();
        double[][] cov = events.covariance();
        for (int i = 0; i < n; i++) {
            v[i] *= c[i];
            for (int j = 0; j < n; j++) {
                cov[i][j] *= c[i] * c[j];
            }
        }
        for (int i = 0; i < n; i++) { // exact symmetry after scaling
            for (int j = 0; j < i; j++) {
                cov[j][i] = cov[i][j];
            }
        }
        return Spectrum.of(eb, v, cov, UNIT);
    }
}
