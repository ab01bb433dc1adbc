package org.fluxion.testsupport.unfolding;

import org.fluxion.unfolding.api.numerics.PoissonSampler;

import java.util.SplittableRandom;

import org.fluxion.api.hist.Binning;
import org.fluxion.api.hist.ResponseMatrix;
import org.fluxion.unfolding.api.UnfoldingProblem;

/**
 * A steeply falling test problem: true energies 10²–10⁴ (log bins), proxy = log10 E smeared by a
 * Gaussian of width {@code sigma} (in decades, bias +0.05), efficiency rising from 0.2 to 0.8,
 * spectrum ∝ E^-2.7 integrated per bin. The response holds expected MC counts of
 * {@code mcPerBin} thrown events per true bin (so the MC statistics are those of mcPerBin events).
 *
 * <p>Shared by the ibu and gold tests and the JMH benchmarks, so the figures are for the same problem.
 * Immutable after construction by convention (the public arrays must not be written); thread-safe for
 * reading.
 */
public final class SteepProblem {
    public final Binning proxy;
    public final Binning truth;
    public final double[][] probabilities;
    public final double[] efficiency;
    /** Generated (thrown) true events per bin. */
    public final double[] phiTrue;
    /** Selected true events per bin, f = φ ε. */
    public final double[] fTrue;
    /** Expected observed counts per proxy bin. */
    public final double[] expected;
    public final double mcPerBin;

    public SteepProblem(int nProxy, int nTrue, double sigma, double totalEvents, double mcPerBin) {
        this.proxy = Binning.linear(nProxy, 1.5, 4.5);
        this.truth = Binning.log10(nTrue, 1e2, 1e4);
        this.mcPerBin = mcPerBin;
        probabilities = new double[nProxy][nTrue];
        efficiency = new double[nTrue];
        phiTrue = new double[nTrue];
        fTrue = new double[nTrue];
        double norm = 0;
        for (int c = 0; c < nTrue; c++) {
            double lo = truth.edge(c), hi = truth.edge(c + 1);
            phiTrue[c] = (Math.pow(lo, -1.7) - Math.pow(hi, -1.7)) / 1.7;
            norm += phiTrue[c];
            efficiency[c] = 0.2 + 0.6 * c / (nTrue - 1.0);
            double x = Math.log10(truth.centre(c)) + 0.05;
            double s = 0;
            for (int i = 0; i < nProxy; i++) {
                probabilities[i][c] = cdf((proxy.edge(i + 1) - x) / sigma) - cdf((proxy.edge(i) - x) / sigma);
                s += probabilities[i][c];
            }
            for (int i = 0; i < nProxy; i++) {
                probabilities[i][c] /= s;
            }
        }
        expected = new double[nProxy];
        for (int c = 0; c < nTrue; c++) {
            phiTrue[c] *= totalEvents / norm;
            fTrue[c] = phiTrue[c] * efficiency[c];
            for (int i = 0; i < nProxy; i++) {
                expected[i] += probabilities[i][c] * fTrue[c];
            }
        }
    }

    /** The standard benchmark problem: 32 proxy × 16 true bins. */
    public static SteepProblem standard() {
        return new SteepProblem(32, 16, 0.12, 2e5, 1e5);
    }

    private static double cdf(double z) {
        return 0.5 * erfc(-z / Math.sqrt(2));
    }

    /** Complementary error function (Numerical Recipes' Chebyshev fit, relative error < 1.2e-7). */
    public static double erfc(double x) {
        double z = Math.abs(x), t = 1 / (1 + 0.5 * z);
        double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                        + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }

    /** MC counts: expected selected MC events per cell, mcPerBin thrown per true bin. */
    public ResponseMatrix response() {
        double[][] c = new double[proxy.bins()][truth.bins()];
        for (int i = 0; i < c.length; i++) {
            for (int j = 0; j < c[i].length; j++) {
                c[i][j] = probabilities[i][j] * efficiency[j] * mcPerBin;
            }
        }
        return ResponseMatrix.of(proxy, truth, c, c);
    }

    /** A response drawn from the MC: mcPerBin thrown events per true bin, each selected into a proxy bin or lost. */
    public ResponseMatrix sampledResponse(SplittableRandom rng) {
        int np = proxy.bins(), nt = truth.bins();
        double[][] c = new double[np][nt];
        for (int j = 0; j < nt; j++) {
            double[] cum = new double[np];
            double s = 0;
            for (int i = 0; i < np; i++) {
                s += probabilities[i][j] * efficiency[j];
                cum[i] = s;
            }
            for (int k = 0; k < (int) mcPerBin; k++) {
                double u = rng.nextDouble();
                if (u >= s) {
                    continue;
                }
                int i = 0;
                while (cum[i] <= u) {
                    i++;
                }
                c[i][j]++;
            }
        }
        return ResponseMatrix.of(proxy, truth, c, c);
    }

    /** Thrown MC events per true bin. */
    public double[] thrown() {
        double[] t = new double[truth.bins()];
        java.util.Arrays.fill(t, mcPerBin);
        return t;
    }

    /** @return a Poisson toy of the observed counts */
    public double[] toy(SplittableRandom rng) {
        double[] g = new double[expected.length];
        for (int i = 0; i < g.length; i++) {
            g[i] = PoissonSampler.sample(rng, expected[i]);
        }
        return g;
    }

    /** @return the problem with these observed counts, the response, efficiencies, thrown counts and truth */
    public UnfoldingProblem problem(double[] observed) {
        return UnfoldingProblem.builder(response(), observed).efficiency(efficiency, thrown()).truth(fTrue).build();
    }
}
