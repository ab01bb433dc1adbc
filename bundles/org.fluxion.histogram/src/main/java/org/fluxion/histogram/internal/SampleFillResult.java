package org.fluxion.histogram.internal;

import org.fluxion.api.hist.Histogram;
import org.fluxion.api.hist.Histogram2D;

/**
 * What {@link SampleFill} produced for one sample: the row counts of the cut flow and, per
 * histogram and group level, the filled histogram. Immutable (the arrays are never exposed).
 */
final class SampleFillResult {
    private final long rows;
    private final long[] passed;
    private final Histogram[][] h1;
    private final Histogram2D[][] h2;

    SampleFillResult(long rows, long[] passed, Histogram[][] h1, Histogram2D[][] h2) {
        this.rows = rows;
        this.passed = passed.clone();
        this.h1 = h1;
        this.h2 = h2;
    }

    /** @return rows of the sample before any cut */
    long rows() {
        return rows;
    }

    /** @return number of range cuts */
    int cutCount() {
        return passed.length;
    }

    /** @return rows passing cuts 0..c (the cut flow after cut {@code c}) */
    long passed(int c) {
        return passed[c];
    }

    /** @return rows passing every cut (all rows if there are none) */
    long selected() {
        return passed.length == 0 ? rows : passed[passed.length - 1];
    }

    /** @return number of levels of 1-D histogram {@code i} (1 without {@code group_by}) */
    int levels1D(int i) {
        return h1[i].length;
    }

    /** @return 1-D histogram {@code i} of group level {@code level} (level 0 without {@code group_by}) */
    Histogram histogram(int i, int level) {
        return h1[i][level];
    }

    /** @return 1-D histogram {@code i} summed over its group levels, added in level order */
    Histogram total(int i) {
        Histogram sum = h1[i][0];
        for (int l = 1; l < h1[i].length; l++) {
            sum = sum.plus(h1[i][l]);
        }
        return sum;
    }

    /** @return number of levels of 2-D histogram {@code i} */
    int levels2D(int i) {
        return h2[i].length;
    }

    /** @return 2-D histogram {@code i} of group level {@code level} */
    Histogram2D histogram2D(int i, int level) {
        return h2[i][level];
    }

    /** @return 2-D histogram {@code i} summed over its group levels, added in level order */
    Histogram2D total2D(int i) {
        Histogram2D sum = h2[i][0];
        for (int l = 1; l < h2[i].length; l++) {
            sum = sum.plus(h2[i][l]);
        }
        return sum;
    }
}
