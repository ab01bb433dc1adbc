package org.fluxion.fits.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The bias straggling causes (README): the expected band- and bin-averaged range flux of the
 * synthetic true sky WITH the generator's lognormal straggling, fitted with the model without it
 * (and, for comparison, with it), 2 % errors with neighbour correlation 0.3, default test binning,
 * theory shape = Gaisser with the normalisation fixed at the injected 0.92 (with a free
 * normalisation the no-straggling fit runs away along the a–normalisation degeneracy).
 */
class StragglingBiasTest {
    @Test
    void biasOfTheFitWithoutStraggling() {
        RangeFit plain = RangeFitTest.theoryModel(false, 0.92);
        RangeFit folded = RangeFitTest.theoryModel(true, 0.92);
        // the true sky 0.92 Gaisser (E/TeV)^-0.04 with straggling: what the unfolded flux is on average
        double[] sky = folded.geometry().binAverages(SyntheticTruth.SKY, SyntheticTruth.A, SyntheticTruth.B);
        // the same sky without the index change (exactly the theory shape x 0.92)
        double[] shape = folded.geometry().binAverages((e, c) -> 0.92 * RangeFitTest.GAISSER.flux(e, c),
                SyntheticTruth.A, SyntheticTruth.B);
        double[] shapeNoStrag = plain.geometry().binAverages((e, c) -> 0.92 * RangeFitTest.GAISSER.flux(e, c),
                SyntheticTruth.A, SyntheticTruth.B);
        double[][] v = SyntheticInputs.covariance(sky, 0.02, 0.3);
        double[] straggledOnly = shift(plain, shape, v, "straggling only, no-straggling model");
        double[] closure = shift(plain, shapeNoStrag, SyntheticInputs.covariance(shapeNoStrag, 0.02, 0.3),
                "closure: no straggling, no-straggling model");
        double[] both = shift(plain, sky, v, "true sky (index -0.04) + straggling, no-straggling model");
        double[] foldedFit = shift(folded, shape, v, "straggling only, straggling model");
        double[] foldedSky = shift(folded, sky, v, "true sky + straggling, straggling model");
        assertEquals(0, closure[0], 1e-4);
        assertEquals(0, closure[1], 1e-8);
        assertEquals(0, foldedFit[0], 1e-4);
        assertEquals(0, foldedFit[1], 1e-8);
        // the numbers quoted in the README (relative shifts of a and b)
        assertEquals(README_STRAGGLING_A, straggledOnly[0] / SyntheticTruth.A, 0.01);
        assertEquals(README_STRAGGLING_B, straggledOnly[1] / SyntheticTruth.B, 0.01);
        assertEquals(README_BOTH_A, both[0] / SyntheticTruth.A, 0.01);
        assertEquals(README_BOTH_B, both[1] / SyntheticTruth.B, 0.01);
        assertEquals(README_FOLDED_SKY_A, foldedSky[0] / SyntheticTruth.A, 0.01);
        assertEquals(README_FOLDED_SKY_B, foldedSky[1] / SyntheticTruth.B, 0.01);
    }

    /** Relative shifts (fit − truth)/truth quoted in the README. */
    static final double README_STRAGGLING_A = 0.046, README_STRAGGLING_B = -0.118, README_BOTH_A = 0.035,
            README_BOTH_B = -0.090, README_FOLDED_SKY_A = -0.013, README_FOLDED_SKY_B = 0.035;

    private static double[] shift(RangeFit model, double[] y, double[][] v, String what) {
        ChiSquareFit chi = new ChiSquareFit(y, v);
        ChiSquareFit.Outcome o = RangeFitRun.fit(model, chi, RangeFitRun.start(model, chi, 0.25, 3.5e-4, 3.7));
        double[] p = o.parameters();
        double[][] c = o.covariance();
        double da = p[0] - SyntheticTruth.A, db = p[1] - SyntheticTruth.B;
        System.out.printf("%-60s a = %.4f (%+.1f %%, %+.2f sigma), b = %.3e (%+.1f %%, %+.2f sigma), N = %.4f, "
                + "chi2 = %.3f%n", what, p[0], 100 * da / SyntheticTruth.A, da / Math.sqrt(c[0][0]), p[1],
                100 * db / SyntheticTruth.B, db / Math.sqrt(c[1][1]), p[2], o.chi2());
        return new double[] { da, db };
    }
}
