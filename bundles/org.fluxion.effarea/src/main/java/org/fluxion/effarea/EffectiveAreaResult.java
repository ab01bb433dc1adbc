package org.fluxion.effarea;

import java.util.Objects;

import org.fluxion.api.hist.EffectiveArea;

/**
 * An effective area with the numbers behind it: per bin the weighted rates and event counts of
 * both samples and the bootstrap quantiles. Immutable; arrays are copied in and out.
 */
public final class EffectiveAreaResult {
    private final EffectiveArea effectiveArea;
    private final double generationAreaM2;
    private final int replicas;
    private final double[] selectedRateHz;
    private final double[] l0RateHz;
    private final long[] selectedEvents;
    private final long[] l0Events;
    private final double[] lowM2;
    private final double[] highM2;

    /**
     * @param effectiveArea    A_eff with statistical errors and bands, not null
     * @param generationAreaM2 A_gen, m², &gt; 0
     * @param replicas         bootstrap replicas used (0 = analytic errors)
     * @param selectedRateHz   Σ w of the selected events per bin, Hz (copied)
     * @param l0RateHz         Σ w of the L0 events in bin and band, Hz (copied)
     * @param selectedEvents   selected events per bin (copied)
     * @param l0Events         L0 events in bin and band (copied)
     * @param lowM2            15.87 % bootstrap quantile per bin (A − σ without bootstrap), m² (copied)
     * @param highM2           84.13 % bootstrap quantile per bin (A + σ without bootstrap), m² (copied)
     * @throws IllegalArgumentException if an array length differs from the number of bins
     */
    public EffectiveAreaResult(EffectiveArea effectiveArea, double generationAreaM2, int replicas,
            double[] selectedRateHz, double[] l0RateHz, long[] selectedEvents, long[] l0Events, double[] lowM2,
            double[] highM2) {
        this.effectiveArea = Objects.requireNonNull(effectiveArea, "effectiveArea");
        int n = effectiveArea.binning().bins();
        this.generationAreaM2 = generationAreaM2;
        this.replicas = replicas;
        this.selectedRateHz = check("selected rate", selectedRateHz.clone(), n);
        this.l0RateHz = check("L0 rate", l0RateHz.clone(), n);
        this.selectedEvents = selectedEvents.clone();
        this.l0Events = l0Events.clone();
        this.lowM2 = check("lower quantile", lowM2.clone(), n);
        this.highM2 = check("upper quantile", highM2.clone(), n);
        if (this.selectedEvents.length != n || this.l0Events.length != n) {
            throw new IllegalArgumentException("event counts: expected " + n + " bins but got "
                    + this.selectedEvents.length + " and " + this.l0Events.length);
        }
    }

    private static double[] check(String what, double[] v, int n) {
        if (v.length != n) {
            throw new IllegalArgumentException(what + ": expected " + n + " bins but got " + v.length);
        }
        return v;
    }

    /** @return A_eff per bin with statistical (and, if set, systematic) errors and zenith bands */
    public EffectiveArea effectiveArea() {
        return effectiveArea;
    }

    /** @return the generation area A_gen of the L0 sample, m² */
    public double generationAreaM2() {
        return generationAreaM2;
    }

    /** @return bootstrap replicas (0 = errors from the analytic formula) */
    public int replicas() {
        return replicas;
    }

    /** @return Σ w of the selected events per bin, Hz (a copy) */
    public double[] selectedRateHz() {
        return selectedRateHz.clone();
    }

    /** @return Σ w of the L0 events in bin and band, Hz (a copy) */
    public double[] l0RateHz() {
        return l0RateHz.clone();
    }

    /** @return selected events per bin (a copy) */
    public long[] selectedEvents() {
        return selectedEvents.clone();
    }

    /** @return L0 events in bin and band (a copy) */
    public long[] l0Events() {
        return l0Events.clone();
    }

    /** @return lower end of the 68 % band per bin, m² (a copy) */
    public double[] lowM2() {
        return lowM2.clone();
    }

    /** @return upper end of the 68 % band per bin, m² (a copy) */
    public double[] highM2() {
        return highM2.clone();
    }

    /** @return this result with systematic errors set on its effective area (null for none) */
    public EffectiveAreaResult withSystematicErrorM2(double[] systErrorM2) {
        EffectiveArea a = effectiveArea;
        EffectiveArea withSyst = EffectiveArea.of(a.quantity(), a.unit(), a.binning(), a.areaM2(), a.statErrorM2(),
                systErrorM2, a.cosZenithLow(), a.cosZenithHigh());
        return new EffectiveAreaResult(withSyst, generationAreaM2, replicas, selectedRateHz, l0RateHz, selectedEvents,
                l0Events, lowM2, highM2);
    }
}
