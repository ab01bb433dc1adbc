package org.fluxion.plot.internal;

import java.awt.Color;

/**
 * Colour cycle of the plots: the Okabe–Ito palette (distinguishable with the common forms of colour
 * blindness), without its yellow, which is unreadable on white. Point-like series (data) take black
 * first. Not thread-safe: one instance per panel being built.
 */
final class SeriesPalette {
    private static final Color[] CYCLE = {
        new Color(0x00, 0x72, 0xB2), // blue
        new Color(0xD5, 0x5E, 0x00), // vermillion
        new Color(0x00, 0x9E, 0x73), // bluish green
        new Color(0xE6, 0x9F, 0x00), // orange
        new Color(0xCC, 0x79, 0xA7), // reddish purple
        new Color(0x56, 0xB4, 0xE9), // sky blue
    };
    /** Colour of the first point-like series (data points are black by convention). */
    static final Color DATA = Color.BLACK;

    private int next;
    private boolean dataTaken;

    /** @return the next colour of the cycle */
    Color nextLine() {
        Color c = CYCLE[next % CYCLE.length];
        next++;
        return c;
    }

    /** @return black for the first point-like series, then the cycle */
    Color nextPoints() {
        if (!dataTaken) {
            dataTaken = true;
            return DATA;
        }
        return nextLine();
    }

    /** @return {@code c} mixed with white; {@code amount} 0 keeps c, 1 gives white */
    static Color lighter(Color c, double amount) {
        int r = (int) Math.round(c.getRed() + (255 - c.getRed()) * amount);
        int g = (int) Math.round(c.getGreen() + (255 - c.getGreen()) * amount);
        int b = (int) Math.round(c.getBlue() + (255 - c.getBlue()) * amount);
        return new Color(r, g, b);
    }

    /** @return {@code c} with the given opacity */
    static Color translucent(Color c, float alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), Math.round(alpha * 255));
    }
}
