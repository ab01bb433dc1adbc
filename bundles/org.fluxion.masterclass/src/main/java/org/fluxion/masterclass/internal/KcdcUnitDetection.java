package org.fluxion.masterclass.internal;

/**
 * Decides the convention a KCDC column is written in from the median of its finite values
 * (PHYSICS.md §5): energies as lg(E/eV) if the median is above 10, else lg(E/GeV); shower sizes as
 * their lg if the median is below 100, else as the numbers themselves. Stateless and thread-safe.
 */
final class KcdcUnitDetection {
    private KcdcUnitDetection() {
    }

    /** How an energy column is written. */
    enum EnergyScale {
        /** lg(E/eV): kept as is. */
        LG_EV("lg(E/eV)", 0.0),
        /** lg(E/GeV): 9 is added to give lg(E/eV). */
        LG_GEV("lg(E/GeV)", 9.0);

        private final String unit;
        private final double shiftToEv;

        EnergyScale(String unit, double shiftToEv) {
            this.unit = unit;
            this.shiftToEv = shiftToEv;
        }

        /** @return the unit text, e.g. "lg(E/GeV)" */
        String unit() {
            return unit;
        }

        /** @return what to add to a value to get lg(E/eV) */
        double shiftToEv() {
            return shiftToEv;
        }
    }

    /** How a shower-size column is written. */
    enum SizeScale {
        /** lg(N): kept as is. */
        LG,
        /** N itself: replaced by lg10(N). */
        LINEAR
    }

    /**
     * @param median median of the column (see {@link #median})
     * @return the energy convention: {@link EnergyScale#LG_EV} if median > 10
     * @throws IllegalArgumentException if the median is NaN (no finite value)
     */
    static EnergyScale energyScale(double median) {
        if (Double.isNaN(median)) {
            throw new IllegalArgumentException("no finite value to decide the energy unit from");
        }
        return median > ShowerSample.EV_MEDIAN_THRESHOLD ? EnergyScale.LG_EV : EnergyScale.LG_GEV;
    }

    /**
     * @param median median of the column
     * @return the size convention: {@link SizeScale#LINEAR} if median > 100
     * @throws IllegalArgumentException if the median is NaN (no finite value)
     */
    static SizeScale sizeScale(double median) {
        if (Double.isNaN(median)) {
            throw new IllegalArgumentException("no finite value to decide the size convention from");
        }
        return median > ShowerSample.LINEAR_SIZE_MEDIAN_THRESHOLD ? SizeScale.LINEAR : SizeScale.LG;
    }

    /**
     * Whether more than half of the finite values exceed {@code threshold}, i.e. (up to the averaging
     * of the two middle values for an even count) whether the median does: one pass, no copy, for the
     * checks that run on every analysis step.
     *
     * @param values not modified, not null
     * @return false if there is no finite value
     */
    static boolean medianAbove(double[] values, double threshold) {
        long finite = 0, above = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                finite++;
                if (v > threshold) {
                    above++;
                }
            }
        }
        return 2 * above > finite;
    }

    /**
     * The median of the finite values (the mean of the two middle ones for an even count), by
     * selection on a copy in O(n). Deterministic.
     *
     * @param values not modified, not null
     * @return the median, or NaN if there is no finite value
     */
    static double median(double[] values) {
        double[] a = new double[values.length];
        int n = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                a[n++] = v;
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        int k = (n - 1) / 2;
        double lower = select(a, 0, n - 1, k);
        if (n % 2 == 1) {
            return lower;
        }
        // the upper middle value is the smallest of the elements right of k after selection
        double upper = Double.POSITIVE_INFINITY;
        for (int i = k + 1; i < n; i++) {
            upper = Math.min(upper, a[i]);
        }
        return 0.5 * (lower + upper);
    }

    /** Hoare selection with median-of-three pivots: afterwards a[k] is in place, smaller left, larger right. */
    private static double select(double[] a, int lo, int hi, int k) {
        while (hi > lo) {
            int mid = (lo + hi) >>> 1;
            double pivot = medianOf3(a[lo], a[mid], a[hi]);
            int i = lo, j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return a[k];
            }
        }
        return a[k];
    }

    private static double medianOf3(double x, double y, double z) {
        return Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
    }
}
