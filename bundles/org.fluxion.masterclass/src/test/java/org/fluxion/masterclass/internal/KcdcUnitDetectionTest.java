package org.fluxion.masterclass.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class KcdcUnitDetectionTest {

    @Test
    void medianEqualsTheSortedMiddleForOddAndEvenCountsAndSkipsNaN() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int n : new int[] { 1, 2, 3, 10, 11, 1000, 1001, 4097 }) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = rnd.nextInt(50) * 0.25; // many ties
            }
            double[] withNaN = Arrays.copyOf(v, n + 3);
            withNaN[n] = Double.NaN;
            withNaN[n + 1] = Double.POSITIVE_INFINITY;
            withNaN[n + 2] = Double.NaN;
            double[] s = v.clone();
            Arrays.sort(s);
            double expected = n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
            assertEquals(expected, KcdcUnitDetection.median(v), "n=" + n);
            assertEquals(expected, KcdcUnitDetection.median(withNaN), "n=" + n + " with NaN");
            if (n % 2 == 1) {
                assertEquals(expected > 5.0, KcdcUnitDetection.medianAbove(withNaN, 5.0), "n=" + n);
                assertEquals(true, KcdcUnitDetection.medianAbove(withNaN, expected - 1e-9), "n=" + n);
                assertEquals(false, KcdcUnitDetection.medianAbove(withNaN, expected), "n=" + n);
            }
        }
        assertTrue(Double.isNaN(KcdcUnitDetection.median(new double[] { Double.NaN })));
    }

    @Test
    void energiesAboveTenAreElectronvoltsBelowAreGigaelectronvolts() {
        assertEquals(KcdcUnitDetection.EnergyScale.LG_EV, KcdcUnitDetection.energyScale(15.2));
        assertEquals(KcdcUnitDetection.EnergyScale.LG_GEV, KcdcUnitDetection.energyScale(6.2));
        assertEquals(KcdcUnitDetection.EnergyScale.LG_GEV, KcdcUnitDetection.energyScale(10.0));
        assertEquals(9.0, KcdcUnitDetection.EnergyScale.LG_GEV.shiftToEv());
        assertEquals(KcdcUnitDetection.SizeScale.LG, KcdcUnitDetection.sizeScale(4.6));
        assertEquals(KcdcUnitDetection.SizeScale.LINEAR, KcdcUnitDetection.sizeScale(35000));
        assertThrows(IllegalArgumentException.class, () -> KcdcUnitDetection.energyScale(Double.NaN));
    }
}
