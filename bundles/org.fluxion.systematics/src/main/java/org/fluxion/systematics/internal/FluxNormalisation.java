package org.fluxion.systematics.internal;

import org.fluxion.api.hist.EffectiveArea;
import org.fluxion.api.hist.Spectrum;

/**
 * The flux convention of the stopping-muon analysis (flux.md): Φ_i = f_i / (T · Δx_i · Ω_i · A_i)
 * with covariance J V_f J (J = diag of the factors) plus the effective area's statistical relative
 * error in quadrature on the diagonal. Stateless.
 */
final class FluxNormalisation {
    private FluxNormalisation() {
    }

    /** @return the factor 1/(T Δx_i Ω_i A_i) of bin i, +∞ where A_i = 0 */
    static double factor(EffectiveArea a, double livetimeS, int i) {
        return 1.0 / (livetimeS * a.binning().width(i) * a.solidAngleSr(i) * a.areaM2(i));
    }

    /**
     * @param unfolded  selected events per true bin (binning of {@code area})
     * @param area      effective area with zenith bands
     * @param livetimeS livetime of the unfolded sample, s (&gt; 0)
     * @param unit      unit of the flux
     * @return the flux; bins with A_i = 0 get value 0 and variance 0 (they carry no information)
     */
    static Spectrum flux(Spectrum unfolded, EffectiveArea area, double livetimeS, String unit) {
        int n = unfolded.binning().bins();
        double[] k = new double[n], v = new double[n];
        double[][] c = unfolded.covariance(), out = new double[n][n];
        double[] areaErr = area.statErrorM2();
        for (int i = 0; i < n; i++) {
            k[i] = area.areaM2(i) > 0 ? factor(area, livetimeS, i) : 0;
            v[i] = unfolded.value(i) * k[i];
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                out[i][j] = k[i] * c[i][j] * k[j];
            }
            if (area.areaM2(i) > 0) {
                double rel = areaErr[i] / area.areaM2(i);
                out[i][i] += v[i] * v[i] * rel * rel;
            }
        }
        return Spectrum.of(unfolded.binning(), v, out, unit);
    }
}
