package org.fluxion.testsupport.unfolding;

import java.util.SplittableRandom;

import org.fluxion.api.hist.Binning;
import org.fluxion.api.hist.ResponseMatrix;
import org.fluxion.unfolding.api.UnfoldingProblem;

/**
 * Test problems: steeply falling spectra through a Gaussian smearing in log energy. Shared by the llh
 * tests and the JMH benchmarks, so the figures are for the same problem. Stateless; thread-safe.
 */
public final class ToyProblems {
    private ToyProblems() {
    }

    /** @return f_j = top · 10^(−slope · j / (n − 1)) (a steeply falling power law in log bins) */
    public static double[] fallingSpectrum(int n, double top, double decades) {
        double[] f = new double[n];
        for (int j = 0; j < n; j++) {
            f[j] = top * Math.pow(10, -decades * j / Math.max(1, n - 1));
        }
        return f;
    }

    /**
     * Response counts: true bin j smeared onto m proxy bins covering the same range with a Gaussian
     * of width {@code width} true bins and a small bias, MC statistics {@code mcPerBin} per column.
     */
    public static double[][] smearingCounts(int m, int n, double width, double mcPerBin) {
        double[][] c = new double[m][n];
        for (int j = 0; j < n; j++) {
            double centre = (j + 0.5) * m / (double) n + 0.2;
            double sum = 0;
            double[] col = new double[m];
            for (int i = 0; i < m; i++) {
                double z = (i + 0.5 - centre) / (width * m / (double) n);
                col[i] = Math.exp(-0.5 * z * z);
                sum += col[i];
            }
            for (int i = 0; i < m; i++) {
                c[i][j] = mcPerBin * col[i] / sum;
            }
        }
        return c;
    }

    public static ResponseMatrix response(double[][] counts) {
        int m = counts.length, n = counts[0].length;
        return ResponseMatrix.of(Binning.linear(m, 0, m), Binning.log10(n, 100, 100 * Math.pow(10, n / 8.0)),
                counts, counts);
    }

    /** @return A f (+ b) */
    public static double[] fold(double[][] counts, double[] f) {
        ResponseMatrix r = response(counts);
        double[][] a = r.probabilities();
        double[] g = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < f.length; j++) {
                g[i] += a[i][j] * f[j];
            }
        }
        return g;
    }

    /** The 32 × 16 steeply falling benchmark problem (Asimov observed counts unless a random is given). */
    public static UnfoldingProblem benchmark(SplittableRandom random) {
        double[][] counts = smearingCounts(32, 16, 1.2, 1e5);
        double[] truth = fallingSpectrum(16, 2e5, 4);
        double[] g = fold(counts, truth);
        if (random != null) {
            for (int i = 0; i < g.length; i++) {
                g[i] = poisson(random, g[i]);
            }
        }
        double[] eff = new double[16];
        for (int j = 0; j < 16; j++) {
            eff[j] = 0.05 + 0.5 * j / 15.0;
        }
        return UnfoldingProblem.builder(response(counts), g).efficiency(eff, null).truth(truth).build();
    }

    /** @return a Poisson variate (sum of Knuth draws in chunks of mean <= 200) */
    public static double poisson(SplittableRandom r, double mean) {
        long k = 0;
        double rest = mean;
        while (rest > 0) {
            double chunk = Math.min(rest, 200);
            rest -= chunk;
            double limit = Math.exp(-chunk), p = r.nextDouble();
            while (p > limit) {
                k++;
                p *= r.nextDouble();
            }
        }
        return k;
    }
}
