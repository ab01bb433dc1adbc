package org.fluxion.io.text.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class FieldScannerTest {
    private static double parse(String s) {
        byte[] b = ("  " + s + "  ").getBytes(StandardCharsets.ISO_8859_1);
        return FieldScanner.parseDouble(b, 2, 2 + s.length());
    }

    private static void assertSameAsJdk(String s) {
        double expected = Double.parseDouble(s);
        double got = parse(s);
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(got),
                "'" + s + "': expected " + expected + " but got " + got);
    }

    @Test
    void edgeCasesEqualDoubleParseDouble() {
        for (String s : new String[] {"0", "-0", "+0", "0.0", "-0.0", "00012.5000", ".5", "5.", "-.5", "+5.", "1e5",
                "1E5", "1e+5", "1e-5", "-1.5e-3", "+1.5", "1e22", "1e23", "1e-22", "1e-23", "123456789012345",
                "1234567890123456", "12345678901234567890123", "9007199254740993", "0.1", "0.2", "0.3",
                "4.9e-324", "2e-324", "1.7976931348623157e308", "1.8e308", "2.2250738585072011e-308",
                "2.2250738585072012e-308", "0.000000000000000000000000000001", "100000000000000000000000",
                "1e400", "-1e400", "1e-400", "3.14159265358979323846", "14.69036", "3.93701", "31.493",
                "1e0000000000000000000000000005", "0e99999", "1.00000000000000000000000000001"}) {
            assertSameAsJdk(s);
        }
    }

    @Test
    void nanAndInfinityWordsAreAccepted() {
        assertEquals(Double.NaN, parse("nan"));
        assertEquals(Double.NaN, parse("NaN"));
        assertEquals(Double.NaN, parse("-NAN"));
        assertEquals(Double.POSITIVE_INFINITY, parse("inf"));
        assertEquals(Double.POSITIVE_INFINITY, parse("+Infinity"));
        assertEquals(Double.NEGATIVE_INFINITY, parse("-INF"));
    }

    @Test
    void malformedFieldsAreRejected() {
        for (String s : new String[] {"", ".", "+", "-", "e5", "1e", "1e+", "1e-", "0x1p3", "1d", "1f", "1 2", "abc",
                "--1", "1..2", "1.2.3", "1e5.5", "infinit", "nana", "1,5", "١"}) {
            assertThrows(FieldScanner.Malformed.class, () -> parse(s), "'" + s + "' must be rejected");
        }
    }

    @Test
    void randomDoublesRoundTrip() {
        SplittableRandom rng = new SplittableRandom(7);
        for (int i = 0; i < 300_000; i++) {
            double v = Double.longBitsToDouble(rng.nextLong());
            if (Double.isFinite(v)) {
                assertSameAsJdk(Double.toString(v));
            }
            assertSameAsJdk(Double.toString(rng.nextDouble() * Math.pow(10, rng.nextInt(-30, 30))));
        }
    }

    @Test
    void randomDecimalStringsEqualDoubleParseDouble() {
        SplittableRandom rng = new SplittableRandom(11);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 500_000; i++) {
            sb.setLength(0);
            int sign = rng.nextInt(3);
            if (sign == 1) {
                sb.append('-');
            } else if (sign == 2) {
                sb.append('+');
            }
            int intDigits = rng.nextInt(0, 12);
            int fracDigits = rng.nextInt(intDigits == 0 ? 1 : 0, 14);
            for (int k = 0; k < intDigits; k++) {
                sb.append((char) ('0' + rng.nextInt(10)));
            }
            if (fracDigits > 0 || rng.nextBoolean()) {
                sb.append('.');
            }
            for (int k = 0; k < fracDigits; k++) {
                sb.append((char) ('0' + rng.nextInt(10)));
            }
            if (rng.nextInt(4) == 0) {
                sb.append(rng.nextBoolean() ? 'e' : 'E');
                int e = rng.nextInt(-40, 40);
                sb.append(e < 0 || rng.nextBoolean() ? Integer.toString(e) : "+" + e);
            }
            assertSameAsJdk(sb.toString());
        }
    }

    @Test
    void integers() {
        byte[] b = "0 -17 +42 9223372036854775807 -9223372036854775808 9223372036854775808 1.0 - ".getBytes();
        assertEquals(0, FieldScanner.parseLong(b, 0, 1));
        assertEquals(-17, FieldScanner.parseLong(b, 2, 5));
        assertEquals(42, FieldScanner.parseLong(b, 6, 9));
        assertEquals(Long.MAX_VALUE, FieldScanner.parseLong(b, 10, 29));
        assertEquals(Long.MIN_VALUE, FieldScanner.parseLong(b, 30, 50));
        assertThrows(FieldScanner.Malformed.class, () -> FieldScanner.parseLong(b, 51, 70));
        assertThrows(FieldScanner.Malformed.class, () -> FieldScanner.parseLong(b, 71, 74));
        assertThrows(FieldScanner.Malformed.class, () -> FieldScanner.parseLong(b, 75, 76));
    }

    @Test
    void timestampsEqualJavaTime() {
        SplittableRandom rng = new SplittableRandom(3);
        for (int i = 0; i < 50_000; i++) {
            long t = rng.nextLong(-5_000_000_000L, 8_000_000_000L);
            LocalDateTime d = LocalDateTime.ofEpochSecond(t, 0, ZoneOffset.UTC);
            String s = String.format("%04d-%02d-%02d%s%02d:%02d:%02d%s", d.getYear(), d.getMonthValue(),
                    d.getDayOfMonth(), rng.nextBoolean() ? " " : "T", d.getHour(), d.getMinute(), d.getSecond(),
                    rng.nextBoolean() ? "Z" : "");
            byte[] b = s.getBytes(StandardCharsets.US_ASCII);
            assertEquals(t, FieldScanner.parseTimestamp(b, 0, b.length), s);
        }
        byte[] day = "2004-02-29".getBytes();
        assertEquals(LocalDateTime.of(2004, 2, 29, 0, 0).toEpochSecond(ZoneOffset.UTC),
                FieldScanner.parseTimestamp(day, 0, day.length));
        for (String bad : new String[] {"2005-02-29", "2004-13-01", "2004-01-01 24:00:00", "2004-01-01 12:60:00",
                "2004/01/01", "2004-1-01 00:00:00", "04-01-01", "2004-01-01 00:00"}) {
            byte[] b = bad.getBytes();
            assertThrows(FieldScanner.Malformed.class, () -> FieldScanner.parseTimestamp(b, 0, b.length), bad);
        }
    }
}
