package org.fluxion.masterclass.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.fluxion.api.hist.Binning;
import org.fluxion.api.hist.Spectrum;
import org.fluxion.testsupport.unfolding.LeastSquaresUnfolder;
import org.fluxion.unfolding.api.UnfoldingContext;
import org.fluxion.unfolding.api.UnfoldingResult;
import org.junit.jupiter.api.Test;

/**
 * {@link MassGroupUnfolding}: an analytic diagonal case (every (group, energy) bin lands in one cell),
 * closure on a toy 2-D model with three mass groups of different spectra, and determinism.
 */
class MassGroupUnfoldingTest {
    private static final UnfoldingContext ONE_THREAD = UnfoldingContext.of(7);

    /** lg E of the k-th of n showers drawn by stratified inversion of E^-2 on [10^a, 10^b]. */
    private static double stratifiedLgE(int k, int n, double a, double b) {
        double u = (k + 0.5) / n, ea = Math.pow(10, -a), eb = Math.pow(10, -b);
        return -Math.log10(ea - u * (ea - eb));
    }

    @Test
    void diagonalResponseGivesTheObservedCountsOverTheEfficiency() throws Exception {
        // two groups (p, Fe), four decades of lg E; each (group, decade) lands in its own cell; below 16
        // every second shower misses the plane, so the efficiency there is 1/2
        int n = 100_000;
        int[] slots = { MassGroup.PROTON.ordinal(), MassGroup.IRON.ordinal() };
        double[] ne = new double[2 * n], nmu = new double[2 * n], lgE = new double[2 * n];
        int[] group = new int[2 * n];
        for (int g = 0; g < 2; g++) {
            for (int k = 0; k < n; k++) {
                int i = g * n + k;
                lgE[i] = stratifiedLgE(k, n, 14, 18);
                int j = (int) Math.floor(lgE[i] - 14);
                ne[i] = lgE[i] < 16 && k % 2 == 1 ? -1 : j + 0.5;
                nmu[i] = g + 0.5;
                group[i] = slots[g];
            }
        }
        Binning bne = Binning.linear(4, 0, 4), bnmu = Binning.linear(2, 0, 2), be = Binning.linear(4, 14, 18);
        double[][] d = { { 400, 300, 200, 100 }, { 40, 30, 20, 10 } };
        double[] dataNe = new double[1100], dataNmu = new double[1100];
        int m = 0;
        for (int g = 0; g < 2; g++) {
            for (int j = 0; j < 4; j++) {
                for (int q = 0; q < d[g][j]; q++) {
                    dataNe[m] = j + 0.5;
                    dataNmu[m] = g + 0.5;
                    m++;
                }
            }
        }
        MassGroupSpectra r = MassGroupUnfolding.unfold(bne, bnmu, be, new MassGroupUnfolding.Generation(2, 14, 18, 16),
                new MassGroupUnfolding.Simulation(ne, nmu, lgE, group, null), dataNe, dataNmu,
                new LeastSquaresUnfolder(), ONE_THREAD);
        assertEquals(List.of(MassGroup.PROTON, MassGroup.IRON), r.groups());
        double[][] eff = r.efficiency();
        for (int g = 0; g < 2; g++) {
            Spectrum x = r.generated(g);
            for (int j = 0; j < 4; j++) {
                assertEquals(j < 2 ? 0.5 : 1.0, eff[g][j], 1e-4, "efficiency of group " + g + ", decade " + j);
                assertEquals(d[g][j] / eff[g][j], x.value(j), 1e-9 * x.value(j), "generated showers");
                assertEquals(d[g][j] / (eff[g][j] * eff[g][j]), x.covariance()[j][j], 1e-9 * x.covariance()[j][j],
                        "variance (Poisson data over the efficiency squared)");
            }
        }
        UnfoldingResult all = r.allParticle();
        for (int j = 0; j < 4; j++) {
            double sum = d[0][j] / eff[0][j] + d[1][j] / eff[1][j];
            assertEquals(sum, all.acceptanceCorrected().value(j), 1e-9 * sum);
            assertEquals(d[0][j] + d[1][j], all.estimate().value(j), 1e-9);
        }
        assertEquals(1100, r.counts().data());
        assertEquals(0, r.counts().dataOutsideResponse());
        assertArrayEquals(new double[] { 400, 40, 300, 30, 200, 20, 100, 10 }, r.refolded(), 1e-9);
        // one cell per column: var(P) = Σw² / (Σw)² = 1 / (selected showers), times f²
        double[][] sel = r.selected();
        double[] mcVar = r.refoldedMcVariance();
        assertEquals(400.0 * 400 / sel[0][0], mcVar[0], 1e-9 * mcVar[0]);
        assertEquals(10.0 * 10 / sel[1][3], mcVar[7], 1e-9 * mcVar[7]);
    }

    /** A toy plane: three groups with different spectra and different (lg Ne, lg Nμ) bands. */
    private static final MassGroup[] TOY_GROUPS = { MassGroup.PROTON, MassGroup.CNO, MassGroup.IRON };
    private static final double[] TOY_INDEX = { 2.2, 2.0, 1.8 };
    private static final double[] TOY_FRACTION = { 0.5, 0.3, 0.2 };

    private static double[] toyShower(SplittableRandom r, double lgE, int g) {
        return new double[] { 4 + (lgE - 14) - 0.3 * g + 0.1 * r.nextGaussian(),
                3.5 + 0.9 * (lgE - 14) + 0.4 * g + 0.08 * r.nextGaussian() };
    }

    private static double powerLawLgE(SplittableRandom r, double index, double a, double b) {
        double p = 1 - index, u = r.nextDouble();
        double ea = Math.pow(Math.pow(10, a), p), eb = Math.pow(Math.pow(10, b), p);
        return Math.log10(Math.pow(ea + u * (eb - ea), 1 / p));
    }

    private static MassGroupUnfolding.Simulation toySimulation(long seed, int perGroup) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = 3 * perGroup;
        double[] ne = new double[n], nmu = new double[n], lgE = new double[n];
        int[] group = new int[n];
        for (int i = 0; i < n; i++) {
            int g = i % 3;
            lgE[i] = powerLawLgE(r, 2.0, 14, 17);
            double[] s = toyShower(r, lgE[i], g);
            ne[i] = s[0];
            nmu[i] = s[1];
            group[i] = TOY_GROUPS[g].ordinal();
        }
        return new MassGroupUnfolding.Simulation(ne, nmu, lgE, group, null);
    }

    private static final Binning TOY_NE = Binning.linear(35, 4.0, 7.5), TOY_NMU = Binning.linear(42, 3.4, 7.6),
            TOY_E = Binning.linear(6, 14, 17);

    @Test
    void closureOnAToyPlaneRecoversTheMassGroupSpectra() throws Exception {
        SplittableRandom r = new SplittableRandom(11);
        int nData = 60_000;
        double[] ne = new double[nData], nmu = new double[nData];
        double[][] truth = new double[3][TOY_E.bins()]; // generated showers per group and bin, selected or not
        for (int k = 0; k < nData; k++) {
            double u = r.nextDouble();
            int g = u < TOY_FRACTION[0] ? 0 : u < TOY_FRACTION[0] + TOY_FRACTION[1] ? 1 : 2;
            double lgE = powerLawLgE(r, TOY_INDEX[g], 14, 17);
            truth[g][TOY_E.findBin(lgE)] += 1;
            double[] s = toyShower(r, lgE, g);
            ne[k] = s[0];
            nmu[k] = s[1];
        }
        MassGroupSpectra res = MassGroupUnfolding.unfold(TOY_NE, TOY_NMU, TOY_E,
                new MassGroupUnfolding.Generation(2.0, 14, 17, 15.5), toySimulation(5, 400_000), ne, nmu,
                new LeastSquaresUnfolder(), ONE_THREAD);
        assertEquals(List.of(TOY_GROUPS), res.groups());
        double chi2 = 0;
        int bins = 0;
        double[] allTruth = new double[TOY_E.bins()];
        for (int g = 0; g < 3; g++) {
            Spectrum x = res.generated(g);
            for (int j = 0; j < TOY_E.bins(); j++) {
                double pull = (x.value(j) - truth[g][j]) / x.uncertainty(j);
                assertTrue(Math.abs(pull) < 4, TOY_GROUPS[g].symbol() + " bin " + j + ": unfolded " + x.value(j)
                        + " +- " + x.uncertainty(j) + ", generated " + truth[g][j]);
                chi2 += pull * pull;
                bins++;
                allTruth[j] += truth[g][j];
            }
        }
        assertTrue(chi2 < 45, "sum of squared pulls over " + bins + " bins: " + chi2); // P(chi2_18 > 45) < 0.1 %
        Spectrum all = res.allParticle().acceptanceCorrected();
        for (int j = 0; j < TOY_E.bins(); j++) {
            double pull = (all.value(j) - allTruth[j]) / all.uncertainty(j);
            assertTrue(Math.abs(pull) < 4, "all particles, bin " + j + ": pull " + pull);
        }
        // the selection loses heavy low-energy showers: the lowest Fe bin is far from fully efficient
        double[][] eff = res.efficiency();
        assertTrue(eff[2][0] < 0.5 && eff[0][0] > eff[2][0], "efficiency p " + eff[0][0] + ", Fe " + eff[2][0]);
        assertEquals(1.0, eff[1][4], 0.0);
        // refolding describes the observed cells
        double[] plane = res.observedPlane(), refolded = res.refolded();
        int[] cells = res.unfoldedCells();
        double sumObs = 0, sumRef = 0;
        for (int i = 0; i < cells.length; i++) {
            sumObs += plane[cells[i]];
            sumRef += refolded[i];
        }
        assertEquals(sumObs, sumRef, 3 * Math.sqrt(sumObs));
    }

    @Test
    void theEfficiencyMatchesTheSelectionProbabilityOfTheToy() throws Exception {
        // P(lg Ne >= 4 and lg Nmu >= 3.4) of a shower of group g at lg E, averaged over E^-2 in the bin
        MassGroupSpectra res = MassGroupUnfolding.unfold(TOY_NE, TOY_NMU, TOY_E,
                new MassGroupUnfolding.Generation(2.0, 14, 17, 15.5), toySimulation(5, 400_000),
                new double[] { 5 }, new double[] { 5 }, new LeastSquaresUnfolder(), ONE_THREAD);
        double[][] eff = res.efficiency(), thrown = res.thrown();
        for (int g = 0; g < 3; g++) {
            for (int j = 0; j < 3; j++) {
                double num = 0, den = 0;
                for (int q = 0; q < 2000; q++) {
                    double lgE = TOY_E.edge(j) + (q + 0.5) / 2000 * TOY_E.width(j), w = Math.pow(10, -lgE); // E^-2 dE ∝ E^-1 dlgE
                    double pe = upperTail((4 - (4 + (lgE - 14) - 0.3 * g)) / 0.1);
                    double pm = upperTail((3.4 - (3.5 + 0.9 * (lgE - 14) + 0.4 * g)) / 0.08);
                    num += w * pe * pm;
                    den += w;
                }
                // binomial spread and the 0.9 % uncertainty of the thrown normalisation (12.6 k showers above 15.5)
                double expected = num / den, sigma = Math.hypot(Math.sqrt(expected * (1 - expected) / thrown[g][j]),
                        0.009 * expected);
                assertEquals(expected, eff[g][j], 4 * sigma, TOY_GROUPS[g].symbol() + " bin " + j);
            }
        }
    }

    /** @return P(Z > z) for a standard normal Z (Abramowitz–Stegun 7.1.26, |error| < 1.5e-7) */
    private static double upperTail(double z) {
        double x = Math.abs(z) / Math.sqrt(2), t = 1 / (1 + 0.3275911 * x);
        double erfc = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
                * Math.exp(-x * x);
        return z >= 0 ? 0.5 * erfc : 1 - 0.5 * erfc;
    }

    @Test
    void sameInputsGiveBitIdenticalResultsForAnyThreadCount() throws Exception {
        MassGroupUnfolding.Simulation sim = toySimulation(3, 20_000);
        SplittableRandom r = new SplittableRandom(4);
        double[] ne = new double[5000], nmu = new double[5000];
        for (int k = 0; k < ne.length; k++) {
            double[] s = toyShower(r, powerLawLgE(r, 2.5, 14, 17), k % 3);
            ne[k] = s[0];
            nmu[k] = s[1];
        }
        MassGroupUnfolding.Generation gen = new MassGroupUnfolding.Generation(2.0, 14, 17, 15.5);
        MassGroupSpectra a = MassGroupUnfolding.unfold(TOY_NE, TOY_NMU, TOY_E, gen, sim, ne, nmu,
                new LeastSquaresUnfolder(), ONE_THREAD);
        MassGroupSpectra b = MassGroupUnfolding.unfold(TOY_NE, TOY_NMU, TOY_E, gen, sim, ne, nmu,
                new LeastSquaresUnfolder(), new UnfoldingContext(7, 4, org.fluxion.api.workflow.ProgressMonitor.NONE));
        assertEquals(a.flattened().acceptanceCorrected(), b.flattened().acceptanceCorrected());
        assertEquals(a.allParticle().acceptanceCorrected(), b.allParticle().acceptanceCorrected());
        assertArrayEquals(a.refolded(), b.refolded());
    }

    @Test
    void binsWithoutSelectedSimulationStayOutAndAreReported() throws Exception {
        // no Fe shower below lg E = 15 reaches the plane: that bin is not measured (0 +- 0), the others are
        MassGroupUnfolding.Simulation sim = toySimulation(5, 50_000);
        double[] lgE = sim.lgE(), ne = sim.lgNe().clone();
        for (int k = 0; k < ne.length; k++) {
            if (sim.group()[k] == MassGroup.IRON.ordinal() && lgE[k] < 14.5) {
                ne[k] = 0;
            }
        }
        MassGroupUnfolding.Simulation cut = new MassGroupUnfolding.Simulation(ne, sim.lgNmu(), lgE, sim.group(), null);
        SplittableRandom r = new SplittableRandom(8);
        double[] dne = new double[3000], dnmu = new double[3000];
        for (int k = 0; k < dne.length; k++) {
            double[] s = toyShower(r, powerLawLgE(r, 2.0, 14.5, 17), k % 3);
            dne[k] = s[0];
            dnmu[k] = s[1];
        }
        MassGroupSpectra res = MassGroupUnfolding.unfold(TOY_NE, TOY_NMU, TOY_E,
                new MassGroupUnfolding.Generation(2.0, 14, 17, 15.5), cut, dne, dnmu, new LeastSquaresUnfolder(),
                ONE_THREAD);
        assertTrue(!res.measured(2, 0) && res.measured(2, 1) && res.measured(0, 0));
        assertEquals(0.0, res.generated(2).value(0));
        assertEquals(0.0, res.generated(2).covariance()[0][0]);
        assertEquals("Fe", res.missingGroups()[0]);
        assertEquals("", res.missingGroups()[1]);
        assertEquals(0.0, res.efficiency()[2][0]);
        assertTrue(res.simulated()[2][0] > 1000, "Fe showers simulated in the bin: " + res.simulated()[2][0]);
        assertEquals(18, res.flattened().estimate().binning().bins());

        // nothing at all in the plane: an error naming the ranges
        MassGroupUnfolding.Simulation none = new MassGroupUnfolding.Simulation(new double[] { 1, 2 },
                new double[] { 4, 5 }, new double[] { 15.5, 16.5 }, new int[] { 0, 0 }, null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MassGroupUnfolding.unfold(
                TOY_NE, TOY_NMU, Binning.linear(3, 14, 17), new MassGroupUnfolding.Generation(2, 14, 17, 16), none,
                new double[] { 5 }, new double[] { 4 }, new LeastSquaresUnfolder(), ONE_THREAD));
        assertTrue(e.getMessage().contains("no simulated shower with true lg(E/eV) in [14.0, 17.0] lies in the observed "
                + "plane"), e.getMessage());
    }
}
