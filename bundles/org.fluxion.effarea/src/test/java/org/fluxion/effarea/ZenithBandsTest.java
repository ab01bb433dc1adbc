package org.fluxion.effarea;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fluxion.api.hist.Binning;
import org.fluxion.synth.PropagationLength;
import org.junit.jupiter.api.Test;

class ZenithBandsTest {
    private final ZenithBands.SlantDepth geometry = ZenithBands.slantDepth(85);

    @Test
    void slantDepthMatchesTheGeneratorAndTheFlatEarthLimit() {
        for (double deg = 0; deg <= 85; deg += 5) {
            for (double z = -500; z <= 500; z += 250) {
                double th = Math.toRadians(deg);
                double l = geometry.slantDepthMetres(th, z);
                assertEquals(PropagationLength.metres(th, z), l, 1e-9 * l, deg + " deg, z " + z);
                // direct evaluation of -r cos + sqrt(R² - r² sin²)
                double r = 6_371_000 - (1950 - z);
                double direct = -r * Math.cos(th) + Math.sqrt(6_371_000.0 * 6_371_000.0 - r * r * Math.sin(th) * Math.sin(th));
                assertEquals(direct, l, 1e-6 * l);
                if (deg <= 30) {
                    assertEquals((1950 - z) / Math.cos(th), l, 1e-3 * l, "flat-Earth limit at " + deg + " deg");
                }
                assertEquals(Math.cos(th), geometry.cosZenith(l, z), 1e-9);
            }
        }
    }

    /**
     * Brute force: θ contributes to [L_lo, L_hi] iff some z in [−h, h] has L(θ, z) in the bin;
     * scanning θ and z on fine grids reproduces the band edges.
     */
    @Test
    void bandEdgesAgreeWithDirectScan() {
        Binning b = Binning.log10(12, 1500, 15000);
        for (int i = 0; i < b.bins(); i++) {
            ZenithBand band = geometry.band(b.edge(i), b.edge(i + 1));
            double first = Double.NaN, last = Double.NaN;
            for (double deg = 0; deg <= 85; deg += 0.02) {
                double th = Math.toRadians(deg);
                boolean reaches = false;
                for (double z = -500; z <= 500 && !reaches; z += 10) {
                    double l = geometry.slantDepthMetres(th, z);
                    reaches = l >= b.edge(i) && l <= b.edge(i + 1);
                }
                if (reaches) {
                    if (Double.isNaN(first)) {
                        first = deg;
                    }
                    last = deg;
                }
            }
            assertEquals(first, band.zenithMinDeg(), 0.05, "bin " + i + " theta_min");
            assertEquals(last, band.zenithMaxDeg(), 0.05, "bin " + i + " theta_max");
        }
        // the first bin starts vertically (1500 m < 2450 m, the vertical depth of z = -h)
        assertEquals(1.0, geometry.band(1500, 1800).cosZenithHigh(), 0);
        // beyond L(85 deg, +h) the band is cut at 85 deg
        double l85 = geometry.slantDepthMetres(Math.toRadians(85), 500);
        assertEquals(Math.cos(Math.toRadians(85)), geometry.band(12000, l85 * 1.01).cosZenithLow(), 1e-15);
        assertTrue(geometry.band(12000, l85 * 0.99).cosZenithLow() > Math.cos(Math.toRadians(85)));
    }

    @Test
    void fullRangeSolidAngleIsTheGeneratedOne() {
        ZenithBand band = ZenithBands.fullRange(85).band(300, 1e5);
        assertEquals(2 * Math.PI * (1 - Math.cos(Math.toRadians(85))), band.solidAngleSr(), 1e-12);
        assertEquals(5.736, band.solidAngleSr(), 5e-4);
        assertTrue(band.contains(1.0) && !band.contains(Math.cos(Math.toRadians(86))));
    }
}
