package org.fluxion.effarea;

/**
 * A band of zenith angles [θ_min, θ_max], stored as cosines: {@code cosZenithLow} = cos θ_max and
 * {@code cosZenithHigh} = cos θ_min, with −1 ≤ cosZenithLow &lt; cosZenithHigh ≤ 1. Immutable.
 *
 * @param cosZenithLow  cosine of the largest zenith angle of the band
 * @param cosZenithHigh cosine of the smallest zenith angle of the band
 */
public record ZenithBand(double cosZenithLow, double cosZenithHigh) {
    /** @throws IllegalArgumentException if the band is empty or outside [−1, 1] */
    public ZenithBand {
        if (!(cosZenithLow >= -1 && cosZenithHigh <= 1 && cosZenithHigh > cosZenithLow)) {
            throw new IllegalArgumentException("zenith band needs -1 <= cos zenith low < cos zenith high <= 1 but was ["
                    + cosZenithLow + ", " + cosZenithHigh + "]");
        }
    }

    /** @return the solid angle 2π (cosZenithHigh − cosZenithLow), sr */
    public double solidAngleSr() {
        return 2 * Math.PI * (cosZenithHigh - cosZenithLow);
    }

    /** @return whether cos θ lies in the band (both ends included) */
    public boolean contains(double cosZenith) {
        return cosZenith >= cosZenithLow && cosZenith <= cosZenithHigh;
    }

    /** @return the smallest zenith angle, degrees */
    public double zenithMinDeg() {
        return Math.toDegrees(Math.acos(cosZenithHigh));
    }

    /** @return the largest zenith angle, degrees */
    public double zenithMaxDeg() {
        return Math.toDegrees(Math.acos(cosZenithLow));
    }
}
