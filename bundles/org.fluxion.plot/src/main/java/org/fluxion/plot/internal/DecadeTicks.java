package org.fluxion.plot.internal;

import java.awt.Font;
import java.awt.font.TextAttribute;
import java.math.BigDecimal;
import java.text.AttributedString;
import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.axis.LogTick;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * Tick positions and labels of a logarithmic scale the way physicists label them: major ticks at
 * the decades labelled 10<sup>k</sup> (every n-th decade when the range spans many), minor ticks at
 * 2…9 × 10<sup>k</sup>, and — when fewer than two decades are visible — labels at 2 and 5 × 10<sup>k</sup>
 * too, so that every axis carries at least two labels. Stateless; thread-safe.
 */
final class DecadeTicks {
    /** One tick. @param value position in data space @param log10 its decimal logarithm @param label text or null (minor) */
    record Tick(double value, double log10, AttributedString label) {
        boolean major() {
            return label != null;
        }
    }

    private static final String SUPERSCRIPT_MINUS = "\u2212";

    private DecadeTicks() {
    }

    /**
     * @param lowLog10  decimal logarithm of the lower axis bound
     * @param highLog10 decimal logarithm of the upper axis bound, > lowLog10
     * @param font      tick label font
     * @return ticks in increasing order
     */
    static List<Tick> compute(double lowLog10, double highLog10, Font font) {
        double eps = 1e-9 * Math.max(1, highLog10 - lowLog10);
        int kMin = (int) Math.floor(lowLog10 + eps);
        int kMax = (int) Math.ceil(highLog10 - eps);
        int decadesInside = (int) (Math.floor(highLog10 + eps) - Math.ceil(lowLog10 - eps)) + 1;
        double span = highLog10 - lowLog10;
        int step = span > 10 ? (int) Math.ceil(span / 8) : 1;
        boolean labelMantissas = decadesInside < 2;
        boolean labelAllMantissas = span < 0.5;
        List<Tick> ticks = new ArrayList<>();
        for (int k = kMin; k <= kMax; k++) {
            for (int m = 1; m <= 9; m++) {
                if (m > 1 && step > 1) {
                    break; // many decades: the unlabelled decades are the minor ticks
                }
                double value = m * Math.pow(10, k);
                double lg = Math.log10(value);
                if (lg < lowLog10 - eps || lg > highLog10 + eps) {
                    continue;
                }
                AttributedString label = null;
                if (m == 1 && Math.floorMod(k, step) == 0) {
                    label = power(1, k, font);
                } else if (m > 1 && (labelAllMantissas || labelMantissas && (m == 2 || m == 5))) {
                    label = mantissaLabel(m, k, font);
                }
                ticks.add(new Tick(value, lg, label));
            }
        }
        return ticks;
    }

    /**
     * Converts ticks to JFreeChart ticks for an axis whose coordinate is the data value (log axis) or
     * its logarithm (colour bar in exponent space).
     */
    static List<ValueTick> toAxisTicks(List<Tick> ticks, boolean exponentSpace, RectangleEdge edge) {
        TextAnchor anchor = labelAnchor(edge);
        List<ValueTick> out = new ArrayList<>(ticks.size());
        for (Tick t : ticks) {
            double v = exponentSpace ? t.log10() : t.value();
            if (t.major()) {
                out.add(new LogTick(TickType.MAJOR, v, t.label(), anchor));
            } else {
                // an empty text label: the axis skips tick marks whose LogTick label is null
                out.add(new NumberTick(TickType.MINOR, v, "", anchor, anchor, 0.0));
            }
        }
        return out;
    }

    /** @return where a tick label is anchored for an axis on the given edge */
    static TextAnchor labelAnchor(RectangleEdge edge) {
        if (edge == RectangleEdge.BOTTOM) {
            return TextAnchor.TOP_CENTER;
        } else if (edge == RectangleEdge.TOP) {
            return TextAnchor.BOTTOM_CENTER;
        } else if (edge == RectangleEdge.LEFT) {
            return TextAnchor.CENTER_RIGHT;
        }
        return TextAnchor.CENTER_LEFT;
    }

    private static AttributedString mantissaLabel(int m, int k, Font font) {
        if (k >= -3 && k <= 3) {
            String text = BigDecimal.valueOf(m).scaleByPowerOfTen(k).stripTrailingZeros().toPlainString();
            AttributedString as = new AttributedString(text);
            as.addAttributes(font.getAttributes(), 0, text.length());
            return as;
        }
        return power(m, k, font);
    }

    /** @return "10^k" or "m×10^k" with a superscript exponent */
    static AttributedString power(int m, int k, Font font) {
        String base = m == 1 ? "10" : m + "\u00d710";
        String exponent = k < 0 ? SUPERSCRIPT_MINUS + (-k) : Integer.toString(k);
        String text = base + exponent;
        AttributedString as = new AttributedString(text);
        as.addAttributes(font.getAttributes(), 0, text.length());
        as.addAttribute(TextAttribute.SUPERSCRIPT, TextAttribute.SUPERSCRIPT_SUPER, base.length(), text.length());
        return as;
    }
}
