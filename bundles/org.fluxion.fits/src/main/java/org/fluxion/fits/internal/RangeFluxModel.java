package org.fluxion.fits.internal;

/**
 * The flux of stopping muons per metre of ice in propagation-length bins (flux.md, PHYSICS.md §1):
 * dΦ/dL(L, θ) = Φ_E(E_s(ρL), θ) · ρ · a · e^{bρL}, E_s(X) = (a/b)(e^{bX} − 1), averaged uniformly
 * over each bin's zenith band in cosθ (dΩ) and over the bin in L, by Gauss–Legendre quadrature
 * (in ln L and in cosθ). Optionally folded with the lognormal range straggling of
 * {@link Straggling} (a convolution in ln L; σ from the energy of the unstraggled range).
 * Units: L in m of ice, a in GeV/mwe, b in 1/mwe, ρ in mwe/m; the result has the units of Φ_E times
 * GeV per m (m⁻² s⁻¹ sr⁻¹ m⁻¹ for Φ_E in m⁻² s⁻¹ sr⁻¹ GeV⁻¹). Immutable, thread-safe.
 */
final class RangeFluxModel {
    /** Half-width of the straggling convolution in units of the local σ, and its step. */
    private static final double T_MAX = 7, T_STEP = 0.25;

    private final double[] low;
    private final double[] high;
    private final double[] cosLow;
    private final double[] cosHigh;
    private final double density;
    private final boolean straggling;
    private final GaussLegendre lengthRule;
    private final GaussLegendre cosRule;

    /**
     * @param low        lower edge of each bin in L, m of ice, &gt; 0 (copied)
     * @param high       upper edge of each bin, &gt; low (copied)
     * @param cosLow     lower end of each bin's band in cosθ (copied)
     * @param cosHigh    upper end, &gt; cosLow (copied)
     * @param density    ρ, mwe per m of ice, &gt; 0
     * @param straggling fold with the lognormal straggling
     * @param nodes      Gauss–Legendre nodes per bin in ln L and in cosθ
     */
    RangeFluxModel(double[] low, double[] high, double[] cosLow, double[] cosHigh, double density, boolean straggling,
            int nodes) {
        int n = low.length;
        if (n < 1 || high.length != n || cosLow.length != n || cosHigh.length != n) {
            throw new IllegalArgumentException(n + " lower edges but " + high.length + " upper edges and " + cosLow.length
                    + ", " + cosHigh.length + " band limits");
        }
        for (int i = 0; i < n; i++) {
            if (!(low[i] > 0 && high[i] > low[i])) {
                throw new IllegalArgumentException("range bin " + i + " must have 0 < low < high but was [" + low[i]
                        + ", " + high[i] + "] m");
            }
            if (!(cosHigh[i] > cosLow[i])) {
                throw new IllegalArgumentException("zenith band of range bin " + i + " is empty: cos " + cosLow[i] + " .. "
                        + cosHigh[i]);
            }
        }
        if (!(density > 0)) {
            throw new IllegalArgumentException("density must be > 0 but was " + density);
        }
        this.low = low.clone();
        this.high = high.clone();
        this.cosLow = cosLow.clone();
        this.cosHigh = cosHigh.clone();
        this.density = density;
        this.straggling = straggling;
        this.lengthRule = new GaussLegendre(nodes);
        this.cosRule = new GaussLegendre(nodes);
    }

    /** @return number of bins */
    int bins() {
        return cosLow.length;
    }

    /** @return a copy of this model with the straggling folded in or not */
    RangeFluxModel withStraggling(boolean fold) {
        return new RangeFluxModel(low, high, cosLow, cosHigh, density, fold, lengthRule.size());
    }

    /** @return whether the model folds in the straggling */
    boolean straggling() {
        return straggling;
    }

    /**
     * @return the bin- and band-averaged dΦ/dL per bin for surface flux {@code phi} and energy-loss
     *         parameters a (GeV/mwe), b (1/mwe)
     */
    double[] binAverages(SurfaceFlux phi, double a, double b) {
        double[] out = new double[bins()];
        for (int i = 0; i < out.length; i++) {
            out[i] = binAverage(i, phi, a, b);
        }
        return out;
    }

    /** @return the average of dΦ/dL over bin i and its band */
    double binAverage(int i, SurfaceFlux phi, double a, double b) {
        double lo = Math.log(low[i]), hi = Math.log(high[i]);
        double sum = 0;
        for (int q = 0; q < lengthRule.size(); q++) {
            double u = lengthRule.node(q, lo, hi), l = Math.exp(u);
            double wl = lengthRule.weight(q, lo, hi) * l; // dL = L du
            double inner = 0;
            for (int k = 0; k < cosRule.size(); k++) {
                double c = cosRule.node(k, cosLow[i], cosHigh[i]);
                double d = straggling ? straggled(phi, a, b, l, c) : density(phi, a, b, density, l, c);
                inner += cosRule.weight(k, cosLow[i], cosHigh[i]) * d;
            }
            sum += wl * inner;
        }
        return sum / ((high[i] - low[i]) * (cosHigh[i] - cosLow[i]));
    }

    /**
     * The unstraggled density dΦ/dL at one (L, cosθ).
     *
     * @param l length, m of ice
     * @return Φ_E(E_s(ρL), θ) ρ a e^{bρL}
     */
    static double density(SurfaceFlux phi, double a, double b, double rho, double l, double cosZenith) {
        double x = rho * l, ebx = Math.exp(b * x);
        double e = a / b * Math.expm1(b * x);
        if (!Double.isFinite(ebx)) {
            return 0; // beyond any muon energy (only reached in the far tail of the straggling convolution)
        }
        return phi.flux(e, cosZenith) * rho * a * ebx;
    }

    /**
     * The straggled density at (L, cosθ): (1/L) ∫ du' L' g(L') φ((ln L − u')/σ(u'))/σ(u'), u' = ln L',
     * g the unstraggled density, σ(u') = σ_lnR(E_s(ρL')); integrated by the trapezoid rule in
     * t = (ln L − u')/σ(ln L) over ±{@value #T_MAX}.
     */
    private double straggled(SurfaceFlux phi, double a, double b, double l, double cosZenith) {
        double lnL = Math.log(l);
        double sigmaL = Straggling.sigmaLnRange(a / b * Math.expm1(b * density * l));
        double sum = 0;
        int n = (int) Math.round(T_MAX / T_STEP);
        for (int k = -n; k <= n; k++) {
            double t = k * T_STEP;
            double u = lnL - sigmaL * t, lp = Math.exp(u);
            double e = a / b * Math.expm1(b * density * lp);
            if (e > phi.maxEnergyGev()) {
                continue; // far tail beyond the flux's domain (a table's last energy node)
            }
            double s = Straggling.sigmaLnRange(e);
            double z = (lnL - u) / s;
            double w = (k == -n || k == n) ? 0.5 : 1;
            sum += w * lp * density(phi, a, b, density, lp, cosZenith) * Math.exp(-0.5 * z * z) / s;
        }
        return sum * T_STEP * sigmaL / (Math.sqrt(2 * Math.PI) * l);
    }
}
