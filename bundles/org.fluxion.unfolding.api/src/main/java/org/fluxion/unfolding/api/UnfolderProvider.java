package org.fluxion.unfolding.api;

/**
 * Service that describes and creates one unfolding method. Register it as a DS component with the
 * service property {@value #UNFOLDER_ID} equal to {@code descriptor().id()}. Thread-safe, cheap
 * to construct.
 *
 * @param <S> settings record bound from the configuration (keys in snake_case, documented with
 *            {@link org.fluxion.api.workflow.Setting})
 */
public interface UnfolderProvider<S extends Record> {
    /** Service property holding the stable unfolder id. */
    String UNFOLDER_ID = "fluxion.unfolder.id";

    /** @return id, title, description, settings type */
    UnfolderDescriptor<S> descriptor();

    /** @return an unfolder for these settings, never null */
    Unfolder create(S settings);
}
