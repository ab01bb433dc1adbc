package org.fluxion.core;

/**
 * OSGi service (provided by the engine bundle) that tracks every {@link
 * org.fluxion.api.workflow.StepProvider} in the service registry. Thread-safe.
 */
public interface StepCatalog {
    /** @return the providers installed right now */
    StepRegistry snapshot();
}
