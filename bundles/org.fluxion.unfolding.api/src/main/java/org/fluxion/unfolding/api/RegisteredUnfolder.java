package org.fluxion.unfolding.api;

import java.util.Objects;

/**
 * An unfolder provider found in the service registry.
 *
 * @param provider      the service
 * @param id            its {@code fluxion.unfolder.id}
 * @param ranking       its {@code service.ranking}
 * @param serviceId     its {@code service.id}
 * @param bundle        providing bundle's symbolic name ("" outside OSGi)
 * @param bundleVersion providing bundle's version ("" outside OSGi)
 */
public record RegisteredUnfolder(UnfolderProvider<?> provider, String id, int ranking, long serviceId, String bundle,
        String bundleVersion) {
    public RegisteredUnfolder {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(bundle, "bundle");
        Objects.requireNonNull(bundleVersion, "bundleVersion");
    }

    /** @return "bundle version" or the provider class outside OSGi */
    public String origin() {
        return bundle.isEmpty() ? provider.getClass().getName() : bundle + " " + bundleVersion;
    }
}
