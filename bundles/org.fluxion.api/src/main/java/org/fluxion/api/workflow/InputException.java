package org.fluxion.api.workflow;

import java.nio.file.Path;

/**
 * Unreadable or malformed input data: the message names the file, and where known the line (or
 * dataset), the offending content and what was expected. The headless runner exits with code 3.
 */
public class InputException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Path file;
    private final long line;

    /**
     * @param file    the input file, may be null if not file-based
     * @param line    1-based line number, or -1 if not applicable
     * @param message what is wrong, with the offending value and what was expected
     */
    public InputException(Path file, long line, String message) {
        this(file, line, message, null);
    }

    public InputException(Path file, long line, String message, Throwable cause) {
        super(format(file, line, message), cause);
        this.file = file;
        this.line = line;
    }

    private static String format(Path file, long line, String message) {
        StringBuilder sb = new StringBuilder();
        if (file != null) {
            sb.append(file);
            if (line > 0) {
                sb.append(':').append(line);
            }
            sb.append(": ");
        }
        return sb.append(message).toString();
    }

    /** @return the file, or null */
    public Path file() {
        return file;
    }

    /** @return the 1-based line, or -1 */
    public long line() {
        return line;
    }
}
