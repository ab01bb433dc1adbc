package org.fluxion.effarea;

import java.util.Objects;

import org.fluxion.api.hist.Binning;

/**
 * What to compute: the true quantity, its columns, binning, weight column and zenith-band rule.
 * Immutable.
 *
 * @param quantity     name of the true quantity, carried into {@code EffectiveArea.quantity()}, e.g.
 *                     {@value #PROPAGATION_LENGTH} or {@value #SURFACE_ENERGY}; not blank
 * @param trueColumn   column of the true quantity in both samples (e.g. {@code true_length}, m;
 *                     {@code true_energy}, GeV)
 * @param zenithColumn column of the true zenith angle in the L0 sample, rad (e.g. {@code true_zenith})
 * @param unit         unit of the true quantity (of the binning's edges), e.g. {@code m} or {@code GeV}
 * @param binning      true bins
 * @param weightColumn flux-model weight column in both samples, Hz per event (e.g. {@code weight})
 * @param bands        zenith band of each bin
 */
public record EffectiveAreaSpec(String quantity, String trueColumn, String zenithColumn, String unit, Binning binning,
        String weightColumn, ZenithBands bands) {
    /** Quantity name of propagation-length effective areas (metres of ice). */
    public static final String PROPAGATION_LENGTH = "propagation_length";
    /** Quantity name of surface-energy effective areas (GeV). */
    public static final String SURFACE_ENERGY = "surface_energy";

    /** @throws IllegalArgumentException for a blank name; NullPointerException for a null component */
    public EffectiveAreaSpec {
        Objects.requireNonNull(binning, "binning");
        Objects.requireNonNull(bands, "bands");
        Objects.requireNonNull(unit, "unit");
        requireName("quantity", quantity);
        requireName("true column", trueColumn);
        requireName("zenith column", zenithColumn);
        requireName("weight column", weightColumn);
    }

    private static void requireName(String what, String v) {
        Objects.requireNonNull(v, what);
        if (v.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
    }

    /**
     * The propagation-length convention: columns {@code true_length}, {@code true_zenith}, weight
     * {@code weight}, unit m, bands of the synthetic detector geometry.
     */
    public static EffectiveAreaSpec propagationLength(Binning binning, double zenithMaxDeg) {
        return new EffectiveAreaSpec(PROPAGATION_LENGTH, "true_length", "true_zenith", "m", binning, "weight",
                ZenithBands.slantDepth(zenithMaxDeg));
    }

    /**
     * The surface-energy convention: columns {@code true_energy}, {@code true_zenith}, weight
     * {@code weight}, unit GeV, the full zenith range for every bin.
     */
    public static EffectiveAreaSpec surfaceEnergy(Binning binning, double zenithMaxDeg) {
        return new EffectiveAreaSpec(SURFACE_ENERGY, "true_energy", "true_zenith", "GeV", binning, "weight",
                ZenithBands.fullRange(zenithMaxDeg));
    }

    /** @return this spec with another weight column (e.g. another flux model for a systematic) */
    public EffectiveAreaSpec withWeightColumn(String column) {
        return new EffectiveAreaSpec(quantity, trueColumn, zenithColumn, unit, binning, column, bands);
    }

    /** @return the band of every bin, in bin order */
    public ZenithBand[] bandPerBin() {
        ZenithBand[] b = new ZenithBand[binning.bins()];
        for (int i = 0; i < b.length; i++) {
            try {
                b[i] = bands.band(binning.edge(i), binning.edge(i + 1));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(quantity + " bin " + i + " [" + binning.edge(i) + ", "
                        + binning.edge(i + 1) + "] " + unit + ": " + e.getMessage(), e);
            }
        }
        return b;
    }
}
