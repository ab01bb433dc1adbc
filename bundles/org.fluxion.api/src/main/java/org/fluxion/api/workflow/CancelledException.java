package org.fluxion.api.workflow;

/** Thrown when a run was cancelled; the engine then removes the partial run folder. */
public final class CancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CancelledException(String message) {
        super(message);
    }
}
