package org.fluxion.ui.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fluxion.core.ConfigException;

/**
 * A configuration error as the headless runner reports it, with the line and column taken from
 * the {@link ConfigException#location()} ("file:line:column"). Immutable.
 *
 * @param line    1-based line, or 0 if the error has no position (e.g. "every step is disabled")
 * @param column  1-based column, or 0 if unknown
 * @param message the full message, identical to the headless runner's (includes the location)
 */
public record ConfigProblem(int line, int column, String message) {
    private static final Pattern LINE_COLUMN = Pattern.compile(":(\\d+):(\\d+)$");

    public ConfigProblem {
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("line and column must be >= 0 but were " + line + ", " + column);
        }
        if (message == null) {
            throw new NullPointerException("message");
        }
    }

    /** @return the problem of a binding or planning error, positioned where the exception says */
    public static ConfigProblem of(ConfigException e) {
        Matcher m = LINE_COLUMN.matcher(e.location());
        if (m.find()) {
            return new ConfigProblem(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), e.getMessage());
        }
        return new ConfigProblem(0, 0, e.getMessage());
    }

    /** @return whether the problem points at a line of the configuration text */
    public boolean positioned() {
        return line > 0;
    }
}
