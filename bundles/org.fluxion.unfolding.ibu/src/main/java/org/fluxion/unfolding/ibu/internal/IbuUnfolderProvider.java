package org.fluxion.unfolding.ibu.internal;

import org.fluxion.unfolding.api.Unfolder;
import org.fluxion.unfolding.api.UnfolderDescriptor;
import org.fluxion.unfolding.api.UnfolderProvider;
import org.osgi.service.component.annotations.Component;

/** DS service for the {@code ibu} unfolder (iterative Bayesian unfolding). Stateless, thread-safe. */
@Component(service = UnfolderProvider.class, property = UnfolderProvider.UNFOLDER_ID + "=" + IbuUnfolder.ID)
public final class IbuUnfolderProvider implements UnfolderProvider<IbuSettings> {
    private static final UnfolderDescriptor<IbuSettings> DESCRIPTOR = new UnfolderDescriptor<>(IbuUnfolder.ID,
            "Iterative Bayesian unfolding",
            "D'Agostini iterations from a uniform, Jeffreys or user prior, stopped by a KS, chi2, max-relative-"
                    + "difference or Bayes-factor test; Adye error propagation for the data and the response's MC "
                    + "statistics; optional log-log polynomial smoothing of the intermediate prior.",
            IbuSettings.class);

    @Override
    public UnfolderDescriptor<IbuSettings> descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Unfolder create(IbuSettings settings) {
        return new IbuUnfolder(settings);
    }
}
