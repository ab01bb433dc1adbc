package org.fluxion.ui.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.fluxion.api.artifact.PlotRenderer;
import org.fluxion.api.workflow.CancelledException;
import org.fluxion.api.workflow.InputException;
import org.fluxion.api.workflow.InvalidSettingsException;
import org.fluxion.core.ConfigException;
import org.fluxion.core.Engine;
import org.fluxion.core.Plan;
import org.fluxion.core.RunListener;
import org.fluxion.core.RunOptions;
import org.fluxion.core.RunResult;

/**
 * Runs a checked plan with the engine in an Eclipse job. Progress goes to the job's monitor (one
 * thousand ticks per step) and to the session's step rows; {@link #cancel()} sets the engine's
 * cancel flag, after which the engine stops at its next check and removes its temporary folder, so
 * a cancelled run leaves no run folder behind. Runs on a job worker thread, never the UI thread.
 */
final class WorkflowRunJob extends Job {
    private static final int TICKS_PER_STEP = 1000;

    private final AnalysisSession session;
    private final Plan plan;
    private final Path configFile;
    private final int threads;
    private final AtomicBoolean cancel = new AtomicBoolean();

    WorkflowRunJob(AnalysisSession session, Plan plan, Path configFile, int threads) {
        super("Running " + configFile.getFileName());
        this.session = session;
        this.plan = plan;
        this.configFile = configFile;
        this.threads = threads;
        setUser(true);
    }

    @Override
    protected void canceling() {
        cancel.set(true);
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        int steps = plan.steps().size();
        monitor.beginTask(getName(), steps * TICKS_PER_STEP);
        PlotRenderer installed = session.services().renderer();
        RecordingPlotRenderer renderer = installed == null ? null : new RecordingPlotRenderer(installed);
        Listener listener = new Listener(monitor);
        try {
            if (monitor.isCanceled()) {
                cancel.set(true);
            }
            Engine engine = new Engine(session.services().steps(), renderer);
            RunResult r = engine.run(plan, new RunOptions(threads, cancel, listener,
                    List.of("fluxion-workbench", "run", configFile.toString()), session.services().platform(),
                    session.stepResults()));
            RunFolderContents contents;
            try {
                contents = RunFolderContents.read(r.folder());
            } catch (IOException e) {
                session.ended(null, Map.of(), "the run finished but its folder cannot be read: " + e.getMessage());
                return Status.error("cannot read run folder " + r.folder(), e);
            }
            session.ended(contents, renderer == null ? Map.of() : renderer.committed(r.folder()),
                    String.format(Locale.ROOT, "run finished in %.2f s with %d warnings: %s", r.seconds(),
                            r.warnings().size(), r.folder()));
            return Status.OK_STATUS;
        } catch (CancelledException e) {
            listener.endRunning(StepRow.State.CANCELLED, e.getMessage());
            session.ended(null, Map.of(), "cancelled: " + e.getMessage() + " (no run folder written)");
            return Status.CANCEL_STATUS;
        } catch (Exception | Error e) {
            String message = describe(e);
            listener.endRunning(StepRow.State.FAILED, message);
            String where = listener.current == null ? "" : " in step '" + listener.current + "'";
            session.ended(null, Map.of(), "failed" + where + ": " + message);
            return Status.error("Fluxion run of " + configFile + " failed" + where + ": " + message, e);
        } finally {
            monitor.done();
        }
    }

    /** The same wording as the headless runner's error lines. */
    static String describe(Throwable e) {
        if (e instanceof ConfigException) {
            return "configuration error: " + e.getMessage();
        }
        if (e instanceof InvalidSettingsException ise) {
            return "configuration error: '" + ise.key() + "': " + e.getMessage();
        }
        if (e instanceof InputException) {
            return "unreadable input: " + e.getMessage();
        }
        if (e instanceof IOException) {
            return "I/O error: " + e.getMessage();
        }
        return e.toString();
    }

    /** Engine progress → monitor and session rows. Called on the engine's threads. */
    private final class Listener implements RunListener {
        private final IProgressMonitor monitor;
        private volatile String current;
        private int reported;
        private double started;

        Listener(IProgressMonitor monitor) {
            this.monitor = monitor;
        }

        @Override
        public synchronized void stepStarted(String step, String stepId, int index, int count) {
            current = step;
            reported = 0;
            started = System.nanoTime() * 1e-9;
            monitor.subTask(step + " (" + stepId + "), step " + (index + 1) + " of " + count);
            session.stepUpdate(step, StepRow.State.RUNNING, -1, "", "", Double.NaN);
        }

        @Override
        public synchronized void progress(String step, String task, long done, long total, double elapsedSeconds) {
            double f = total > 0 ? Math.min(1.0, (double) done / total) : -1;
            if (f >= 0) {
                int ticks = (int) (f * TICKS_PER_STEP);
                if (ticks > reported) {
                    monitor.worked(ticks - reported);
                    reported = ticks;
                }
            }
            monitor.subTask(step + ": " + task);
            session.stepUpdate(step, StepRow.State.RUNNING, f, task, "", Double.NaN);
            if (monitor.isCanceled()) {
                cancel.set(true);
            }
        }

        @Override
        public void warning(String step, String message) {
            session.warning(step, message);
        }

        @Override
        public synchronized void stepFinished(String step, double seconds) {
            monitor.worked(TICKS_PER_STEP - reported);
            reported = TICKS_PER_STEP;
            session.stepUpdate(step, StepRow.State.DONE, 1, "", "", seconds);
            current = null;
        }

        synchronized void endRunning(StepRow.State state, String message) {
            if (current != null) {
                session.stepUpdate(current, state, -1, "", message, System.nanoTime() * 1e-9 - started);
            }
        }
    }
}
