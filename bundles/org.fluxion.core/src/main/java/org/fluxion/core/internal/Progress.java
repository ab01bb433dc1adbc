package org.fluxion.core.internal;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.fluxion.api.workflow.ProgressMonitor;
import org.fluxion.core.RunListener;

/** Thread-safe progress monitor that forwards throttled updates (every 0.5 s) to a listener. */
final class Progress implements ProgressMonitor {
    private static final long INTERVAL_NS = 500_000_000L;
    private final String step;
    private final RunListener listener;
    private final AtomicBoolean cancel;
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong lastReport = new AtomicLong();
    private volatile String task = "";
    private volatile long total = -1;
    private volatile long startNs = System.nanoTime();

    Progress(String step, RunListener listener, AtomicBoolean cancel) {
        this.step = step;
        this.listener = listener;
        this.cancel = cancel;
    }

    @Override
    public void begin(String newTask, long totalWork) {
        task = newTask;
        total = totalWork;
        done.set(0);
        startNs = System.nanoTime();
        lastReport.set(startNs);
    }

    @Override
    public void worked(long units) {
        long d = done.addAndGet(units);
        long now = System.nanoTime();
        long last = lastReport.get();
        if (now - last >= INTERVAL_NS && lastReport.compareAndSet(last, now)) {
            listener.progress(step, task, d, total, (now - startNs) * 1e-9);
        }
    }

    @Override
    public boolean isCancelled() {
        return cancel.get();
    }
}
