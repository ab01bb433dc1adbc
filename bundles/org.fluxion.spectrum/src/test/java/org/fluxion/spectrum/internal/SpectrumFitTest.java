package org.fluxion.spectrum.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.fluxion.api.hist.Binning;
import org.fluxion.api.hist.Spectrum;
import org.fluxion.api.workflow.InvalidSettingsException;
import org.junit.jupiter.api.Test;

class SpectrumFitTest {
    private static final Binning BINS = Binning.log10(16, 1e5, 1e9);

    /** Toys around a model with a correlated covariance: pulls of every parameter ~ N(0, 1). */
    private static void pulls(SpectralShape shape, double[] truth, double relError, int toys) {
        SpectrumFit fit = new SpectrumFit(shape, 1e6, 1.9);
        int n = BINS.bins(), m = truth.length;
        double[] e = new double[n], mu = new double[n];
        double[][] cov = new double[n][n];
        for (int j = 0; j < n; j++) {
            e[j] = BINS.centre(j);
            mu[j] = fit.flux(truth, e[j]);
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double rho = i == j ? 1 : Math.abs(i - j) == 1 ? -0.25 : 0;
                cov[i][j] = rho * relError * relError * mu[i] * mu[j];
            }
        }
        double[][] l = SpectrumFit.cholesky(cov);
        SplittableRandom rng = new SplittableRandom(7);
        double[] sum = new double[m], sum2 = new double[m];
        int converged = 0;
        for (int t = 0; t < toys; t++) {
            double[] z = new double[n], y = new double[n];
            for (int j = 0; j < n; j++) {
                z[j] = gauss(rng);
            }
            for (int i = 0; i < n; i++) {
                double s = mu[i];
                for (int k = 0; k <= i; k++) {
                    s += l[i][k] * z[k];
                }
                y[i] = s;
            }
            double[] start = truth.clone();
            start[1] += 0.2;
            if (m > 2) {
                start[2] -= 0.2;
                start[3] += 0.5;
            }
            SpectrumFit.Result r = fit.fit(e, y, cov, start);
            converged += r.converged() ? 1 : 0;
            for (int k = 0; k < m; k++) {
                double p = (r.parameters()[k] - truth[k]) / r.error(k);
                sum[k] += p;
                sum2[k] += p * p;
            }
        }
        assertEquals(toys, converged);
        for (int k = 0; k < m; k++) {
            double mean = sum[k] / toys, sd = Math.sqrt(sum2[k] / toys - mean * mean);
            // 200 toys: the mean of N(0,1) pulls has an error 0.07, the width ~0.05
            assertEquals(0, mean, 0.25, shape + " parameter " + k + " pull mean");
            assertEquals(1, sd, 0.2, shape + " parameter " + k + " pull width");
        }
    }

    private static double gauss(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    @Test
    void powerLawPullsAreStandardNormal() {
        pulls(SpectralShape.POWER_LAW, new double[] { Math.log(3e-12), 2.7 }, 0.05, 200);
    }

    @Test
    void kneePullsAreStandardNormal() {
        pulls(SpectralShape.KNEE, new double[] { Math.log(2.5e-12), 2.7, 3.1, Math.log(4e6) }, 0.03, 200);
    }

    @Test
    void exactDataGiveTheModelBack() {
        SpectrumFit fit = new SpectrumFit(SpectralShape.KNEE, 1e6, 1.9);
        double[] truth = { Math.log(2.5e-12), 2.65, 3.2, Math.log(5e6) };
        int n = BINS.bins();
        double[] e = new double[n], y = new double[n];
        double[][] cov = new double[n][n];
        for (int j = 0; j < n; j++) {
            e[j] = BINS.centre(j);
            y[j] = fit.flux(truth, e[j]);
            cov[j][j] = Math.pow(0.01 * y[j], 2);
        }
        SpectrumFit.Result r = fit.fit(e, y, cov, new double[] { Math.log(1e-12), 2.9, 3.0, Math.log(2e6) });
        for (int k = 0; k < 4; k++) {
            assertEquals(truth[k], r.parameters()[k], 1e-6, "parameter " + k);
        }
        assertEquals(0, r.chi2(), 1e-9);
        assertEquals(n - 4, r.ndf());
    }

    /**
     * The knee model fitted to the injected all-particle flux of the synthetic KASCADE samples (bin
     * averages in the bins of examples/kascade-spectrum.yaml from 0.1 to 100 PeV): the values an unfolded
     * synthetic spectrum should reproduce.
     */
    @Test
    void injectedSyntheticSpectrumHasAKneeNearFourPeV() {
        Binning b = Binning.log10(20, 1e5, 1e9);
        Spectrum.of(b, new double[20], new double[20][20], "");
        int from = 0, to = 15; // 0.1 .. 100 PeV: below the iron knee (26 x 4.5 PeV)
        int n = to - from;
        double[] e = new double[n], y = new double[n];
        double[][] cov = new double[n][n];
        for (int j = from; j < to; j++) {
            e[j - from] = b.centre(j);
            y[j - from] = ReferenceModel.KASCADE_SYNTHETIC.binAverage(b.edge(j), b.edge(j + 1));
            cov[j - from][j - from] = Math.pow(0.01 * y[j - from], 2);
        }
        SpectrumFit fit = new SpectrumFit(SpectralShape.KNEE, 1e6, 1.9);
        SpectrumFit.Result r = fit.fit(e, y, cov, new double[] { Math.log(2.5e-12), 2.7, 3.1, Math.log(4e6) });
        double lgKneeEv = r.parameters()[3] / Math.log(10) + 9;
        System.out.printf("injected all-particle flux, knee fit: gamma1 %.3f gamma2 %.3f lg(Ek/eV) %.3f chi2 %.2f%n",
                r.parameters()[1], r.parameters()[2], lgKneeEv, r.chi2());
        assertTrue(lgKneeEv > 15.4 && lgKneeEv < 16.0, "knee at lg(E/eV) " + lgKneeEv);
        assertTrue(r.parameters()[1] > 2.55 && r.parameters()[1] < 2.85, "gamma1 " + r.parameters()[1]);
        assertTrue(r.parameters()[2] > 3.0 && r.parameters()[2] < 3.5, "gamma2 " + r.parameters()[2]);
    }

    @Test
    void tooFewPointsAndBadCovarianceAreRefused() {
        SpectrumFit fit = new SpectrumFit(SpectralShape.KNEE, 1e6, 1.9);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fit.fit(new double[] { 1, 2 },
                new double[] { 1, 1 }, new double[][] { { 1, 0 }, { 0, 1 } }, new double[4]));
        assertTrue(e.getMessage().contains("4 parameters"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new SpectrumFit(SpectralShape.POWER_LAW, 1, 1).fit(
                new double[] { 1, 2, 3 }, new double[] { 1, 1, 1 }, new double[][] { { 1, 1, 0 }, { 1, 1, 0 }, { 0, 0, 1 } },
                new double[2]));
        assertTrue(e.getMessage().contains("not positive definite"), e.getMessage());
    }

    @Test
    void badFitSettingsNameTheKey() {
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> new FitSpectrumSettings(
                SpectralShape.KNEE, -1, 1.9, Double.NaN, Double.NaN, 2.7, 3.1, 4e6, 1, 2.7, ReferenceModel.NONE));
        assertEquals("reference_gev", e.key());
        assertTrue(e.getMessage().contains("-1"), e.getMessage());
        e = assertThrows(InvalidSettingsException.class, () -> new FitSpectrumSettings(SpectralShape.KNEE, 1e6, 1.9, 1e7,
                1e6, 2.7, 3.1, 4e6, 1, 2.7, ReferenceModel.NONE));
        assertEquals("energy_max_gev", e.key());
        e = assertThrows(InvalidSettingsException.class, () -> new FitSpectrumSettings(SpectralShape.KNEE, 1e6, 0,
                Double.NaN, Double.NaN, 2.7, 3.1, 4e6, 1, 2.7, ReferenceModel.NONE));
        assertEquals("smoothness", e.key());
    }
}
