package org.fluxion.unfolding.llh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.fluxion.api.hist.Binning;
import org.fluxion.api.hist.ResponseMatrix;
import org.fluxion.api.workflow.InvalidSettingsException;
import org.fluxion.api.workflow.ProgressMonitor;
import org.fluxion.unfolding.api.RegularisationScan;
import org.fluxion.unfolding.api.UnfoldingContext;
import org.fluxion.unfolding.api.UnfoldingException;
import org.fluxion.unfolding.api.UnfoldingProblem;
import org.fluxion.unfolding.api.UnfoldingResult;
import org.fluxion.unfolding.llh.internal.LlhUnfolderProvider;
import org.junit.jupiter.api.Test;

class LikelihoodUnfolderTest {
    private static final int M = 16, N = 8;

    /** Asimov data of a falling spectrum through a mild smearing (Gaussian regime). */
    static UnfoldingProblem problem() {
        double[][] c = new double[M][N];
        for (int j = 0; j < N; j++) {
            double centre = 2 * j + 1.2, sum = 0;
            for (int i = 0; i < M; i++) {
                double z = (i + 0.5 - centre) / 1.2;
                c[i][j] = Math.exp(-0.5 * z * z);
                sum += c[i][j];
            }
            for (int i = 0; i < M; i++) {
                c[i][j] *= 1e5 / sum;
            }
        }
        ResponseMatrix r = ResponseMatrix.of(Binning.linear(M, 0, M), Binning.log10(N, 1e2, 1e4), c, c);
        double[] truth = new double[N];
        for (int j = 0; j < N; j++) {
            truth[j] = 3e4 * Math.pow(10, -2.0 * j / (N - 1));
        }
        double[][] a = r.probabilities();
        double[] g = new double[M];
        for (int i = 0; i < M; i++) {
            for (int j = 0; j < N; j++) {
                g[i] += a[i][j] * truth[j];
            }
            g[i] = Math.rint(g[i]);
        }
        double[] eff = new double[N];
        for (int j = 0; j < N; j++) {
            eff[j] = 0.2 + 0.1 * j;
        }
        return UnfoldingProblem.builder(r, g).efficiency(eff, null).truth(truth).build();
    }

    static LlhSettings settings(boolean mcmc, double epsilon) {
        return new LlhSettings(List.of(1e4), true, 1.0, false, mcmc, 40, 400, 1500, epsilon, 200, 1e-6);
    }

    private static double relativeSigmaOfTotal(UnfoldingResult r) {
        double[] f = r.estimate().values();
        double[][] v = r.estimate().covariance();
        double total = 0, var = 0;
        for (int j = 0; j < N; j++) {
            total += f[j];
            for (int k = 0; k < N; k++) {
                var += v[j][k];
            }
        }
        return Math.sqrt(var) / total;
    }

    @Test
    void mapResultCarriesEstimateCovarianceIntervalsAndDiagnostics() throws Exception {
        UnfoldingProblem p = problem();
        UnfoldingResult r = LikelihoodUnfolder.of(settings(false, 0)).unfold(p, UnfoldingContext.of(1));
        double[] truth = p.truth(), f = r.estimate().values();
        for (int j = 0; j < N; j++) {
            assertEquals(truth[j], f[j], 0.2 * r.estimate().uncertainty(j), "Asimov data give the truth, bin " + j);
            assertEquals(f[j] - r.estimate().uncertainty(j), r.lower()[j], 1e-9 * f[j]);
            assertEquals(f[j] / p.efficiency()[j], r.acceptanceCorrected().value(j), 1e-9 * f[j]);
        }
        assertTrue(r.diagnostics().converged(), r.diagnostics().stopReason());
        assertEquals("llh", r.diagnostics().method());
        assertEquals(1e4, r.diagnostics().regularisation(), 1e-6);
        assertTrue(r.diagnostics().extra().get("projected_gradient_scaled") <= 1e-6);
        assertTrue(r.diagnostics().conditionNumber() > 1 && r.diagnostics().conditionNumber() < 1e3);
        assertEquals(0, r.sampleCount());
        assertTrue(Double.isNaN(r.diagnostics().autocorrelationTime()));
    }

    @Test
    void mcmcAgreesWithTheMapAndIsIdenticalForOneAndTwoThreads() throws Exception {
        UnfoldingProblem p = problem();
        LikelihoodUnfolder u = LikelihoodUnfolder.of(settings(true, 0));
        UnfoldingResult one = u.unfold(p, new UnfoldingContext(17, 1, ProgressMonitor.NONE));
        UnfoldingResult two = u.unfold(p, new UnfoldingContext(17, 2, ProgressMonitor.NONE));
        assertEquals(40 * 1500, one.sampleCount());
        for (int k = 0; k < one.sampleCount(); k += 997) {
            assertArrayEquals(one.sample(k), two.sample(k), "sample " + k);
        }
        assertArrayEquals(one.estimate().values(), two.estimate().values());
        assertArrayEquals(one.lower(), two.lower());
        assertEquals(one.diagnostics().autocorrelationTime(), two.diagnostics().autocorrelationTime());
        UnfoldingResult map = LikelihoodUnfolder.of(settings(false, 0)).unfold(p, UnfoldingContext.of(17));
        for (int j = 0; j < N; j++) {
            double s = map.estimate().uncertainty(j);
            assertEquals(map.estimate().value(j), one.estimate().value(j), 0.15 * s, "median vs MAP, bin " + j);
            assertEquals(s, one.estimate().uncertainty(j), 0.15 * s, "sample vs Hessian sigma, bin " + j);
            assertTrue(one.lower()[j] < one.estimate().value(j) && one.estimate().value(j) < one.upper()[j]);
        }
        double acc = one.diagnostics().acceptanceFraction();
        assertTrue(acc > 0.15 && acc < 0.9, "acceptance " + acc);
        assertTrue(one.diagnostics().autocorrelationTime() > 1, "tau " + one.diagnostics().autocorrelationTime());
        UnfoldingResult other = u.unfold(p, new UnfoldingContext(18, 2, ProgressMonitor.NONE));
        assertTrue(other.sample(100)[0] != one.sample(100)[0], "another seed gives another chain");
    }

    @Test
    void epsilonNuisanceWidensTheIntervalsAsExpected() throws Exception {
        UnfoldingProblem p = problem();
        double sigmaEps = 0.1;
        UnfoldingResult off = LikelihoodUnfolder.of(settings(false, 0)).unfold(p, UnfoldingContext.of(3));
        UnfoldingResult on = LikelihoodUnfolder.of(settings(false, sigmaEps)).unfold(p, UnfoldingContext.of(3));
        double r0 = relativeSigmaOfTotal(off), r1 = relativeSigmaOfTotal(on);
        // the data fix ε Σf; a N(1, σ) prior on ε adds σ in quadrature to the relative error of Σf
        assertEquals(Math.hypot(r0, sigmaEps), r1, 0.02 * r1, "Hessian: relative sigma of the total");
        assertEquals(1.0, on.diagnostics().extra().get("epsilon"), 1e-3);
        assertEquals(sigmaEps, on.diagnostics().extra().get("epsilon_sigma"), 0.01);
        UnfoldingResult mc = LikelihoodUnfolder.of(settings(true, sigmaEps)).unfold(p, UnfoldingContext.of(3));
        double rm = relativeSigmaOfTotal(mc);
        assertEquals(Math.hypot(r0, sigmaEps), rm, 0.1 * rm, "MCMC: relative sigma of the total");
        for (int j = 0; j < N; j++) {
            assertTrue(mc.upper()[j] - mc.lower()[j] > 1.5 * 2 * off.estimate().uncertainty(j),
                    "interval of bin " + j + " widened by the 10 % normalisation");
        }
    }

    @Test
    void systematicsBecomeNuisanceParametersThatWidenTheErrors() throws Exception {
        UnfoldingProblem p = problem();
        double[][] c = p.response().counts();
        double[] thetas = { -1, 1 };
        List<ResponseMatrix> varied = new ArrayList<>();
        for (double t : thetas) {
            double[][] v = new double[M][];
            for (int i = 0; i < M; i++) {
                v[i] = c[i].clone();
                for (int j = 0; j < N; j++) {
                    v[i][j] *= 1 + 0.05 * t * (i - M / 2.0) / M; // a tilt of the proxy distribution
                }
            }
            varied.add(ResponseMatrix.of(p.proxyBinning(), p.trueBinning(), v, v));
        }
        SystematicVariation tilt = new SystematicVariation("tilt", 0, 1, thetas, varied, 1);
        UnfoldingResult off = LikelihoodUnfolder.of(settings(false, 0)).unfold(p, UnfoldingContext.of(3));
        LikelihoodUnfolder u = LikelihoodUnfolder.of(settings(false, 0)).withSystematics(List.of(tilt));
        UnfoldingResult on = u.unfold(p, UnfoldingContext.of(3));
        assertEquals(0, on.diagnostics().extra().get("theta_tilt"), 0.05, "Asimov data at the nominal");
        assertTrue(on.diagnostics().extra().get("theta_tilt_sigma") < 1, "data constrain theta below its prior");
        double wider = 0;
        for (int j = 0; j < N; j++) {
            assertTrue(on.estimate().uncertainty(j) >= off.estimate().uncertainty(j) * (1 - 1e-9), "bin " + j);
            wider = Math.max(wider, on.estimate().uncertainty(j) / off.estimate().uncertainty(j));
        }
        assertTrue(wider > 1.05, "some bin must be visibly wider, max ratio " + wider);
        UnfoldingResult mc = LikelihoodUnfolder.of(settings(true, 0)).withSystematics(List.of(tilt)).unfold(p,
                UnfoldingContext.of(3));
        for (int j = 0; j < N; j++) {
            double s = on.estimate().uncertainty(j);
            assertEquals(s, mc.estimate().uncertainty(j), 0.15 * s, "MCMC vs Hessian with the systematic, bin " + j);
        }
    }

    @Test
    void scanEvaluatesEveryCriterion() throws Exception {
        UnfoldingProblem p = problem();
        RegularisationScan s = LikelihoodUnfolder.of(settings(false, 0)).scan(p, UnfoldingContext.of(1), 1e-5, 1e3,
                25);
        assertEquals(25, s.values().length);
        assertEquals(1e-5, s.values()[0], 1e-20);
        assertEquals(1e3, s.values()[24], 1e-9);
        assertEquals("tau", s.parameter());
        double[] rho = s.meanGlobalCorrelation(), chi2 = s.chi2ToTruth(), res = s.residualNorm();
        for (int k = 0; k < 25; k++) {
            assertTrue(rho[k] >= 0 && rho[k] < 1, "rho " + rho[k]);
            assertTrue(rho[s.byGlobalCorrelation()] <= rho[k]);
            assertTrue(chi2[s.byTruth()] <= chi2[k]);
        }
        // weaker regularisation fits the data better
        assertTrue(res[24] < res[0], "residual " + res[0] + " -> " + res[24]);
        assertTrue(s.byLCurve() > 0 && s.byLCurve() < 24);
        // Asimov data: the weakest regularisation is closest to the truth
        assertTrue(s.byTruth() >= 20, "chosen by truth: " + s.byTruth());
    }

    @Test
    void badInputGivesClearErrors() {
        UnfoldingProblem p = problem();
        UnfoldingException e = assertThrows(UnfoldingException.class, () -> LikelihoodUnfolder.of(
                settings(false, 0).withTau(List.of(1.0, 2.0, 3.0))).unfold(p, UnfoldingContext.of(1)));
        assertTrue(e.getMessage().contains("'tau' has 3 values but the problem has 8 true bins"), e.getMessage());
        e = assertThrows(UnfoldingException.class, () -> LikelihoodUnfolder.of(settings(true, 0.1).withChain(10, 10,
                10)).unfold(p, UnfoldingContext.of(1)));
        assertTrue(e.getMessage().contains("'n_walkers' must be at least twice the number of parameters (9"),
                e.getMessage());
        e = assertThrows(UnfoldingException.class, () -> LikelihoodUnfolder.of(settings(false, 0)).scan(p,
                UnfoldingContext.of(1), 1, 0.5, 10));
        assertTrue(e.getMessage().contains("0 < reg_min < reg_max"), e.getMessage());
        InvalidSettingsException ise = assertThrows(InvalidSettingsException.class,
                () -> settings(false, 0).withTau(List.of(1.0, -2.0)));
        assertEquals("tau", ise.key());
        assertTrue(ise.getMessage().contains("entry 1 was -2.0"), ise.getMessage());
        ise = assertThrows(InvalidSettingsException.class, () -> new LlhSettings(List.of(1.0), true, 0.0, false, false,
                10, 1, 1, 0, 10, 1e-6));
        assertEquals("offset", ise.key());
        ise = assertThrows(InvalidSettingsException.class, () -> settings(false, -0.1));
        assertEquals("epsilon", ise.key());
        // observed events in a proxy bin that nothing can produce
        double[][] c = p.response().counts();
        for (int j = 0; j < N; j++) {
            c[M - 1][j] = 0;
        }
        double[] g = p.observed();
        g[M - 1] = 5;
        UnfoldingProblem impossible = UnfoldingProblem.builder(ResponseMatrix.of(p.proxyBinning(), p.trueBinning(), c,
                c), g).build();
        e = assertThrows(UnfoldingException.class, () -> LikelihoodUnfolder.of(settings(false, 0)).unfold(impossible,
                UnfoldingContext.of(1)));
        assertTrue(e.getMessage().contains("proxy bin 15 [15.0, 16.0) has 5.0 observed events but no response"),
                e.getMessage());
        // a systematic with the wrong binning
        ResponseMatrix wrong = ResponseMatrix.of(Binning.linear(M, 0, 1), p.trueBinning(), c, c);
        SystematicVariation sv = new SystematicVariation("x", 0, 1, new double[] { 1 }, List.of(wrong), 1);
        e = assertThrows(UnfoldingException.class, () -> LikelihoodUnfolder.of(settings(false, 0)).withSystematics(
                List.of(sv)).unfold(p, UnfoldingContext.of(1)));
        assertTrue(e.getMessage().contains("systematic 'x': response 0 (theta = 1.0) has binnings"), e.getMessage());
        IllegalArgumentException iae = assertThrows(IllegalArgumentException.class, () -> new SystematicVariation("y",
                0, 1, new double[] { 0 }, List.of(wrong), 1));
        assertTrue(iae.getMessage().contains("differ from the nominal"), iae.getMessage());
        // an unregularised, singular response: flat direction
        double[][] twin = new double[M][N];
        for (int i = 0; i < M; i++) {
            for (int j = 0; j < N; j++) {
                twin[i][j] = (j == 0 || j == 1) ? c[i][0] + 1 : c[i][j] + 1; // columns 0 and 1 identical
            }
        }
        UnfoldingProblem singular = UnfoldingProblem.builder(ResponseMatrix.of(p.proxyBinning(), p.trueBinning(), twin,
                twin), problem().observed()).build();
        LlhSettings noReg = new LlhSettings(List.of(1e300), false, 0.0, false, false, 40, 1, 1, 0, 200, 1e-6);
        e = assertThrows(UnfoldingException.class, () -> LikelihoodUnfolder.of(noReg).unfold(singular,
                UnfoldingContext.of(1)));
        assertTrue(e.getMessage().contains("not positive definite"), e.getMessage());
    }

    @Test
    void providerDescribesTheMethod() {
        LlhUnfolderProvider provider = new LlhUnfolderProvider();
        assertEquals("llh", provider.descriptor().id());
        assertEquals(LlhSettings.class, provider.descriptor().settingsType());
        assertTrue(provider.create(LlhSettings.defaults()) instanceof LikelihoodUnfolder);
        assertEquals(List.of(1.0), LlhSettings.defaults().tau());
    }
}
