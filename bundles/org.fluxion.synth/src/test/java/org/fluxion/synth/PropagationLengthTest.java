package org.fluxion.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PropagationLengthTest {
    @Test
    void verticalIsTheDepth() {
        for (double z : new double[] { -500, 0, 500 }) {
            assertEquals(1950 - z, PropagationLength.metres(0, z), 1e-9);
        }
    }

    @Test
    void curvedFormulaMatchesTheClosedFormAndIsNearDepthOverCosBelow80Degrees() {
        double re = PropagationLength.EARTH_RADIUS_M;
        for (double deg = 0; deg <= 89; deg += 1) {
            double t = Math.toRadians(deg);
            for (double z : new double[] { -500, 0, 500 }) {
                double r = re - 1950 + z;
                double naive = -r * Math.cos(t) + Math.sqrt(re * re - r * r * Math.sin(t) * Math.sin(t));
                double l = PropagationLength.metres(t, z);
                assertEquals(naive, l, 1e-6, "θ=" + deg + " z=" + z);
                double flat = (1950 - z) / Math.cos(t);
                assertTrue(l <= flat + 1e-6, "the curved path is never longer than depth/cosθ");
                if (deg <= 80) {
                    assertEquals(flat, l, 0.02 * flat, "θ=" + deg + " z=" + z);
                }
                if (deg <= 60) {
                    assertEquals(flat, l, 1e-3 * flat, "θ=" + deg + " z=" + z);
                }
            }
        }
    }

    @Test
    void stopZInvertsTheLength() {
        for (double deg = 0; deg <= 89; deg += 4) {
            double t = Math.toRadians(deg);
            for (double z : new double[] { -14000, -500, 0, 480, 1500 }) {
                double l = PropagationLength.metres(t, z);
                assertEquals(z, PropagationLength.stopZ(t, l), 1e-6, "θ=" + deg + " z=" + z);
            }
        }
    }
}
