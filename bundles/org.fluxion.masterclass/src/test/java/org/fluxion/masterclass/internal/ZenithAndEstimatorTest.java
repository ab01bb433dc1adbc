package org.fluxion.masterclass.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.fluxion.api.artifact.TableArtifact;
import org.fluxion.api.data.SampleSet;
import org.fluxion.api.hist.Binning;
import org.fluxion.testsupport.FakeStepContext;
import org.junit.jupiter.api.Test;

class ZenithAndEstimatorTest {

    @Test
    void zenithExpectationIsTheSineSquaredDifference() {
        double[] f = ZenithDistributionStep.expectedFractions(Binning.linear(3, 0, 45));
        double s15 = Math.pow(Math.sin(Math.toRadians(15)), 2), s30 = Math.pow(Math.sin(Math.toRadians(30)), 2);
        assertEquals(s15 / 0.5, f[0], 1e-12);
        assertEquals((s30 - s15) / 0.5, f[1], 1e-12);
        assertEquals(1.0, f[0] + f[1] + f[2], 1e-12);
    }

    @Test
    void isotropicZenithAnglesFollowTheExpectation() throws Exception {
        // KascadeTables draws sin²θ uniformly on [0, 1/2]: exactly the sinθ·cosθ shape on [0°, 45°]
        FakeStepContext ctx = new FakeStepContext(1).input("samples",
                SampleSet.of(List.of(KascadeTables.simulation(3, 200_000))));
        new ZenithDistributionStep(new ZenithDistributionSettings(List.of("simulation"), Map.of(), 45, 0, 45, false))
                .run(ctx);
        TableArtifact t = ctx.tables.get("zenith_simulation_bins");
        assertEquals(45, t.rows().size());
        double chi2 = 0;
        for (List<Object> r : t.rows()) {
            double d = ((Number) r.get(2)).doubleValue() - ((Number) r.get(4)).doubleValue();
            chi2 += d * d / ((Number) r.get(4)).doubleValue();
        }
        assertTrue(chi2 < 44 + 5 * Math.sqrt(2 * 44), "chi2 = " + chi2);
        assertTrue(ctx.plots.get("zenith_simulation").ratio() != null);
    }

    @Test
    void estimatorIsTheKcdcRelationAndIsUnbiasedOnDataMadeWithIt() throws Exception {
        KcdcEnergyEstimator est = new KcdcEnergyEstimator(10.83, 0.347, 0.609, 1.29);
        assertEquals(10.83 + 0.347 * 5 + 0.609 * 4 + 1.29 * (1 / Math.cos(Math.PI / 3) - 1), est.lgEnergy(5, 4, 60),
                1e-12);
        FakeStepContext ctx = new FakeStepContext(1).input("samples",
                SampleSet.of(List.of(KascadeTables.data(4, 5000), KascadeTables.simulation(5, 50_000))));
        new EnergyEstimatorStep(new EnergyEstimatorSettings("simulation", Map.of(), "data", Map.of(), 10.83, 0.347,
                0.609, 1.29, 16, 14, 18, 20, 80, List.of(-1.0, 1.0))).run(ctx);
        @SuppressWarnings("unchecked")
        Map<String, Object> check = (Map<String, Object>) ctx.summaries.get("energy_estimator").get("data_check");
        assertEquals(0.0, ((Number) check.get("max_abs_difference")).doubleValue(), 1e-12);
        assertTrue(ctx.warnings.isEmpty(), ctx.warnings.toString());
        TableArtifact prim = ctx.tables.get("energy_estimator_primaries");
        assertEquals(5, prim.rows().size());
        for (List<Object> r : prim.rows()) {
            double resolution = ((Number) r.get(4)).doubleValue();
            assertTrue(resolution > 0.05 && resolution < 0.5, r.toString());
        }
        assertTrue(ctx.plots.keySet().containsAll(List.of("energy_bias", "energy_resolution",
                "energy_estimated_vs_true", "energy_difference")), ctx.plots.keySet().toString());
    }

    @Test
    void primariesAreKnownByNameAndCorsikaCode() {
        assertEquals(MassGroup.CNO, MassGroup.ofName("C/O"));
        assertEquals(MassGroup.CNO, MassGroup.ofName("co"));
        assertEquals(MassGroup.IRON, MassGroup.ofName("5626"));
        assertEquals(MassGroup.HELIUM, MassGroup.ofCorsikaCode(402));
        assertEquals(MassGroup.PROTON, MassGroup.parse("P"));
        assertEquals(null, MassGroup.ofName("x"));
    }
}
