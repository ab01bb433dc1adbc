package org.fluxion.systematics.internal;

import java.util.List;

import org.fluxion.unfolding.api.RegisteredUnfolder;
import org.fluxion.unfolding.api.Unfolder;
import org.fluxion.unfolding.api.UnfolderCatalog;
import org.fluxion.unfolding.api.UnfolderDescriptor;
import org.fluxion.unfolding.api.UnfolderProvider;
import org.fluxion.unfolding.llh.LikelihoodUnfolder;
import org.fluxion.unfolding.llh.LlhSettings;

/** An unfolder catalog for tests holding the real {@code llh} unfolder, as the DS whiteboard would. */
final class LlhCatalog implements UnfolderCatalog {
    static final class Provider implements UnfolderProvider<LlhSettings> {
        @Override
        public UnfolderDescriptor<LlhSettings> descriptor() {
            return new UnfolderDescriptor<>("llh", "Likelihood unfolding", "test registration", LlhSettings.class);
        }

        @Override
        public Unfolder create(LlhSettings settings) {
            return LikelihoodUnfolder.of(settings);
        }
    }

    private final RegisteredUnfolder llh = new RegisteredUnfolder(new Provider(), "llh", 0, 1, "test", "0");

    @Override
    public List<RegisteredUnfolder> all() {
        return List.of(llh);
    }

    @Override
    public RegisteredUnfolder resolve(String id) {
        return "llh".equals(id) ? llh : null;
    }
}
