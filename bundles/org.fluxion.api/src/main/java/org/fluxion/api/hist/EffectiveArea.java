package org.fluxion.api.hist;

import java.util.Arrays;
import java.util.Objects;

/**
 * An effective area per bin of a true quantity (e.g. the propagation length or the surface energy of
 * stopping muons): A_eff,i in m², its statistical uncertainty (e.g. the bootstrap spread), an optional
 * systematic uncertainty, and the zenith band [θ_min,i, θ_max,i] that the flux of bin i is averaged
 * over, with solid angle Ω_i = 2π (cosθ_min,i − cosθ_max,i), so that
 * Φ_i = N_i / (T · Δx_i · Ω_i · A_eff,i). A_eff,i is defined for muons arriving within that band (for
 * the propagation length, only a band of zenith angles can reach a stopping point inside the detector
 * at slant depth L; for the surface energy the band is usually the whole generated range).
 * Immutable; arrays are copied in and out.
 */
public final class EffectiveArea {
    private final String quantity;
    private final String unit;
    private final Binning binning;
    private final double[] areaM2;
    private final double[] statErrorM2;
    private final double[] systErrorM2;
    private final double[] cosZenithLow;
    private final double[] cosZenithHigh;

    private EffectiveArea(String quantity, String unit, Binning binning, double[] areaM2, double[] statErrorM2,
            double[] systErrorM2, double[] cosZenithLow, double[] cosZenithHigh) {
        this.quantity = quantity;
        this.unit = unit;
        this.binning = binning;
        this.areaM2 = areaM2;
        this.statErrorM2 = statErrorM2;
        this.systErrorM2 = systErrorM2;
        this.cosZenithLow = cosZenithLow;
        this.cosZenithHigh = cosZenithHigh;
    }

    /**
     * @param quantity     name of the true quantity, e.g. {@code propagation_length}
     * @param unit         unit of the quantity (of the binning's edges), e.g. {@code m} or {@code GeV}
     * @param binning      the true bins
     * @param areaM2       A_eff per bin, m², finite and &gt;= 0 (copied)
     * @param statErrorM2  statistical uncertainty per bin, m², &gt;= 0 (copied)
     * @param systErrorM2  systematic uncertainty per bin, m², &gt;= 0; null for none (copied)
     * @param cosZenithLow  cosθ_max,i: lower end of the band in cosθ per bin, in [-1, 1] (copied)
     * @param cosZenithHigh cosθ_min,i: upper end of the band in cosθ per bin, &gt; cosZenithLow, &lt;= 1 (copied)
     * @throws IllegalArgumentException naming the bin and value of any violation
     */
    public static EffectiveArea of(String quantity, String unit, Binning binning, double[] areaM2,
            double[] statErrorM2, double[] systErrorM2, double[] cosZenithLow, double[] cosZenithHigh) {
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(binning, "binning");
        int n = binning.bins();
        double[] syst = systErrorM2 == null ? new double[n] : systErrorM2;
        check("area", areaM2, n, 0, Double.MAX_VALUE);
        check("statistical error", statErrorM2, n, 0, Double.MAX_VALUE);
        check("systematic error", syst, n, 0, Double.MAX_VALUE);
        check("cos zenith low", cosZenithLow, n, -1, 1);
        check("cos zenith high", cosZenithHigh, n, -1, 1);
        for (int i = 0; i < n; i++) {
            if (!(cosZenithHigh[i] > cosZenithLow[i])) {
                throw new IllegalArgumentException("zenith band of bin " + i + " is empty: cos zenith high "
                        + cosZenithHigh[i] + " must be > cos zenith low " + cosZenithLow[i]);
            }
        }
        return new EffectiveArea(quantity, unit, binning, areaM2.clone(), statErrorM2.clone(), syst.clone(),
                cosZenithLow.clone(), cosZenithHigh.clone());
    }

    private static void check(String what, double[] v, int n, double min, double max) {
        Objects.requireNonNull(v, what);
        if (v.length != n) {
            throw new IllegalArgumentException(what + ": binning has " + n + " bins but got " + v.length + " values");
        }
        for (int i = 0; i < n; i++) {
            if (!(v[i] >= min && v[i] <= max)) {
                throw new IllegalArgumentException(what + " of bin " + i + " must be in [" + min + ", " + max
                        + "] but was " + v[i]);
            }
        }
    }

    /** @return name of the true quantity */
    public String quantity() {
        return quantity;
    }

    /** @return unit of the true quantity */
    public String unit() {
        return unit;
    }

    /** @return the true bins */
    public Binning binning() {
        return binning;
    }

    /** @return A_eff per bin, m² (a copy) */
    public double[] areaM2() {
        return areaM2.clone();
    }

    /** @return A_eff of bin i, m² */
    public double areaM2(int i) {
        return areaM2[i];
    }

    /** @return statistical uncertainty per bin, m² (a copy) */
    public double[] statErrorM2() {
        return statErrorM2.clone();
    }

    /** @return systematic uncertainty per bin, m² (a copy; zeros if none) */
    public double[] systErrorM2() {
        return systErrorM2.clone();
    }

    /** @return cosθ at the large-zenith end of the band per bin (a copy) */
    public double[] cosZenithLow() {
        return cosZenithLow.clone();
    }

    /** @return cosθ at the small-zenith end of the band per bin (a copy) */
    public double[] cosZenithHigh() {
        return cosZenithHigh.clone();
    }

    /** @return Ω_i = 2π (cosθ_min,i − cosθ_max,i) per bin, sr (a new array) */
    public double[] solidAngleSr() {
        double[] o = new double[cosZenithLow.length];
        for (int i = 0; i < o.length; i++) {
            o[i] = solidAngleSr(i);
        }
        return o;
    }

    /** @return Ω of bin i, sr */
    public double solidAngleSr(int i) {
        return 2 * Math.PI * (cosZenithHigh[i] - cosZenithLow[i]);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EffectiveArea e && quantity.equals(e.quantity) && unit.equals(e.unit)
                && binning.equals(e.binning) && Arrays.equals(areaM2, e.areaM2) && Arrays.equals(statErrorM2, e.statErrorM2)
                && Arrays.equals(systErrorM2, e.systErrorM2) && Arrays.equals(cosZenithLow, e.cosZenithLow)
                && Arrays.equals(cosZenithHigh, e.cosZenithHigh);
    }

    @Override
    public int hashCode() {
        return Objects.hash(quantity, binning, Arrays.hashCode(areaM2));
    }

    @Override
    public String toString() {
        return "EffectiveArea[" + quantity + " [" + unit + "], " + binning + "]";
    }
}
