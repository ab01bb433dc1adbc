package org.fluxion.fits.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.fluxion.api.hist.Binning;
import org.junit.jupiter.api.Test;

class EnergyFitTest {
    @Test
    void binAverageMatchesQuadratureAndLaffertyWyatt() {
        double avg = EnergyFit.binAverage(2.0, 3.7, 1000, 500, 2000);
        GaussLegendre g = new GaussLegendre(20);
        double s = 0;
        for (int i = 0; i < g.size(); i++) {
            s += g.weight(i, 500, 2000) * 2.0 * Math.pow(g.node(i, 500, 2000) / 1000, -3.7);
        }
        assertEquals(s / 1500, avg, 1e-10 * avg);
        double e = EnergyFit.laffertyWyatt(3.7, 500, 2000);
        assertEquals(avg, 2.0 * Math.pow(e / 1000, -3.7), 1e-10 * avg);
        assertTrue(e > 500 && e < Math.sqrt(500 * 2000));
    }

    @Test
    void recoversPhi0AndIndexWithStandardNormalPulls() {
        Binning b = SyntheticInputs.ENERGY;
        double phi0 = 1.1e-6, gamma = 3.65;
        double[] mu = new EnergyFit(lows(b), highs(b), 1000).expectation(new double[] { phi0, gamma });
        double[][] v = SyntheticInputs.covariance(mu, 0.05, 0.4);
        SplittableRandom rnd = new SplittableRandom(77);
        int toys = 200;
        double[] pg = new double[toys], pp = new double[toys];
        for (int t = 0; t < toys; t++) {
            double[] y = SyntheticInputs.noisy(mu, v, rnd);
            ChiSquareFit.Outcome o = EnergyFitRun.fit(b.edges(), y, v, 1000, 3.0);
            pp[t] = (o.parameters()[0] - phi0) / Math.sqrt(o.covariance()[0][0]);
            pg[t] = (o.parameters()[1] - gamma) / Math.sqrt(o.covariance()[1][1]);
            if (t == 0) {
                RangeFitTest.assertCovarianceSymmetricPositiveDefinite(o.covariance());
                assertEquals(gamma, o.parameters()[1], 4 * Math.sqrt(o.covariance()[1][1]));
            }
        }
        System.out.printf("energy pulls: phi0 mean %.3f width %.3f, gamma mean %.3f width %.3f%n", RangeFitTest.mean(pp),
                RangeFitTest.sd(pp), RangeFitTest.mean(pg), RangeFitTest.sd(pg));
        assertEquals(0, RangeFitTest.mean(pg), 0.2);
        assertEquals(1, RangeFitTest.sd(pg), 0.15);
        assertEquals(0, RangeFitTest.mean(pp), 0.2);
        assertEquals(1, RangeFitTest.sd(pp), 0.15);
    }

    /**
     * The "injected" effective index: the band-averaged true sky 0.92 Gaisser (E/TeV)^-0.04 over
     * [cos 85°, 1], bin-averaged over the default energy binning, fitted with the power law.
     */
    @Test
    void injectedEffectiveIndexOfTheTrueSky() {
        Binning b = SyntheticInputs.ENERGY;
        SkyAverage avg = new SkyAverage(16);
        double[] mu = new double[b.bins()];
        for (int i = 0; i < b.bins(); i++) {
            mu[i] = avg.binAndBand(SyntheticTruth.SKY, b.edge(i), b.edge(i + 1), SyntheticInputs.COS_MAX_ZENITH, 1);
        }
        double[][] v = SyntheticInputs.covariance(mu, 0.05, 0);
        ChiSquareFit.Outcome o = EnergyFitRun.fit(b.edges(), mu, v, 1000, 3.7);
        double g = o.parameters()[1];
        System.out.printf("injected effective gamma over %s: %.4f, phi0(1 TeV) = %.4e m-2 s-1 sr-1 GeV-1, chi2 = %.3f "
                + "(5 %% errors)%n", b, g, o.parameters()[0], o.chi2());
        // the sky steepens from ~2.7+ at 300 GeV to ~3.7 above 10 TeV (sec-theta enhanced): an average in between
        assertTrue(g > 3.3 && g < 3.8, "effective gamma " + g);
        assertEquals(3.58, g, 0.01);
    }

    static double[] lows(Binning b) {
        double[] x = new double[b.bins()];
        for (int i = 0; i < x.length; i++) {
            x[i] = b.edge(i);
        }
        return x;
    }

    static double[] highs(Binning b) {
        double[] x = new double[b.bins()];
        for (int i = 0; i < x.length; i++) {
            x[i] = b.edge(i + 1);
        }
        return x;
    }
}
