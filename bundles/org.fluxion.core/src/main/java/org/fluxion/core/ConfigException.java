package org.fluxion.core;

/**
 * A configuration or command-line error: the user's fault, reported with the file, line and
 * column, the key, the offending value and what was expected. The headless runner exits with 2.
 */
public final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String location;

    /**
     * @param location "file:line:column", "--set", or "" if unknown
     * @param message  what is wrong, with the key, the value and the expected form
     */
    public ConfigException(String location, String message) {
        super(location == null || location.isEmpty() ? message : message + " (" + location + ")");
        this.location = location == null ? "" : location;
    }

    /** @return where the error is, e.g. {@code analysis.yaml:42:11}; "" if unknown */
    public String location() {
        return location;
    }
}
