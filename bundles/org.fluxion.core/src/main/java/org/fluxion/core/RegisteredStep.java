package org.fluxion.core;

import java.util.Objects;

import org.fluxion.api.workflow.StepProvider;

/**
 * A step provider found in the service registry, with where it came from.
 *
 * @param provider      the service
 * @param id            its {@code fluxion.step.id}
 * @param ranking       its {@code service.ranking} (0 if unset)
 * @param serviceId     its {@code service.id} (order of registration; -1 outside OSGi)
 * @param bundle        symbolic name of the providing bundle ("" outside OSGi)
 * @param bundleVersion version of the providing bundle ("" outside OSGi)
 */
public record RegisteredStep(StepProvider<?> provider, String id, int ranking, long serviceId, String bundle,
        String bundleVersion) {
    public RegisteredStep {
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
