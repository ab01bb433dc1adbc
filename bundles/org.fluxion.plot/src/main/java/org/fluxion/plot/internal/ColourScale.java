package org.fluxion.plot.internal;

import java.awt.Color;
import java.awt.Paint;
import java.io.Serializable;

import org.jfree.chart.renderer.PaintScale;

/**
 * The viridis colour map (perceptually uniform, readable in grey and with colour blindness) over a
 * value range given in "scale space": the value itself for a linear colour axis, log10 of it for a
 * log colour axis ({@link #toScale}). Values outside the range get the end colours. Immutable and
 * thread-safe.
 */
final class ColourScale implements PaintScale, Serializable {
    private static final long serialVersionUID = 1L;
    /** viridis sampled at 0, 1/8, ..., 1 */
    private static final int[] VIRIDIS = {0x440154, 0x472D7B, 0x3B528B, 0x2C728E, 0x21918C, 0x28AE80, 0x5EC962,
        0xADDC30, 0xFDE725};

    private final double lower;
    private final double upper;
    private final boolean log;

    /**
     * @param lower lower bound in scale space
     * @param upper upper bound in scale space, > lower
     * @param log   whether scale space is log10 of the value
     */
    ColourScale(double lower, double upper, boolean log) {
        if (!(upper > lower)) {
            throw new IllegalArgumentException("colour scale needs lower < upper but got [" + lower + ", " + upper
                    + "]");
        }
        this.lower = lower;
        this.upper = upper;
        this.log = log;
    }

    /** @return the value in scale space (log10 for a log scale; NaN for values <= 0 there) */
    double toScale(double value) {
        return log ? value > 0 ? Math.log10(value) : Double.NaN : value;
    }

    /** @return whether scale space is log10 */
    boolean log() {
        return log;
    }

    @Override
    public double getLowerBound() {
        return lower;
    }

    @Override
    public double getUpperBound() {
        return upper;
    }

    /** @param scaleValue a value in scale space */
    @Override
    public Paint getPaint(double scaleValue) {
        return colour(scaleValue);
    }

    /** @return the colour of a value in scale space */
    Color colour(double scaleValue) {
        double t = (scaleValue - lower) / (upper - lower);
        if (!(t > 0)) {
            t = 0;
        } else if (t > 1) {
            t = 1;
        }
        double pos = t * (VIRIDIS.length - 1);
        int i = Math.min((int) pos, VIRIDIS.length - 2);
        double f = pos - i;
        int a = VIRIDIS[i], b = VIRIDIS[i + 1];
        return new Color(mix(a >> 16, b >> 16, f), mix(a >> 8, b >> 8, f), mix(a, b, f));
    }

    private static int mix(int a, int b, double f) {
        int ca = a & 0xFF, cb = b & 0xFF;
        return (int) Math.round(ca + (cb - ca) * f);
    }
}
