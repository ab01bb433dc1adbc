package org.fluxion.unfolding.llh.internal;

import org.fluxion.unfolding.api.Unfolder;
import org.fluxion.unfolding.api.UnfolderDescriptor;
import org.fluxion.unfolding.api.UnfolderProvider;
import org.fluxion.unfolding.llh.LikelihoodUnfolder;
import org.fluxion.unfolding.llh.LlhSettings;
import org.osgi.service.component.annotations.Component;

/** DS service for the {@code llh} unfolder. Stateless and thread-safe. */
@Component(service = UnfolderProvider.class, property = UnfolderProvider.UNFOLDER_ID + "="
        + LikelihoodUnfolding.METHOD)
public final class LlhUnfolderProvider implements UnfolderProvider<LlhSettings> {
    private static final UnfolderDescriptor<LlhSettings> DESCRIPTOR = new UnfolderDescriptor<>(
            LikelihoodUnfolding.METHOD, "Likelihood unfolding (Poisson + Tikhonov, MAP / MCMC)",
            "Poisson likelihood of lambda = eps A(theta) f + b with a Tikhonov term on f*s or log10((f + offset)*s) "
                    + "(tau in funfolding's inverse-strength convention); MAP by projected Newton with "
                    + "inverse-Hessian errors, or the posterior sampled by an affine-invariant ensemble sampler "
                    + "(median, 15.87/84.13 % quantiles); normalisation and systematic nuisance parameters.",
            LlhSettings.class);

    @Override
    public UnfolderDescriptor<LlhSettings> descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Unfolder create(LlhSettings settings) {
        return LikelihoodUnfolder.of(settings);
    }
}
