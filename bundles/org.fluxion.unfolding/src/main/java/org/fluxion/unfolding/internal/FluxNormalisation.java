package org.fluxion.unfolding.internal;

import org.fluxion.api.hist.Binning;
import org.fluxion.api.hist.EffectiveArea;
import org.fluxion.api.hist.Spectrum;
import org.fluxion.api.workflow.InvalidSettingsException;

/**
 * Turns unfolded selected events per true bin into a flux (flux.md):
 * Φ_i = f_i / (T · Δx_i · Ω_i · A_eff,i), covariance J V_f J (J = diag(1 / (T Δx_i Ω_i A_i))) plus
 * Φ_i² ((σ_stat,i / A_i)² + (σ_syst,i / A_i)²) on the diagonal. Stateless.
 */
final class FluxNormalisation {
    private FluxNormalisation() {
    }

    /**
     * @param unfolded  selected events per true bin with covariance
     * @param area      effective area with the same true binning (edges equal to 1e-9 relative)
     * @param livetimeS livetime T of the unfolded sample, s, > 0
     * @param unit      unit of the flux, e.g. {@code m-2 s-1 sr-1 GeV-1}
     * @return the flux with its covariance
     * @throws InvalidSettingsException naming the bin if the binnings differ or an A_eff is 0
     */
    static Spectrum flux(Spectrum unfolded, EffectiveArea area, double livetimeS, String unit) {
        Binning tb = unfolded.binning(), ab = area.binning();
        if (tb.bins() != ab.bins()) {
            throw new InvalidSettingsException("bins", "the unfolding has " + tb.bins() + " true bins but the effective "
                    + "area '" + area.quantity() + "' has " + ab.bins() + ": use the same binning for both");
        }
        for (int i = 0; i <= tb.bins(); i++) {
            double a = tb.edge(i), b = ab.edge(i);
            if (Math.abs(a - b) > 1e-9 * Math.max(Math.abs(a), Math.abs(b))) {
                throw new InvalidSettingsException("min", "true bin edge " + i + " of the unfolding is " + a
                        + " but that of the effective area '" + area.quantity() + "' is " + b + ": use the same binning");
            }
        }
        if (!(livetimeS > 0) || Double.isInfinite(livetimeS)) {
            throw new InvalidSettingsException("sim_livetime_s", "the livetime of the unfolded sample must be finite and "
                    + "> 0 but was " + livetimeS + " s");
        }
        int n = tb.bins();
        double[] j = new double[n], phi = new double[n], f = unfolded.values();
        for (int i = 0; i < n; i++) {
            double a = area.areaM2(i);
            if (!(a > 0)) {
                throw new InvalidSettingsException("effective_area", "the effective area of true bin " + i + " ["
                        + tb.edge(i) + ", " + tb.edge(i + 1) + ") is " + a + " m2: no flux can be derived there; narrow "
                        + "the binning or give more MC");
            }
            j[i] = 1.0 / (livetimeS * tb.width(i) * area.solidAngleSr(i) * a);
            phi[i] = f[i] * j[i];
        }
        double[][] v = unfolded.covariance(), c = new double[n][n];
        double[] stat = area.statErrorM2(), syst = area.systErrorM2();
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                c[a][b] = j[a] * v[a][b] * j[b];
            }
            double rs = stat[a] / area.areaM2(a), ry = syst[a] / area.areaM2(a);
            c[a][a] += phi[a] * phi[a] * (rs * rs + ry * ry);
        }
        return Spectrum.of(tb, phi, c, unit);
    }
}
