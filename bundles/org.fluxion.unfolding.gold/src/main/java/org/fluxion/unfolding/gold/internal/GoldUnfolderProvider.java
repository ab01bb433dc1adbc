package org.fluxion.unfolding.gold.internal;

import org.fluxion.unfolding.api.Unfolder;
import org.fluxion.unfolding.api.UnfolderDescriptor;
import org.fluxion.unfolding.api.UnfolderProvider;
import org.osgi.service.component.annotations.Component;

/** DS service for the {@code gold} unfolder (Gold's multiplicative algorithm). Stateless, thread-safe. */
@Component(service = UnfolderProvider.class, property = UnfolderProvider.UNFOLDER_ID + "=" + GoldUnfolder.ID)
public final class GoldUnfolderProvider implements UnfolderProvider<GoldSettings> {
    private static final UnfolderDescriptor<GoldSettings> DESCRIPTOR = new UnfolderDescriptor<>(GoldUnfolder.ID,
            "Gold unfolding",
            "Gold's multiplicative, positivity-preserving iteration x <- x (R^T y) / (R^T R x) as used by KASCADE, "
                    + "stopped by an iteration count or the relative change; errors by the propagated Jacobian of "
                    + "the iteration map or by seeded Poisson toys.",
            GoldSettings.class);

    @Override
    public UnfolderDescriptor<GoldSettings> descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Unfolder create(GoldSettings settings) {
        return new GoldUnfolder(settings);
    }
}
