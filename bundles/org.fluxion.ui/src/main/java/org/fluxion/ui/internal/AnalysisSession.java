package org.fluxion.ui.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.fluxion.api.artifact.PlotSpec;
import org.fluxion.core.Plan;
import org.fluxion.core.RegisteredStep;
import org.fluxion.core.RunOptions;
import org.fluxion.core.StepResultCache;
import org.fluxion.core.StepConfig;
import org.fluxion.core.WorkflowConfig;
import org.fluxion.synth.KascadeSamples;
import org.fluxion.unfolding.api.RegisteredUnfolder;

/**
 * The state of the workbench, independent of SWT: the open configuration (file, text, validation),
 * its steps with their run state, the selected step, the running job and the run folder on show.
 * Every part reads from here and changes things through here.
 *
 * <p>Thread-safe: state changes are synchronized and every getter returns an immutable snapshot.
 * {@link Listener}s are told which part of the state changed, on whatever thread changed it (the
 * UI thread, a job's thread, or the engine's); they must not block and must move widget work to the
 * UI thread.
 */
public final class AnalysisSession {
    /** What changed. */
    public enum Topic {
        /** the file or text of the configuration */
        DOCUMENT,
        /** the validation result */
        VALIDATION,
        /** the step rows (list, enabled flags, run states, progress) */
        STEPS,
        /** the selected step */
        SELECTION,
        /** the run folder on show */
        RESULTS,
        /** the installed steps, unfolders or renderer */
        INSTALLED,
        /** a run or a preparation job started or ended; the status line changed */
        RUN
    }

    /** Receives change notifications; see the class comment for threading. */
    public interface Listener {
        /** Called after {@code topic} changed. */
        void changed(Topic topic);
    }

    private static final Pattern LOCATION_LINE = Pattern.compile(":(\\d+):(\\d+)$");

    private final InstalledServices services;
    /** Results of this session's runs: a re-run recomputes only the steps that changed. */
    private final StepResultCache stepResults = new StepResultCache();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    private Path file;
    private String text = "";
    private String savedText = "";
    private ConfigValidation validation;
    private List<StepRow> rows = List.of();
    private String selected;
    private RunFolderContents results;
    private Map<Path, PlotSpec> specs = Map.of();
    private Job job;
    private String status = "";
    private final List<String> warnings = new ArrayList<>();

    /** @param services where steps, unfolders and the renderer come from */
    public AnalysisSession(InstalledServices services) {
        this.services = services;
        services.onChange(this::installedChanged);
    }

    /** Adds a listener. */
    public void addListener(Listener l) {
        listeners.add(l);
    }

    /** Removes a listener. */
    public void removeListener(Listener l) {
        listeners.remove(l);
    }

    private void fire(Topic... topics) {
        for (Topic t : topics) {
            for (Listener l : listeners) {
                l.changed(t);
            }
        }
    }

    /** @return the services the session uses */
    public InstalledServices services() {
        return services;
    }

    // ---------------------------------------------------------------- document

    /** @return the cache of step results that runs of this session share */
    public StepResultCache stepResults() {
        return stepResults;
    }

    /**
     * Opens a configuration file; shows its last run folder if there is one.
     *
     * @throws IOException if it cannot be read
     * @throws IllegalStateException while a run is in progress
     */
    public void open(Path configFile) throws IOException {
        Path f = configFile.toAbsolutePath().normalize();
        if (!Files.isRegularFile(f)) {
            throw new IOException("configuration file not found: " + f);
        }
        String t = Files.readString(f, StandardCharsets.UTF_8);
        RunFolderContents previous = null;
        synchronized (this) {
            requireIdle("open another configuration");
            stepResults.clear(); // another configuration: free the previous one's cached outputs
            file = f;
            text = t;
            savedText = t;
            revalidate(true);
            selected = rows.isEmpty() ? null : rows.get(0).name();
            Path folder = runFolder();
            if (folder != null && RunFolderContents.isRunFolder(folder)) {
                try {
                    previous = RunFolderContents.read(folder);
                } catch (IOException e) {
                    status = "the earlier run folder cannot be shown: " + e.getMessage();
                }
            }
            results = previous;
            specs = Map.of();
            if (previous != null) {
                status = "showing the earlier run folder " + previous.folder();
            } else if (!status.startsWith("the earlier")) {
                status = "";
            }
        }
        fire(Topic.DOCUMENT, Topic.VALIDATION, Topic.STEPS, Topic.SELECTION, Topic.RESULTS, Topic.RUN);
    }

    /** @return the open configuration file, or null */
    public synchronized Path file() {
        return file;
    }

    /** @return the configuration text ("" if none is open) */
    public synchronized String text() {
        return text;
    }

    /** @return whether the text differs from the file */
    public synchronized boolean dirty() {
        return file != null && !text.equals(savedText);
    }

    /** @return the validation of the current text, or null if no configuration is open */
    public synchronized ConfigValidation validation() {
        return validation;
    }

    /**
     * Replaces the configuration text (typing in the editor) and checks it again.
     *
     * @throws IllegalStateException if no configuration is open
     */
    public void setText(String newText) {
        synchronized (this) {
            if (file == null) {
                throw new IllegalStateException("no configuration is open");
            }
            if (newText.equals(text)) {
                return;
            }
            text = newText;
            revalidate(false);
        }
        fire(Topic.DOCUMENT, Topic.VALIDATION, Topic.STEPS);
    }

    /** Writes the text to the file. */
    public void save() throws IOException {
        Path f;
        String t;
        synchronized (this) {
            if (file == null) {
                return;
            }
            f = file;
            t = text;
        }
        Files.writeString(f, t, StandardCharsets.UTF_8);
        synchronized (this) {
            savedText = t;
        }
        fire(Topic.DOCUMENT);
    }

    private void installedChanged() {
        synchronized (this) {
            if (file != null) {
                revalidate(false);
            }
        }
        fire(Topic.INSTALLED, Topic.VALIDATION, Topic.STEPS);
    }

    /** Validates the text and rebuilds the rows, keeping the run state of steps that are still there. */
    private void revalidate(boolean resetStates) {
        validation = ConfigValidation.check(text, file, services.steps());
        WorkflowConfig c = validation.config();
        if (c == null) {
            return; // keep the last rows while the text does not parse
        }
        Map<String, StepRow> old = new HashMap<>();
        rows.forEach(r -> old.put(r.name(), r));
        List<StepRow> next = new ArrayList<>();
        for (StepConfig sc : c.steps()) {
            StepRow fresh = StepRow.notRun(sc.name(), sc.use(), sc.enabled(), line(sc.location()));
            StepRow before = old.get(sc.name());
            if (!resetStates && before != null && before.use().equals(sc.use()) && sc.enabled()
                    && before.state() != StepRow.State.DISABLED) {
                fresh = fresh.with(before.state(), before.fraction(), before.task(), before.message(), before.seconds());
            }
            next.add(fresh);
        }
        rows = List.copyOf(next);
        if (selected != null && rows.stream().noneMatch(r -> r.name().equals(selected))) {
            selected = rows.isEmpty() ? null : rows.get(0).name();
        }
    }

    private static int line(String location) {
        Matcher m = LOCATION_LINE.matcher(location);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    // ---------------------------------------------------------------- steps and selection

    /** @return the steps of the workflow in order */
    public synchronized List<StepRow> rows() {
        return rows;
    }

    /** @return the selected step's name, or null */
    public synchronized String selected() {
        return selected;
    }

    /** Selects a step (null for none). */
    public void select(String step) {
        synchronized (this) {
            if (java.util.Objects.equals(step, selected)) {
                return;
            }
            selected = step;
        }
        fire(Topic.SELECTION);
    }

    /**
     * The settings form of a step of the open configuration.
     *
     * @throws IllegalArgumentException if the step is unknown, its step id is not installed, or the
     *                                  text is not valid YAML (the message says which)
     */
    public SettingsForm form(String step) {
        String t;
        synchronized (this) {
            t = text;
        }
        ConfigValidation v = validation();
        StepRow row = rows().stream().filter(r -> r.name().equals(step)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the configuration has no step '" + step + "'"));
        RegisteredStep rs = services.steps().resolve(row.use());
        if (rs == null) {
            throw new IllegalArgumentException("step '" + step + "' uses '" + row.use()
                    + "', which no installed bundle provides; installed: " + String.join(", ", services.steps().ids()));
        }
        Map<String, String> connections = Map.of();
        if (v != null && v.config() != null) {
            for (StepConfig sc : v.config().steps()) {
                if (sc.name().equals(step)) {
                    connections = sc.inputs();
                }
            }
        }
        List<String> ids = new ArrayList<>();
        for (RegisteredUnfolder u : services.unfolders()) {
            if (!ids.contains(u.id())) {
                ids.add(u.id());
            }
        }
        return SettingsForm.of(step, rs.provider().descriptor(), connections, ConfigText.stepSettings(t, step), ids);
    }

    /**
     * Sets a step's setting in the configuration text (the form's edit).
     *
     * @param value the value as typed (text unquoted)
     * @throws IllegalArgumentException if the text cannot be edited there (message says why)
     */
    public void setSetting(String step, String key, String value, Class<?> type) {
        String t;
        synchronized (this) {
            t = text;
        }
        setText(ConfigText.set(t, step, List.of("with", key), ConfigText.scalarText(value, type)));
    }

    /**
     * Sets a value inside a step's entry, given as YAML text (a masterclass lesson's setting).
     *
     * @param path key path inside the step entry, e.g. {@code [with, method_settings, max_iterations]}
     * @throws IllegalArgumentException if the text cannot be edited there (message says why)
     */
    public void setValue(String step, List<String> path, String yaml) {
        String t;
        synchronized (this) {
            t = text;
        }
        setText(ConfigText.set(t, step, path, yaml));
    }

    /** Sets a step's {@code enabled:} flag in the configuration text. */
    public void setEnabled(String step, boolean enabled) {
        String t;
        synchronized (this) {
            t = text;
        }
        setText(ConfigText.set(t, step, List.of("enabled"), Boolean.toString(enabled)));
    }

    // ---------------------------------------------------------------- runs

    /** @return whether a run or a demo preparation is in progress */
    public synchronized boolean busy() {
        return job != null;
    }

    /** @return the last status line: what the last run or preparation did ("" if nothing yet) */
    public synchronized String status() {
        return status;
    }

    /** @return the warnings of the last run, "step: message" */
    public synchronized List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** @return the run folder the open configuration writes ({@code base/output_path/unique_name}), or null */
    public synchronized Path runFolder() {
        WorkflowConfig c = validation == null ? null : validation.config();
        if (c == null) {
            return null;
        }
        return c.baseDirectory().resolve(c.outputPath()).resolve(c.uniqueName()).normalize();
    }

    /** @return the folder holding the open configuration's run folders, or null */
    public synchronized Path outputDirectory() {
        Path r = runFolder();
        return r == null ? null : r.getParent();
    }

    /**
     * Starts a run of the open configuration in an Eclipse job (saved first if changed).
     *
     * @return the scheduled job
     * @throws IllegalStateException if nothing is open, the configuration is invalid, or a run is in progress
     * @throws IOException           if saving fails
     */
    public Job run() throws IOException {
        return run(null);
    }

    /**
     * Starts a run of the steps a masterclass lesson needs (see {@link MasterclassLessons#planUpTo}):
     * the steps of lessons 1..N and those they read from; the other steps are left as they are.
     *
     * @return the scheduled job
     * @throws IllegalStateException    as {@link #run()}
     * @throws IllegalArgumentException if the configuration has no step of that lesson
     * @throws IOException              if saving fails
     */
    public Job runLesson(MasterclassLessons.Lesson lesson) throws IOException {
        return run(lesson);
    }

    private Job run(MasterclassLessons.Lesson lesson) throws IOException {
        synchronized (this) {
            if (file == null) {
                throw new IllegalStateException("open a configuration first");
            }
            requireIdle("start another run");
            if (!validation.valid()) {
                throw new IllegalStateException("the configuration has an error: " + validation.problem().message());
            }
        }
        if (dirty()) {
            save();
        }
        WorkflowRunJob j;
        synchronized (this) {
            requireIdle("start another run");
            Plan plan = lesson == null ? validation.plan() : MasterclassLessons.planUpTo(validation.plan(), lesson);
            java.util.Set<String> running = new java.util.HashSet<>();
            plan.steps().forEach(s -> running.add(s.name()));
            j = new WorkflowRunJob(this, plan, file, RunOptions.threadsFor(validation.config().threads()));
            job = j;
            warnings.clear();
            List<StepRow> next = new ArrayList<>();
            for (StepRow r : rows) {
                next.add(r.enabled() && running.contains(r.name()) ? r.with(StepRow.State.NOT_RUN, -1, "", "", Double.NaN) : r);
            }
            rows = List.copyOf(next);
            status = "running " + file.getFileName() + (lesson == null ? "" : ", lesson " + lesson.number()) + " ("
                    + plan.steps().size() + " steps)";
        }
        fire(Topic.STEPS, Topic.RUN);
        releaseWhenDone(j, "cancelled before it started (no run folder written)");
        j.schedule();
        return j;
    }

    /** A job cancelled before it ran never reaches its own clean-up: release the session when it is done. */
    private void releaseWhenDone(Job j, String message) {
        j.addJobChangeListener(new JobChangeAdapter() {
            @Override
            public void done(IJobChangeEvent event) {
                boolean stillRegistered;
                synchronized (AnalysisSession.this) {
                    stillRegistered = job == j;
                }
                if (stillRegistered) {
                    ended(null, Map.of(), message);
                }
            }
        });
    }

    /** Cancels the running job (the engine stops at its next check; no run folder is written). */
    public void cancel() {
        Job j;
        synchronized (this) {
            j = job;
        }
        if (j != null) {
            j.cancel();
        }
    }

    /**
     * Prepares the demo folder (generating the samples once) in a job and opens its configuration.
     *
     * @param threads threads for generating the samples, 0 = all cores
     * @return the scheduled job
     */
    public Job openDemo(Path dir, KascadeSamples.Size size, int threads) {
        return prepareAndOpen(dir, size, threads, false);
    }

    /**
     * Prepares the demo folder with the KASCADE masterclass ({@code masterclass.yaml}, samples
     * generated once) in a job and opens it.
     *
     * @param threads threads for generating the samples, 0 = all cores
     * @return the scheduled job
     */
    public Job openMasterclass(Path dir, KascadeSamples.Size size, int threads) {
        return prepareAndOpen(dir, size, threads, true);
    }

    private Job prepareAndOpen(Path dir, KascadeSamples.Size size, int threads, boolean masterclass) {
        Job j = Job.create("Preparing the Fluxion " + (masterclass ? "masterclass" : "demo") + " in " + dir, monitor -> {
            monitor.beginTask("Generating the synthetic KASCADE samples (" + size.name().toLowerCase(java.util.Locale.ROOT) + ")",
                    IProgressMonitor.UNKNOWN);
            Path config;
            try {
                config = masterclass ? DemoFolder.prepareMasterclass(dir, size, RunOptions.threadsFor(threads))
                        : DemoFolder.prepare(dir, size, RunOptions.threadsFor(threads));
            } catch (IOException | RuntimeException e) {
                ended(null, "preparing the demo failed: " + e.getMessage());
                return Status.error("preparing the demo in " + dir + " failed", e);
            }
            ended(null, "");
            try {
                open(config);
            } catch (IOException | RuntimeException e) {
                ended(null, "cannot open " + config + ": " + e.getMessage());
                return Status.error("cannot open " + config, e);
            }
            return Status.OK_STATUS;
        });
        synchronized (this) {
            requireIdle("prepare the demo");
            job = j;
            status = "preparing the demo samples in " + dir + " ...";
        }
        fire(Topic.RUN);
        releaseWhenDone(j, "preparing the demo was cancelled");
        j.schedule();
        return j;
    }

    /** Shows an existing run folder. */
    public void openRunFolder(Path folder) throws IOException {
        RunFolderContents c = RunFolderContents.read(folder.toAbsolutePath().normalize());
        synchronized (this) {
            results = c;
            specs = Map.of();
            status = "showing the run folder " + c.folder();
        }
        fire(Topic.RESULTS, Topic.RUN);
    }

    /** @return the run folder on show, or null */
    public synchronized RunFolderContents results() {
        return results;
    }

    /**
     * @return the plot a PNG of the run folder on show was drawn from, if it was made in this
     *         session (then it can be drawn again at any size); null otherwise
     */
    public synchronized PlotSpec plotSpec(Path png) {
        return specs.get(png.toAbsolutePath().normalize());
    }

    private void requireIdle(String what) {
        if (job != null) {
            throw new IllegalStateException("cannot " + what + " while '" + job.getName() + "' is in progress; cancel it first");
        }
    }

    // ---------------------------------------------------------------- called by the run job (any thread)

    void stepUpdate(String step, StepRow.State state, double fraction, String task, String message, double seconds) {
        synchronized (this) {
            List<StepRow> next = new ArrayList<>(rows.size());
            for (StepRow r : rows) {
                next.add(r.name().equals(step) ? r.with(state, fraction, task, message, seconds) : r);
            }
            rows = List.copyOf(next);
        }
        fire(Topic.STEPS);
    }

    synchronized void warning(String step, String message) {
        warnings.add(step.isEmpty() ? "engine: " + message : step + ": " + message);
    }

    /** A job ended; {@code folder} is the new run folder (null if none), {@code message} the status line. */
    void ended(RunFolderContents folder, Map<Path, PlotSpec> recorded, String message) {
        synchronized (this) {
            job = null;
            status = message;
            if (folder != null) {
                results = folder;
                specs = Map.copyOf(recorded);
            }
        }
        if (folder != null) {
            fire(Topic.RESULTS);
        }
        fire(Topic.RUN);
    }

    private void ended(RunFolderContents folder, String message) {
        ended(folder, Map.of(), message);
    }

}
