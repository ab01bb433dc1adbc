package org.fluxion.systematics;

import java.util.Arrays;
import java.util.Objects;

import org.fluxion.api.hist.Binning;

/**
 * A relative systematic uncertainty per true bin of a flux (e.g. 0.05 = 5 % of the flux in that
 * bin), symmetric, from the spread of per-sector fluxes around the full-detector flux. Immutable;
 * arrays are copied in and out; thread-safe.
 */
public final class SystematicBand {
    private final String quantity;
    private final String unit;
    private final Binning binning;
    private final double[] relative;
    private final String definition;

    private SystematicBand(String quantity, String unit, Binning binning, double[] relative, String definition) {
        this.quantity = quantity;
        this.unit = unit;
        this.binning = binning;
        this.relative = relative;
        this.definition = definition;
    }

    /**
     * @param quantity   name of the true quantity (e.g. {@code range}), not null
     * @param unit       unit of the binning's edges (e.g. {@code m}), not null
     * @param binning    the true bins, not null
     * @param relative   relative uncertainty per bin, finite and &gt;= 0 (copied)
     * @param definition how the band was derived (one sentence), not null
     * @throws IllegalArgumentException naming the bin and value of a negative or non-finite entry,
     *                                  or a length that differs from the number of bins
     */
    public static SystematicBand of(String quantity, String unit, Binning binning, double[] relative, String definition) {
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(binning, "binning");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(relative, "relative");
        if (relative.length != binning.bins()) {
            throw new IllegalArgumentException("binning has " + binning.bins() + " bins but got " + relative.length
                    + " relative uncertainties");
        }
        for (int i = 0; i < relative.length; i++) {
            if (!(relative[i] >= 0) || Double.isInfinite(relative[i])) {
                throw new IllegalArgumentException("relative uncertainty of bin " + i + " must be finite and >= 0 but was "
                        + relative[i]);
            }
        }
        return new SystematicBand(quantity, unit, binning, relative.clone(), definition);
    }

    /** @return name of the true quantity */
    public String quantity() {
        return quantity;
    }

    /** @return unit of the bin edges */
    public String unit() {
        return unit;
    }

    /** @return the true bins */
    public Binning binning() {
        return binning;
    }

    /** @return relative uncertainty per bin (a copy) */
    public double[] relative() {
        return relative.clone();
    }

    /** @return relative uncertainty of bin i */
    public double relative(int i) {
        return relative[i];
    }

    /** @return how the band was derived */
    public String definition() {
        return definition;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SystematicBand b && quantity.equals(b.quantity) && unit.equals(b.unit)
                && binning.equals(b.binning) && Arrays.equals(relative, b.relative) && definition.equals(b.definition);
    }

    @Override
    public int hashCode() {
        return Objects.hash(quantity, binning, Arrays.hashCode(relative));
    }

    @Override
    public String toString() {
        return "SystematicBand[" + quantity + " [" + unit + "], " + binning + ", " + Arrays.toString(relative) + "]";
    }
}
