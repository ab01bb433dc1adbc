package org.fluxion.plot.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;

import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnitSource;
import org.jfree.chart.axis.TickUnits;

/**
 * Tick labels of a linear axis for one tick spacing: locale-independent, no digit grouping, as many
 * decimals as the spacing needs, exact zero for rounding noise, a typographic minus, and
 * "2.5×10⁶" for very large or small spacings. Immutable; not for parsing.
 */
final class TickLabelFormat extends NumberFormat {
    private static final long serialVersionUID = 1L;
    private static final String MINUS = "\u2212";
    private static final char[] SUPERSCRIPT_DIGITS = "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079"
            .toCharArray();

    private final double size;
    private final int decimals;
    private final boolean scientific;

    /** @param size tick spacing, > 0 */
    TickLabelFormat(double size) {
        this.size = size;
        int p = (int) Math.floor(Math.log10(size) + 1e-9);
        double mantissa = size / Math.pow(10, p);
        boolean extraDigit = Math.abs(mantissa - Math.rint(mantissa)) > 1e-6;
        this.decimals = Math.max(0, -p + (extraDigit ? 1 : 0));
        this.scientific = size >= 1e5 || size < 1e-4;
    }

    /** @return tick units 1, 2, 2.5, 5 × 10^k with this format, k in [-15, 15] */
    static TickUnitSource linearTickUnits() {
        TickUnits units = new TickUnits();
        double[] mantissas = {1, 2, 2.5, 5};
        int[] minor = {5, 4, 5, 5};
        for (int k = -15; k <= 15; k++) {
            for (int i = 0; i < mantissas.length; i++) {
                double s = mantissas[i] * Math.pow(10, k);
                units.add(new NumberTickUnit(s, new TickLabelFormat(s), minor[i]));
            }
        }
        return units;
    }

    @Override
    public StringBuffer format(double v, StringBuffer to, FieldPosition pos) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return to.append(v);
        }
        if (Math.abs(v) < size * 1e-6) {
            return to.append('0');
        }
        String s = scientific ? scientificText(v) : BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP)
                .toPlainString();
        return to.append(s.startsWith("-") ? MINUS + s.substring(1) : s);
    }

    private String scientificText(double v) {
        int e = (int) Math.floor(Math.log10(Math.abs(v)) + 1e-9);
        int p = (int) Math.floor(Math.log10(size) + 1e-9);
        int digits = Math.max(0, Math.min(6, e - p + 1));
        BigDecimal m = BigDecimal.valueOf(v / Math.pow(10, e)).setScale(digits, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        String mantissa = m.scale() < 0 ? m.setScale(0).toPlainString() : m.toPlainString();
        StringBuilder sb = new StringBuilder();
        if (!mantissa.equals("1") && !mantissa.equals("-1")) {
            sb.append(mantissa).append('\u00d7');
        } else if (mantissa.equals("-1")) {
            sb.append('-');
        }
        sb.append("10");
        String exp = Integer.toString(e);
        for (char c : exp.toCharArray()) {
            sb.append(c == '-' ? '\u207b' : SUPERSCRIPT_DIGITS[c - '0']);
        }
        return sb.toString();
    }

    @Override
    public StringBuffer format(long v, StringBuffer to, FieldPosition pos) {
        return format((double) v, to, pos);
    }

    @Override
    public Number parse(String source, ParsePosition pos) {
        throw new UnsupportedOperationException("tick labels are not parsed");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TickLabelFormat f && f.size == size;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(size);
    }
}
