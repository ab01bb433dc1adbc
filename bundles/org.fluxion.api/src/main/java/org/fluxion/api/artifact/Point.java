package org.fluxion.api.artifact;

/**
 * A data point with asymmetric errors (0 for none).
 *
 * @param x       abscissa
 * @param y       ordinate
 * @param xErr    half-width of the horizontal error bar, >= 0
 * @param yErrLow  downward error, >= 0
 * @param yErrHigh upward error, >= 0
 */
public record Point(double x, double y, double xErr, double yErrLow, double yErrHigh) {
    public Point {
        if (xErr < 0 || yErrLow < 0 || yErrHigh < 0) {
            throw new IllegalArgumentException("errors must be >= 0 but were xErr=" + xErr + ", yErrLow=" + yErrLow
                    + ", yErrHigh=" + yErrHigh);
        }
    }

    /** @return a point without errors */
    public static Point of(double x, double y) {
        return new Point(x, y, 0, 0, 0);
    }

    /** @return a point with a symmetric y error */
    public static Point of(double x, double y, double yErr) {
        return new Point(x, y, 0, yErr, yErr);
    }
}
