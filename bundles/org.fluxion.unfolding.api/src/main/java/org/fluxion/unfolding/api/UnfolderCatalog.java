package org.fluxion.unfolding.api;

import java.util.List;

/**
 * OSGi service tracking every {@link UnfolderProvider}. Per id the highest {@code service.ranking}
 * wins (ties: earliest registration). Thread-safe.
 */
public interface UnfolderCatalog {
    /** @return every registration, by id (alphabetical), winner first */
    List<RegisteredUnfolder> all();

    /** @return the winning provider for {@code id}, or null if none is installed */
    RegisteredUnfolder resolve(String id);
}
