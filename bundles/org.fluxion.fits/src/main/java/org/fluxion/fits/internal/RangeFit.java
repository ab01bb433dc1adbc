package org.fluxion.fits.internal;

/**
 * The parametric range-fit model μ(p) = bin- and band-averaged dΦ/dL ({@link RangeFluxModel}) with
 * parameters (a [GeV/mwe], b [1/mwe], third): third = the normalisation of the theory table
 * ({@link RangeModel#THEORY}, linear) or the power-law index γ ({@link RangeModel#POWER_LAW}, free or
 * fixed). Immutable, thread-safe.
 */
final class RangeFit implements ChiSquareFit.Model {
    /** Index of a, b and the third parameter. */
    static final int A = 0, B = 1, THIRD = 2;

    private final RangeFluxModel geometry;
    private final RangeModel kind;
    private final SurfaceFlux theory;
    private final double phi0;
    private final double referenceGev;
    private final double fixedThird;

    /**
     * @param geometry     bins, bands, density, straggling
     * @param kind         THEORY or POWER_LAW
     * @param theory       the table column (THEORY), else null
     * @param phi0         power-law Φ0 at E0, m⁻² s⁻¹ sr⁻¹ GeV⁻¹ (POWER_LAW)
     * @param referenceGev E0, GeV
     * @param fixedThird   the third parameter's value if fixed (γ of POWER_LAW, the normalisation of
     *                     THEORY), NaN if free
     */
    RangeFit(RangeFluxModel geometry, RangeModel kind, SurfaceFlux theory, double phi0, double referenceGev,
            double fixedThird) {
        if (kind == RangeModel.AUTO) {
            throw new IllegalArgumentException("resolve range_model 'auto' before building the fit");
        }
        if (kind == RangeModel.THEORY && theory == null) {
            throw new IllegalArgumentException("range_model 'theory' needs a theory table");
        }
        this.geometry = geometry;
        this.kind = kind;
        this.theory = theory;
        this.phi0 = phi0;
        this.referenceGev = referenceGev;
        this.fixedThird = fixedThird;
    }

    RangeModel kind() {
        return kind;
    }

    RangeFluxModel geometry() {
        return geometry;
    }

    /** @return parameter names */
    String[] names() {
        return new String[] { "a", "b", kind == RangeModel.THEORY ? "normalisation" : "gamma" };
    }

    /** @return parameter units */
    String[] units() {
        return new String[] { "GeV/mwe", "1/mwe", "" };
    }

    /** @return which parameters are free */
    boolean[] free() {
        return new boolean[] { true, true, Double.isNaN(fixedThird) };
    }

    /** @return the value of the third parameter when it is fixed, else NaN */
    double fixedThird() {
        return fixedThird;
    }

    /** @return the surface flux for parameters p */
    SurfaceFlux surface(double[] p) {
        if (kind == RangeModel.THEORY) {
            double n = p[THIRD];
            return new SurfaceFlux() {
                @Override
                public double flux(double e, double c) {
                    return n * theory.flux(e, c);
                }

                @Override
                public double maxEnergyGev() {
                    return theory.maxEnergyGev();
                }
            };
        }
        double g = p[THIRD];
        return (e, c) -> phi0 * Math.pow(e / referenceGev, -g);
    }

    @Override
    public double[] expectation(double[] p) {
        if (!(p[A] > 0 && p[B] > 0)) {
            double[] bad = new double[geometry.bins()];
            java.util.Arrays.fill(bad, Double.NaN);
            return bad;
        }
        return geometry.binAverages(surface(p), p[A], p[B]);
    }
}
