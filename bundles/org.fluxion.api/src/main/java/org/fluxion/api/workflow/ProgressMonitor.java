package org.fluxion.api.workflow;

/**
 * Progress and cancellation for a running step. Implementations are thread-safe: workers may
 * report {@link #worked} concurrently.
 */
public interface ProgressMonitor {
    /**
     * Starts a task.
     *
     * @param task      what is being done, e.g. "reading data.txt"
     * @param totalWork units of work (e.g. bytes or rows); -1 if unknown
     */
    void begin(String task, long totalWork);

    /** Reports {@code units} more units of work done. */
    void worked(long units);

    /** @return whether the user asked to cancel */
    boolean isCancelled();

    /** @throws CancelledException if cancelled */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new CancelledException("cancelled by the user");
        }
    }

    /** A monitor that reports nothing and is never cancelled. */
    ProgressMonitor NONE = new ProgressMonitor() {
        @Override
        public void begin(String task, long totalWork) {
        }

        @Override
        public void worked(long units) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };
}
