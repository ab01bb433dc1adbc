package org.fluxion.io.text.internal;

import java.nio.charset.StandardCharsets;

/**
 * Byte-level parsers for one field of a text line: decimal floating-point numbers, integers and
 * UTC timestamps. Each parser consumes the field [start, end) completely or reports it malformed.
 * Stateless and thread-safe.
 *
 * <p>Numbers: {@code [+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?}, plus
 * {@code nan}, {@code inf}, {@code infinity} in any case with an optional sign. Values with at most 15
 * significant digits and a decimal exponent within ±22 are computed exactly (one correctly rounded
 * multiplication or division of two exactly representable doubles); everything else goes through
 * {@link Double#parseDouble}, so the result always equals {@code Double.parseDouble} of the field.
 * Not accepted: empty fields, hexadecimal, Java's {@code d}/{@code f} suffixes, inner whitespace.
 */
public final class FieldScanner {
    /** Returned by {@link #parseLong} and friends' callers as "malformed"; a parse failure signal. */
    static final class Malformed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final Malformed INSTANCE = new Malformed();

        private Malformed() {
            super("malformed field", null, false, false);
        }
    }

    private static final double[] POW10 = new double[23];

    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

    private FieldScanner() {
    }

    /**
     * Parses a decimal number.
     *
     * @throws Malformed if the field does not follow the grammar
     */
    public static double parseDouble(byte[] b, int start, int end) {
        int i = start;
        if (i >= end) {
            throw Malformed.INSTANCE;
        }
        boolean negative = false;
        byte c = b[i];
        if (c == '-' || c == '+') {
            negative = c == '-';
            i++;
        }
        long mantissa = 0;
        int significant = 0;
        int exp10 = 0;
        boolean truncated = false;
        int digitsStart = i;
        while (i < end) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                break;
            }
            if (significant < 19) {
                if (mantissa != 0 || d != 0) {
                    mantissa = mantissa * 10 + d;
                    significant++;
                }
            } else {
                exp10++;
                truncated = true;
            }
            i++;
        }
        int intDigits = i - digitsStart;
        int fracDigits = 0;
        if (i < end && b[i] == '.') {
            i++;
            int fracStart = i;
            while (i < end) {
                int d = b[i] - '0';
                if (d < 0 || d > 9) {
                    break;
                }
                if (significant < 19) {
                    if (mantissa != 0 || d != 0) {
                        mantissa = mantissa * 10 + d;
                        significant++;
                    }
                    exp10--;
                } else {
                    truncated = true;
                }
                i++;
            }
            fracDigits = i - fracStart;
        }
        if (intDigits + fracDigits == 0) {
            return parseWord(b, start, end, negative);
        }
        if (i < end && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            boolean expNegative = false;
            if (i < end && (b[i] == '-' || b[i] == '+')) {
                expNegative = b[i] == '-';
                i++;
            }
            int expStart = i;
            int e = 0;
            while (i < end) {
                int d = b[i] - '0';
                if (d < 0 || d > 9) {
                    break;
                }
                if (e < 100_000) {
                    e = e * 10 + d;
                }
                i++;
            }
            if (i == expStart) {
                throw Malformed.INSTANCE;
            }
            exp10 += expNegative ? -e : e;
        }
        if (i != end) {
            throw Malformed.INSTANCE;
        }
        if (mantissa == 0 && !truncated) {
            return negative ? -0.0 : 0.0;
        }
        if (!truncated && significant <= 15 && exp10 >= -22 && exp10 <= 22) {
            double v = mantissa;
            v = exp10 < 0 ? v / POW10[-exp10] : v * POW10[exp10];
            return negative ? -v : v;
        }
        return Double.parseDouble(new String(b, start, end - start, StandardCharsets.ISO_8859_1));
    }

    private static double parseWord(byte[] b, int start, int end, boolean negative) {
        int i = start;
        if (b[i] == '-' || b[i] == '+') {
            i++;
        }
        int n = end - i;
        if (n == 3 && lower(b[i]) == 'n' && lower(b[i + 1]) == 'a' && lower(b[i + 2]) == 'n') {
            return Double.NaN;
        }
        if ((n == 3 || n == 8) && matches(b, i, end, "infinity")) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        throw Malformed.INSTANCE;
    }

    private static boolean matches(byte[] b, int from, int to, String word) {
        for (int k = 0; k < to - from; k++) {
            if (lower(b[from + k]) != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static int lower(byte c) {
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    }

    /**
     * Parses a decimal integer {@code [+-]?digits}.
     *
     * @throws Malformed if not an integer or outside the long range
     */
    public static long parseLong(byte[] b, int start, int end) {
        int i = start;
        if (i >= end) {
            throw Malformed.INSTANCE;
        }
        boolean negative = false;
        if (b[i] == '-' || b[i] == '+') {
            negative = b[i] == '-';
            i++;
        }
        if (i >= end) {
            throw Malformed.INSTANCE;
        }
        long v = 0; // accumulated negatively to reach Long.MIN_VALUE
        for (; i < end; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                throw Malformed.INSTANCE;
            }
            if (v < (Long.MIN_VALUE + d) / 10) {
                throw Malformed.INSTANCE;
            }
            v = v * 10 - d;
        }
        if (!negative) {
            if (v == Long.MIN_VALUE) {
                throw Malformed.INSTANCE;
            }
            v = -v;
        }
        return v;
    }

    /**
     * Parses {@code YYYY-MM-DD}, {@code YYYY-MM-DD HH:MM:SS} or {@code YYYY-MM-DDTHH:MM:SS}, each
     * optionally followed by {@code Z}, as UTC.
     *
     * @return seconds since 1970-01-01T00:00:00Z
     * @throws Malformed if the field is not such a timestamp or names an impossible date or time
     */
    public static long parseTimestamp(byte[] b, int start, int end) {
        int n = end - start;
        if (n > 0 && b[end - 1] == 'Z') {
            n--;
        }
        if (n != 10 && n != 19) {
            throw Malformed.INSTANCE;
        }
        int year = digits(b, start, 4);
        if (b[start + 4] != '-' || b[start + 7] != '-') {
            throw Malformed.INSTANCE;
        }
        int month = digits(b, start + 5, 2);
        int day = digits(b, start + 8, 2);
        if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
            throw Malformed.INSTANCE;
        }
        long seconds = 0;
        if (n == 19) {
            byte sep = b[start + 10];
            if ((sep != ' ' && sep != 'T') || b[start + 13] != ':' || b[start + 16] != ':') {
                throw Malformed.INSTANCE;
            }
            int h = digits(b, start + 11, 2), m = digits(b, start + 14, 2), s = digits(b, start + 17, 2);
            if (h > 23 || m > 59 || s > 59) {
                throw Malformed.INSTANCE;
            }
            seconds = h * 3600L + m * 60L + s;
        }
        return daysFromCivil(year, month, day) * 86400L + seconds;
    }

    /** @return whether the field is a timestamp {@link #parseTimestamp} accepts */
    public static boolean isTimestamp(byte[] b, int start, int end) {
        try {
            parseTimestamp(b, start, end);
            return true;
        } catch (Malformed e) {
            return false;
        }
    }

    /** @return whether the field is a number {@link #parseDouble} accepts */
    public static boolean isNumber(byte[] b, int start, int end) {
        try {
            parseDouble(b, start, end);
            return true;
        } catch (Malformed e) {
            return false;
        }
    }

    private static int digits(byte[] b, int at, int count) {
        int v = 0;
        for (int k = 0; k < count; k++) {
            int d = b[at + k] - '0';
            if (d < 0 || d > 9) {
                throw Malformed.INSTANCE;
            }
            v = v * 10 + d;
        }
        return v;
    }

    private static int daysInMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
    static long daysFromCivil(int year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + doe - 719468;
    }
}
