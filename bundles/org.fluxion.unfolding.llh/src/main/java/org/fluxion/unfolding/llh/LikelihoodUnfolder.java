package org.fluxion.unfolding.llh;

import java.util.List;
import java.util.Objects;

import org.fluxion.unfolding.api.RegularisationScan;
import org.fluxion.unfolding.api.Unfolder;
import org.fluxion.unfolding.api.UnfoldingContext;
import org.fluxion.unfolding.api.UnfoldingException;
import org.fluxion.unfolding.api.UnfoldingProblem;
import org.fluxion.unfolding.api.UnfoldingResult;
import org.fluxion.unfolding.llh.internal.LikelihoodUnfolding;

/**
 * The {@code llh} unfolder: Poisson likelihood λ = ε A(θ) f + b with a Tikhonov term on f·s or on
 * log10((f + o)·s), MAP by projected Newton with the inverse-Hessian covariance, optionally the
 * posterior sampled by an affine-invariant ensemble sampler (see {@link LlhSettings} and the
 * bundle README for the model and the τ convention).
 *
 * <p>Systematic uncertainties given by varied MC samples are not part of the unfolder SPI yet; pass
 * them with {@link #withSystematics(List)}. Immutable and thread-safe: one instance may unfold
 * several problems concurrently.
 */
public final class LikelihoodUnfolder implements Unfolder {
    private final LlhSettings settings;
    private final List<SystematicVariation> systematics;

    private LikelihoodUnfolder(LlhSettings settings, List<SystematicVariation> systematics) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.systematics = List.copyOf(systematics);
    }

    /** @return an unfolder for these settings, without systematics */
    public static LikelihoodUnfolder of(LlhSettings settings) {
        return new LikelihoodUnfolder(settings, List.of());
    }

    /**
     * @param variations systematics whose θ become nuisance parameters (names unique; responses with
     *                   the binnings of the problems to unfold); empty for none
     * @return a copy with these systematics
     */
    public LikelihoodUnfolder withSystematics(List<SystematicVariation> variations) {
        return new LikelihoodUnfolder(settings, variations);
    }

    /** @return the settings */
    public LlhSettings settings() {
        return settings;
    }

    /** @return the systematics (unmodifiable) */
    public List<SystematicVariation> systematics() {
        return systematics;
    }

    @Override
    public UnfoldingResult unfold(UnfoldingProblem problem, UnfoldingContext context) throws UnfoldingException {
        return new LikelihoodUnfolding(settings, systematics, problem, context).unfold();
    }

    @Override
    public RegularisationScan scan(UnfoldingProblem problem, UnfoldingContext context, double min, double max,
            int steps) throws UnfoldingException {
        return new LikelihoodUnfolding(settings, systematics, problem, context).scan(min, max, steps);
    }
}
