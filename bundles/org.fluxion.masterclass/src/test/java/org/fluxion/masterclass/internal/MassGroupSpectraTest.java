package org.fluxion.masterclass.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.fluxion.api.hist.Binning;
import org.fluxion.api.hist.Spectrum;
import org.fluxion.unfolding.api.Diagnostics;
import org.fluxion.unfolding.api.UnfoldingResult;
import org.junit.jupiter.api.Test;

/**
 * {@link MassGroupSpectra}: the all-particle covariance is the sum of every block of the flattened
 * covariance, the diagonal blocks and the correlations between groups alike (= S V Sᵀ with the summing
 * matrix S), and posterior samples are summed per sample.
 */
class MassGroupSpectraTest {

    /** @return a random symmetric positive definite n × n matrix A Aᵀ + n·1e-3 */
    private static double[][] randomCovariance(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] a = new double[n][n], c = new double[n][n];
        for (double[] row : a) {
            for (int k = 0; k < n; k++) {
                row[k] = r.nextDouble(-1, 1);
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    c[i][j] += a[i][k] * a[j][k];
                }
            }
            c[i][i] += n * 1e-3;
        }
        return c;
    }

    @Test
    void theSumsCovarianceIsEveryBlockIncludingTheCorrelationsBetweenGroups() {
        int groups = 3, nE = 4, n = groups * nE;
        double[][] cov = randomCovariance(n, 1);
        double[] v = new double[n];
        for (int t = 0; t < n; t++) {
            v[t] = 10 + t;
        }
        Binning lgE = Binning.linear(nE, 14, 18);
        Spectrum flat = Spectrum.of(Binning.linear(n, 0, n), v, cov, "events");
        Spectrum sum = MassGroupSpectra.sum(flat, groups, lgE);
        // S V S^T with S[j][g*nE + j] = 1
        for (int j = 0; j < nE; j++) {
            assertEquals(v[j] + v[nE + j] + v[2 * nE + j], sum.value(j), 1e-12);
            for (int l = 0; l < nE; l++) {
                double expected = 0;
                for (int t = 0; t < n; t++) {
                    for (int u = 0; u < n; u++) {
                        if (t % nE == j && u % nE == l) {
                            expected += cov[t][u];
                        }
                    }
                }
                assertEquals(expected, sum.covariance()[j][l], 1e-12, "cov[" + j + "][" + l + "]");
            }
        }
        // without the correlations between groups the variance would differ: they are really included
        double blocksOnly = 0;
        for (int g = 0; g < groups; g++) {
            blocksOnly += cov[g * nE][g * nE];
        }
        double cross = sum.covariance()[0][0] - blocksOnly;
        assertEquals(cov[0][nE] * 2 + cov[0][2 * nE] * 2 + cov[nE][2 * nE] * 2, cross, 1e-12);
        assertEquals(lgE, sum.binning());
    }

    @Test
    void withEveryGroupUnfoldedToZeroTheCompositionWeightIsOne() {
        Binning lgE = Binning.linear(1, 15, 16), flatBins = Binning.linear(2, 0, 2);
        double[] zero = { 0, 0 };
        double[][] c = { { 1, 0 }, { 0, 1 } };
        UnfoldingResult flat = new UnfoldingResult(Spectrum.of(flatBins, zero, c, ""), zero, zero,
                Spectrum.of(flatBins, zero, c, ""), new double[0][], new Diagnostics("test", 1, 1, true, "done",
                        Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Map.of()));
        MassGroupSpectra r = new MassGroupSpectra(List.of(MassGroup.PROTON, MassGroup.IRON), lgE, lgE, lgE, flat,
                new double[2][1], new double[2][1], new double[][] { { 10 }, { 10 } }, new double[2][1],
                new boolean[][] { { true }, { true } }, new double[1], new int[0], new double[0], new double[0],
                new MassGroupSpectra.Counts(0, 0, 0, 0, 0, 0));
        assertEquals(1.0, r.compositionWeight(0, 0));
        assertEquals(1.0, r.compositionWeight(1, 0));
    }

    @Test
    void theAllParticleResultSumsEstimateCorrectedSpectrumAndSamples() {
        int groups = 2, nE = 3, n = groups * nE;
        Binning flatBins = Binning.linear(n, 0, n), lgE = Binning.linear(nE, 15, 16.5);
        double[] est = { 1, 2, 3, 4, 5, 6 }, acc = { 2, 4, 6, 8, 10, 12 };
        double[][] ce = randomCovariance(n, 2), ca = randomCovariance(n, 3);
        double[][] samples = { { 1, 1, 1, 2, 2, 2 }, { 0, 1, 2, 3, 4, 5 } };
        UnfoldingResult flat = new UnfoldingResult(Spectrum.of(flatBins, est, ce, "events"), est, est,
                Spectrum.of(flatBins, acc, ca, "events"), samples, new Diagnostics("test", 1, 1, true, "done",
                        Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Map.of("chi2_refolded", 3.0)));
        double[][] thrown = { { 100, 50, 25 }, { 100, 50, 25 } };
        MassGroupSpectra r = new MassGroupSpectra(List.of(MassGroup.PROTON, MassGroup.IRON), lgE,
                Binning.linear(2, 0, 2), Binning.linear(2, 0, 2), flat, new double[2][nE], new double[2][nE], thrown,
                new double[2][nE], new boolean[][] { { true, true, true }, { true, true, false } }, new double[4],
                new int[0], new double[0], new double[0],
                new MassGroupSpectra.Counts(0, 0, 0, 0, 0, 0));
        UnfoldingResult all = r.allParticle();
        assertArrayEquals(new double[] { 5, 7, 9 }, all.estimate().values(), 1e-12);
        assertArrayEquals(new double[] { 10, 14, 18 }, all.acceptanceCorrected().values(), 1e-12);
        assertEquals(MassGroupSpectra.sum(flat.acceptanceCorrected(), 2, lgE), all.acceptanceCorrected());
        assertArrayEquals(new double[] { 3, 3, 3 }, all.sample(0), 1e-12);
        assertArrayEquals(new double[] { 3, 5, 7 }, all.sample(1), 1e-12);
        assertEquals("test", all.diagnostics().method());
        assertEquals(2.0, all.diagnostics().extra().get("mass_groups"));
        assertEquals(3.0, all.diagnostics().extra().get("chi2_refolded"));
        // the per-group blocks
        assertArrayEquals(new double[] { 8, 10, 12 }, r.generated(1).values(), 1e-12);
        assertEquals(ca[4][5], r.generated(1).covariance()[1][2], 1e-15);
        assertArrayEquals(new double[] { 1, 2, 3 }, r.selectedEstimate(0).values(), 1e-12);
        assertArrayEquals(new String[] { "", "", "Fe" }, r.missingGroups());
        // composition weights: unfolded generated showers per thrown simulated one
        assertEquals(2.0 / 100, r.compositionWeight(0, 0), 1e-15);
        assertEquals(10.0 / 50, r.compositionWeight(1, 1), 1e-15);
    }
}
