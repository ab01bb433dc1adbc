package org.fluxion.unfolding.api;

/** An unfolding that cannot be done: the message names the method, the bins and the values. */
public class UnfoldingException extends Exception {
    private static final long serialVersionUID = 1L;

    public UnfoldingException(String message) {
        super(message);
    }

    public UnfoldingException(String message, Throwable cause) {
        super(message, cause);
    }
}
