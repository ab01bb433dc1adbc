package org.fluxion.effarea;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.fluxion.api.data.Column;
import org.fluxion.api.data.EventTable;
import org.fluxion.api.hist.Binning;
import org.fluxion.api.hist.EffectiveArea;
import org.fluxion.api.workflow.ProgressMonitor;
import org.junit.jupiter.api.Test;

class EffectiveAreaEstimatorTest {
    static final double A_GEN = 2.0e6;

    static EventTable table(String name, double[] x, double[] zenith, double[] w) {
        EventTable.Builder b = EventTable.builder(name).add(Column.ofDoubles("true_energy", "GeV", x))
                .add(Column.ofDoubles("weight", "Hz", w)).attribute("generation_area_m2", A_GEN);
        if (zenith != null) {
            b.add(Column.ofDoubles("true_zenith", "rad", zenith));
        }
        return b.build();
    }

    /**
     * Hand-made samples: per bin i, L0 has n_i events of weight w_i inside the band (plus events
     * outside the band and outside the binning, which must not count) and the selected MC has
     * k_i events of weight w_i (some at zenith angles outside the band, which must count):
     * A_i = A_gen · k_i / n_i exactly.
     */
    @Test
    void analyticCaseGivesGenerationAreaTimesSelectionProbability() {
        Binning b = Binning.log10(3, 100, 100_000);
        int[] n = {400, 250, 1000};
        int[] k = {40, 200, 1};
        double[] w = {1e-3, 5e-5, 2e-6};
        double cos85 = Math.cos(Math.toRadians(85));
        java.util.List<double[]> l0 = new java.util.ArrayList<>(), mc = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < n[i]; j++) {
                double c = cos85 + (1 - cos85) * (j + 0.5) / n[i];
                l0.add(new double[] { b.centre(i), Math.acos(c), w[i] });
            }
            l0.add(new double[] { b.centre(i), Math.toRadians(87), 1.0 }); // outside the band: not counted
            for (int j = 0; j < k[i]; j++) {
                mc.add(new double[] { b.centre(i), j % 5 == 0 ? Math.toRadians(88) : 0.3, w[i] });
            }
        }
        l0.add(new double[] { 50, 0.1, 1.0 }); // below the binning
        mc.add(new double[] { 2e5, 0.1, 1.0 }); // above
        EventTable t0 = table("mc_l0", col(l0, 0), col(l0, 1), col(l0, 2));
        EventTable t1 = table("mc", col(mc, 0), col(mc, 1), col(mc, 2));
        EffectiveAreaSpec spec = EffectiveAreaSpec.surfaceEnergy(b, 85);
        EffectiveAreaResult r = EffectiveAreaEstimator.estimateDetailed(t0, t1, spec, 0, 1, 1, ProgressMonitor.NONE);
        EffectiveArea a = r.effectiveArea();
        for (int i = 0; i < 3; i++) {
            assertEquals(A_GEN * k[i] / n[i], a.areaM2(i), 1e-9 * A_GEN, "bin " + i);
            assertEquals(n[i], r.l0Events()[i]);
            assertEquals(k[i], r.selectedEvents()[i]);
            assertEquals(2 * Math.PI * (1 - cos85), a.solidAngleSr(i), 1e-12);
        }
        assertEquals(5.736, a.solidAngleSr(0), 5e-4);
        assertEquals("surface_energy", a.quantity());
        assertEquals("GeV", a.unit());
    }

    private static double[] col(java.util.List<double[]> rows, int j) {
        return rows.stream().mapToDouble(r -> r[j]).toArray();
    }

    /** Independent samples of N0 and N1 rows with random weights in two bins. */
    static EventTable[] randomSamples(long seed, int n0, int n1) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] x0 = new double[n0], z0 = new double[n0], w0 = new double[n0];
        for (int i = 0; i < n0; i++) {
            x0[i] = 100 * Math.pow(1000, rng.nextDouble()) * (rng.nextDouble() < 0.1 ? 1000 : 1);
            z0[i] = Math.acos(rng.nextDouble());
            w0[i] = 1e-3 * (0.5 + rng.nextDouble());
        }
        double[] x1 = new double[n1], w1 = new double[n1];
        for (int i = 0; i < n1; i++) {
            x1[i] = 100 * Math.pow(1000, rng.nextDouble());
            w1[i] = 2e-4 * (0.5 + rng.nextDouble());
        }
        return new EventTable[] { table("mc_l0", x0, z0, w0), table("mc", x1, null, w1) };
    }

    @Test
    void bootstrapIsBitIdenticalForOneAndFourThreads() {
        EventTable[] s = randomSamples(3, 20_000, 4_000);
        EffectiveAreaSpec spec = EffectiveAreaSpec.surfaceEnergy(Binning.log10(4, 100, 100_000), 85);
        EffectiveAreaResult one = EffectiveAreaEstimator.estimateDetailed(s[0], s[1], spec, 64, 77, 1,
                ProgressMonitor.NONE);
        EffectiveAreaResult four = EffectiveAreaEstimator.estimateDetailed(s[0], s[1], spec, 64, 77, 4,
                ProgressMonitor.NONE);
        assertEquals(one.effectiveArea(), four.effectiveArea());
        assertArrayEquals(one.lowM2(), four.lowM2());
        assertArrayEquals(one.highM2(), four.highM2());
        EffectiveAreaResult otherSeed = EffectiveAreaEstimator.estimateDetailed(s[0], s[1], spec, 64, 78, 4,
                ProgressMonitor.NONE);
        assertArrayEquals(one.effectiveArea().areaM2(), otherSeed.effectiveArea().areaM2());
        assertTrue(one.effectiveArea().statErrorM2()[0] != otherSeed.effectiveArea().statErrorM2()[0]);
    }

    /** The bootstrap spread agrees with the analytic (binomial/multinomial delta-method) error. */
    @Test
    void bootstrapSigmaMatchesAnalyticExpectation() {
        EventTable[] s = randomSamples(5, 20_000, 3_000);
        EffectiveAreaSpec spec = EffectiveAreaSpec.surfaceEnergy(Binning.log10(3, 100, 100_000), 85);
        EffectiveArea analytic = EffectiveAreaEstimator.estimate(s[0], s[1], spec, 0, 9, 2);
        EffectiveAreaResult boot = EffectiveAreaEstimator.estimateDetailed(s[0], s[1], spec, 800, 9, 2,
                ProgressMonitor.NONE);
        for (int i = 0; i < 3; i++) {
            double a = analytic.statErrorM2()[i], bs = boot.effectiveArea().statErrorM2()[i];
            // relative precision of a standard deviation from 800 replicas: 1/sqrt(2·800) = 2.5 %
            assertEquals(1.0, bs / a, 0.1, "bin " + i + ": bootstrap " + bs + " vs analytic " + a);
            double half = 0.5 * (boot.highM2()[i] - boot.lowM2()[i]);
            assertEquals(1.0, half / a, 0.15, "bin " + i + ": 68 % half width " + half + " vs " + a);
            // unit-free check of the formula: relative error ~ sqrt(1/k_sel + 1/k_l0)
            double rel = a / analytic.areaM2(i);
            assertTrue(rel > 0.01 && rel < 0.1, "relative error " + rel);
        }
    }

    @Test
    void errorsNameWhatIsWrong() {
        EventTable[] s = randomSamples(1, 100, 100);
        EffectiveAreaSpec spec = EffectiveAreaSpec.surfaceEnergy(Binning.log10(3, 100, 100_000), 85);
        IllegalArgumentException col = assertThrows(IllegalArgumentException.class,
                () -> EffectiveAreaEstimator.estimate(s[0], s[1], spec.withWeightColumn("GaisserH4aWeight"), 0, 1, 1));
        assertTrue(col.getMessage().contains("'mc_l0'") && col.getMessage().contains("GaisserH4aWeight"), col.getMessage());
        EventTable noArea = s[0].withAttributes(java.util.Map.of());
        IllegalArgumentException attr = assertThrows(IllegalArgumentException.class,
                () -> EffectiveAreaEstimator.estimate(noArea, s[1], spec, 0, 1, 1));
        assertTrue(attr.getMessage().contains("generation_area_m2"), attr.getMessage());
        EffectiveAreaSpec range = EffectiveAreaSpec.propagationLength(Binning.log10(3, 500, 1400), 85);
        IllegalArgumentException band = assertThrows(IllegalArgumentException.class, range::bandPerBin);
        assertTrue(band.getMessage().contains("bin 0"), band.getMessage());
    }
}
