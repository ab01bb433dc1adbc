package org.fluxion.unfolding.api;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What an unfolding method is.
 *
 * @param id           stable id, {@code [a-z][a-z0-9_.-]*}, e.g. {@code llh}
 * @param title        short title
 * @param description  one or two sentences: model, regularisation, errors
 * @param settingsType settings record
 * @param <S>          settings type
 */
public record UnfolderDescriptor<S extends Record>(String id, String title, String description, Class<S> settingsType) {
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_.-]*");

    public UnfolderDescriptor {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(settingsType, "settingsType");
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("unfolder id must match " + ID + " but was '" + id + "'");
        }
    }
}
