package org.fluxion.fits.internal;

import java.util.SplittableRandom;

import org.fluxion.api.hist.Binning;
import org.fluxion.api.hist.EffectiveArea;
import org.fluxion.api.hist.Spectrum;
import org.fluxion.synth.PropagationLength;

/**
 * Inputs for the fit tests: the synthetic detector's zenith bands (flux.md: stop z in [−500, 500] m,
 * zenith ≤ 85°), expected fluxes, a covariance and seeded Gaussian noise.
 */
public final class SyntheticInputs {
    /** Default range binning of the tests: 8 bins, 1500..9000 m of ice. */
    public static final Binning RANGE = Binning.linear(8, 1500, 9000);
    /** Default energy binning of the tests: 10 log bins over the generated range 300 GeV .. 100 TeV. */
    public static final Binning ENERGY = Binning.log10(10, 300, 1e5);
    /** cos 85°, the generated zenith range's lower end. */
    public static final double COS_MAX_ZENITH = Math.cos(Math.toRadians(85));

    private SyntheticInputs() {
    }

    /** @return the zenith band of range bins: θ with L(θ, +500) ≤ L_hi and L(θ, −500) ≥ L_lo, within 85° */
    public static EffectiveArea rangeArea(Binning b) {
        int n = b.bins();
        double[] lo = new double[n], hi = new double[n], area = new double[n];
        for (int i = 0; i < n; i++) {
            double thetaMax = solve(b.edge(i + 1), 500);
            double thetaMin = solve(b.edge(i), -500);
            lo[i] = Math.cos(thetaMax);
            hi[i] = Math.cos(thetaMin);
            area[i] = 1e5;
        }
        return EffectiveArea.of("propagation_length", "m", b, area, new double[n], null, lo, hi);
    }

    /** @return the energy bins' band: the whole generated range */
    public static EffectiveArea energyArea(Binning b) {
        int n = b.bins();
        double[] lo = new double[n], hi = new double[n], area = new double[n];
        java.util.Arrays.fill(lo, COS_MAX_ZENITH);
        java.util.Arrays.fill(hi, 1);
        java.util.Arrays.fill(area, 1e5);
        return EffectiveArea.of("surface_energy", "GeV", b, area, new double[n], null, lo, hi);
    }

    /** θ in [0, 85°] with L(θ, z) = length (clamped to the ends). */
    private static double solve(double length, double z) {
        double a = 0, c = Math.toRadians(85);
        if (PropagationLength.metres(a, z) >= length) {
            return a;
        }
        if (PropagationLength.metres(c, z) <= length) {
            return c;
        }
        for (int it = 0; it < 100; it++) {
            double m = 0.5 * (a + c);
            if (PropagationLength.metres(m, z) < length) {
                a = m;
            } else {
                c = m;
            }
        }
        return 0.5 * (a + c);
    }

    /** @return covariance with relative errors rel and correlation rho^|i−j| */
    public static double[][] covariance(double[] mu, double rel, double rho) {
        int n = mu.length;
        double[][] v = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                v[i][j] = rel * rel * mu[i] * mu[j] * Math.pow(rho, Math.abs(i - j));
            }
        }
        return v;
    }

    /** @return mu + L z with V = L Lᵀ and z ~ N(0, 1) from the generator */
    public static double[] noisy(double[] mu, double[][] v, SplittableRandom rnd) {
        int n = mu.length;
        double[][] l = new double[n][n];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b <= a; b++) {
                double s = v[a][b];
                for (int k = 0; k < b; k++) {
                    s -= l[a][k] * l[b][k];
                }
                l[a][b] = a == b ? Math.sqrt(s) : s / l[b][b];
            }
        }
        double[] z = new double[n], y = mu.clone();
        for (int i = 0; i < n; i++) {
            z[i] = gaussian(rnd);
        }
        for (int a = 0; a < n; a++) {
            for (int k = 0; k <= a; k++) {
                y[a] += l[a][k] * z[k];
            }
        }
        return y;
    }

    /** @return a standard normal variate (Box–Muller, deterministic for the generator) */
    public static double gaussian(SplittableRandom rnd) {
        double u = 1 - rnd.nextDouble(), w = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * w);
    }

    /** @return a Spectrum of values with covariance */
    public static Spectrum spectrum(Binning b, double[] values, double[][] v, String unit) {
        return Spectrum.of(b, values, v, unit);
    }
}
