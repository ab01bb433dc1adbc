package org.fluxion.api.workflow;

/**
 * Thrown by a settings record's constructor when a value is out of range or inconsistent. The
 * engine adds the configuration file, line and column of {@link #key()} to the message.
 */
public final class InvalidSettingsException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String key;

    /**
     * @param key     the configuration key (snake_case, as written in YAML)
     * @param message what is wrong, with the value and what was expected
     */
    public InvalidSettingsException(String key, String message) {
        super(message);
        this.key = key;
    }

    /** @return the offending configuration key */
    public String key() {
        return key;
    }
}
