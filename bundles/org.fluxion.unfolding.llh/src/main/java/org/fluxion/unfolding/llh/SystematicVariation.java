package org.fluxion.unfolding.llh;

import java.util.List;
import java.util.Objects;

import org.fluxion.api.hist.ResponseMatrix;

/**
 * One systematic uncertainty given by varied MC samples: a nuisance parameter θ with a Gaussian
 * prior N(nominal, priorWidth), and for each varied value θ_k the response counts of an MC sample
 * simulated with θ = θ_k. The {@code llh} unfolder turns these into per-proxy-bin row factors
 * c_i(θ) (polynomials in θ − nominal with c_i(nominal) = 1, least-squares fits of the ratios of the
 * normalised proxy-bin counts of the varied and the nominal samples) that multiply row i of the
 * nominal response counts before column normalisation. Immutable; arrays are copied in and out.
 */
public final class SystematicVariation {
    private final String name;
    private final double nominal;
    private final double priorWidth;
    private final double[] values;
    private final List<ResponseMatrix> responses;
    private final int degree;

    /**
     * @param name       name of the systematic (non-blank; used in diagnostics as {@code theta_<name>})
     * @param nominal    θ of the nominal response (where all row factors are 1)
     * @param priorWidth σ of the Gaussian prior of θ around {@code nominal}, > 0
     * @param values     varied θ values, finite, distinct and different from {@code nominal}
     * @param responses  one response per varied value, with the problem's binnings (not null)
     * @param degree     polynomial degree of the row factors, 1 <= degree <= values.length
     * @throws IllegalArgumentException naming the offending argument and value
     */
    public SystematicVariation(String name, double nominal, double priorWidth, double[] values,
            List<ResponseMatrix> responses, int degree) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("systematic name must not be blank but was '" + name + "'");
        }
        this.name = name.strip();
        if (!Double.isFinite(nominal)) {
            throw new IllegalArgumentException("systematic '" + name + "': nominal must be finite but was " + nominal);
        }
        if (!(priorWidth > 0) || Double.isInfinite(priorWidth)) {
            throw new IllegalArgumentException("systematic '" + name + "': prior width must be finite and > 0 but was "
                    + priorWidth);
        }
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(responses, "responses");
        if (values.length != responses.size()) {
            throw new IllegalArgumentException("systematic '" + name + "': " + values.length + " values but "
                    + responses.size() + " responses");
        }
        if (degree < 1 || degree > values.length) {
            throw new IllegalArgumentException("systematic '" + name + "': degree must be in [1, " + values.length
                    + "] (number of varied values) but was " + degree);
        }
        for (int k = 0; k < values.length; k++) {
            if (!Double.isFinite(values[k]) || values[k] == nominal) {
                throw new IllegalArgumentException("systematic '" + name + "': value " + k + " must be finite and "
                        + "differ from the nominal " + nominal + " but was " + values[k]);
            }
            for (int l = 0; l < k; l++) {
                if (values[l] == values[k]) {
                    throw new IllegalArgumentException("systematic '" + name + "': values " + l + " and " + k
                            + " are both " + values[k]);
                }
            }
            Objects.requireNonNull(responses.get(k), "response " + k);
        }
        this.nominal = nominal;
        this.priorWidth = priorWidth;
        this.values = values.clone();
        this.responses = List.copyOf(responses);
        this.degree = degree;
    }

    /** @return the name */
    public String name() {
        return name;
    }

    /** @return θ of the nominal response */
    public double nominal() {
        return nominal;
    }

    /** @return σ of the Gaussian prior around the nominal */
    public double priorWidth() {
        return priorWidth;
    }

    /** @return the varied θ values (a copy) */
    public double[] values() {
        return values.clone();
    }

    /** @return the responses of the varied samples, in the order of {@link #values()} (unmodifiable) */
    public List<ResponseMatrix> responses() {
        return responses;
    }

    /** @return the polynomial degree of the row factors */
    public int degree() {
        return degree;
    }

    @Override
    public String toString() {
        return "SystematicVariation[" + name + ", nominal " + nominal + " ± " + priorWidth + ", " + values.length
                + " variations, degree " + degree + "]";
    }
}
