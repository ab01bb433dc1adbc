package org.fluxion.synth.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class AsciiRecordBufferTest {
    @Test
    void fixedDecimalsMatchBigDecimalRounding() {
        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < 100_000; i++) {
            double v = (rng.nextDouble() - 0.5) * Math.pow(10, rng.nextInt(9));
            int d = 1 + rng.nextInt(6);
            String got = new AsciiRecordBuffer(8).putFixed(v, d).toString();
            // Math.round rounds half up on the scaled double; compare with the scaled value's rounding
            long scaled = Math.round(v * Math.pow(10, d));
            String expected = BigDecimal.valueOf(scaled).movePointLeft(d).setScale(d, RoundingMode.UNNECESSARY)
                    .toPlainString();
            if (scaled == 0) {
                expected = "0." + "0".repeat(d);
            }
            assertEquals(expected, got, "value " + v + " with " + d + " decimals");
        }
    }

    @Test
    void integersAndPadding() {
        assertEquals("0 -7 1234567890123 007", new AsciiRecordBuffer(1).putLong(0).put(' ').putLong(-7).put(' ')
                .putLong(1234567890123L).put(' ').putPadded(7, 3).toString());
        assertEquals("0.00", new AsciiRecordBuffer(1).putFixed(-0.001, 2).toString());
    }

    @Test
    void dateTimesMatchJavaTime() {
        DateTimeFormatter fmt = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        SplittableRandom rng = new SplittableRandom(2);
        for (int i = 0; i < 20_000; i++) {
            long t = rng.nextLong(-2_000_000_000L, 4_000_000_000L);
            assertEquals(LocalDateTime.ofEpochSecond(t, 0, ZoneOffset.UTC).format(fmt),
                    new AsciiRecordBuffer(4).putDateTime(t).toString(), "epoch second " + t);
        }
    }
}
