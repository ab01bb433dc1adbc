package org.fluxion.ui.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.fluxion.synth.KascadeSamples;
import org.fluxion.ui.internal.AnalysisSession.Topic;
import org.fluxion.ui.internal.MasterclassLessons.Lesson;
import org.fluxion.ui.internal.MasterclassLessons.Setting;
import org.fluxion.ui.internal.RunFolderContents.Artifact;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * The guided KASCADE masterclass: the lessons in order (one per step group of
 * {@code masterclass.yaml}), each with its plain-language explanation (what it shows, what to look
 * for, what to try), the one setting it offers to change (written into the configuration like the
 * step settings form), a Run button that runs the workflow up to and including the lesson, and the
 * lesson's plots beside the text (a click opens the zoomable chart window).
 */
public final class MasterclassPart {
    /** Model id of this part. */
    public static final String ID = "org.fluxion.ui.part.masterclass";

    @Inject
    AnalysisSession session;

    private final List<Lesson> lessons = MasterclassLessons.load();
    private org.eclipse.swt.widgets.List lessonList;
    private Label title;
    private StyledText explanation;
    private Composite settingRow;
    private Label settingLabel;
    private Control settingControl;
    private Label settingProblem;
    private Button run;
    private Button openButton;
    private Label state;
    private ScrolledComposite plotScroll;
    private Composite plotColumn;
    private Label plotInfo;
    private final List<Image> images = new ArrayList<>();
    private final List<Canvas> canvases = new ArrayList<>();
    private Job loading;
    private volatile int shownPlots;
    private Lesson current;
    private List<Artifact> shownArtifacts = List.of();
    private int loadedWidth;
    private Lesson plotsOf;
    private boolean updatingControl;

    @PostConstruct
    void create(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        SashForm sash = new SashForm(parent, SWT.HORIZONTAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));

        Composite left = new Composite(sash, SWT.NONE);
        left.setLayout(new GridLayout(1, false));
        lessonList = new org.eclipse.swt.widgets.List(left, SWT.SINGLE | SWT.BORDER);
        for (Lesson l : lessons) {
            lessonList.add(l.label());
        }
        GridData listData = new GridData(SWT.FILL, SWT.TOP, true, false);
        listData.heightHint = lessonList.getItemHeight() * lessons.size() + 4;
        lessonList.setLayoutData(listData);
        lessonList.addListener(SWT.Selection, e -> {
            int i = lessonList.getSelectionIndex();
            if (i >= 0) {
                showLesson(lessons.get(i));
            }
        });
        openButton = new Button(left, SWT.PUSH);
        openButton.setText("Open the masterclass (small samples)");
        openButton.setToolTipText("Generates the three synthetic KCDC samples once (small: 41,030 + 17,203 + 15,003 showers) "
                + "and opens masterclass.yaml in " + OpenMasterclassHandler.defaultFolder());
        openButton.setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, false, false));
        openButton.addListener(SWT.Selection, e -> {
            try {
                session.openMasterclass(OpenMasterclassHandler.defaultFolder(), KascadeSamples.Size.SMALL, 0);
            } catch (RuntimeException ex) {
                MessageDialog.openError(parent.getShell(), "Cannot open the masterclass", ex.getMessage());
            }
        });
        title = new Label(left, SWT.WRAP);
        title.setFont(JFaceResources.getHeaderFont());
        title.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        explanation = new StyledText(left, SWT.READ_ONLY | SWT.WRAP | SWT.MULTI | SWT.V_SCROLL);
        explanation.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        explanation.setMargins(4, 4, 4, 4);
        explanation.setBackground(left.getBackground());

        settingRow = new Composite(left, SWT.NONE);
        GridLayout sl = new GridLayout(2, false);
        sl.marginWidth = 0;
        settingRow.setLayout(sl);
        settingRow.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        settingLabel = new Label(settingRow, SWT.NONE);
        settingProblem = new Label(left, SWT.WRAP);
        settingProblem.setForeground(left.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        GridData problemData = new GridData(SWT.FILL, SWT.CENTER, true, false);
        problemData.exclude = true;
        settingProblem.setLayoutData(problemData);

        Composite buttons = new Composite(left, SWT.NONE);
        buttons.setLayout(new GridLayout(2, false));
        buttons.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        run = new Button(buttons, SWT.PUSH);
        run.setFont(JFaceResources.getBannerFont());
        run.addListener(SWT.Selection, e -> runLesson());
        Button cancel = new Button(buttons, SWT.PUSH);
        cancel.setText("Stop");
        cancel.setToolTipText("Stop the run (nothing is written)");
        cancel.addListener(SWT.Selection, e -> session.cancel());
        state = new Label(left, SWT.WRAP);
        state.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

        Composite right = new Composite(sash, SWT.NONE);
        right.setLayout(new GridLayout(1, false));
        plotInfo = new Label(right, SWT.WRAP);
        plotInfo.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        plotScroll = new ScrolledComposite(right, SWT.V_SCROLL | SWT.BORDER);
        plotScroll.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        plotScroll.setExpandHorizontal(true);
        plotScroll.setExpandVertical(true);
        plotScroll.addListener(SWT.Resize, e -> resized());
        plotScroll.addDisposeListener(e -> disposeImages());
        sash.setWeights(42, 58);

        SessionSubscription.attach(session, lessonList, this::refresh, Topic.STEPS, Topic.RESULTS, Topic.RUN,
                Topic.DOCUMENT, Topic.VALIDATION);
        lessonList.select(0);
        showLesson(lessons.get(0));
    }

    /** @return the lessons in order */
    public List<Lesson> lessons() {
        return lessons;
    }

    /** @return the lesson on show */
    public Lesson lesson() {
        return current;
    }

    /** Shows a lesson (1-based); for the UI tests and the life cycle. */
    public void showLesson(int number) {
        lessonList.select(number - 1);
        showLesson(lessons.get(number - 1));
    }

    /** @return the number of the lesson's plots drawn so far (for the UI tests) */
    public int plotCount() {
        return shownPlots;
    }

    /** @return the files of the plots on show (for the UI tests) */
    public List<Artifact> plots() {
        return shownArtifacts;
    }

    /** @return the lesson's Run button (for the UI tests) */
    public Button runButton() {
        return run;
    }

    /** @return the control of the lesson's setting, or null (for the UI tests) */
    public Control settingControl() {
        return settingControl;
    }

    private void showLesson(Lesson l) {
        current = l;
        title.setText(l.label());
        String look = "Look for. ";
        String tr = "Try. ";
        String body = l.text() + "\n\n" + look + l.look() + "\n\n" + tr + l.tryText();
        explanation.setText(body);
        int a = l.text().length() + 2;
        int b = a + look.length() + l.look().length() + 2;
        explanation.setStyleRanges(new StyleRange[] { bold(a, look.length()), bold(b, tr.length()) });
        run.setText("\u25b6 Run lesson " + l.number());
        run.setToolTipText("Runs the masterclass up to and including lesson " + l.number()
                + " (steps already done with the same settings are reused)");
        buildSettingControl(l.setting());
        shownArtifacts = List.of();
        refresh();
        title.getParent().layout(true, true);
    }

    private StyleRange bold(int start, int length) {
        StyleRange r = new StyleRange();
        r.start = start;
        r.length = length;
        r.fontStyle = SWT.BOLD;
        return r;
    }

    private void buildSettingControl(Setting s) {
        if (settingControl != null) {
            settingControl.dispose();
            settingControl = null;
        }
        settingProblem.setText("");
        showProblem();
        if (s == null) {
            settingLabel.setText("");
            settingRow.setVisible(false);
            return;
        }
        settingRow.setVisible(true);
        settingLabel.setText(s.label() + ":");
        settingLabel.setToolTipText(s.step() + " \u2192 " + s.key() + " in the configuration");
        switch (s.kind()) {
        case INTEGER -> {
            Spinner sp = new Spinner(settingRow, SWT.BORDER);
            sp.setMinimum((int) Math.max(Integer.MIN_VALUE, s.min()));
            sp.setMaximum((int) Math.min(Integer.MAX_VALUE, s.max()));
            sp.addListener(SWT.Modify, e -> apply(s, Integer.toString(sp.getSelection())));
            settingControl = sp;
        }
        case NUMBER -> {
            Text t = new Text(settingRow, SWT.BORDER);
            t.setLayoutData(new GridData(90, SWT.DEFAULT));
            t.setToolTipText("Type a number between " + s.min() + " and " + s.max() + ", then press Enter");
            t.addListener(SWT.DefaultSelection, e -> apply(s, t.getText()));
            t.addListener(SWT.FocusOut, e -> apply(s, t.getText()));
            settingControl = t;
        }
        case CHOICE -> {
            Combo c = new Combo(settingRow, SWT.DROP_DOWN | SWT.READ_ONLY);
            s.choices().keySet().forEach(c::add);
            c.addListener(SWT.Selection, e -> apply(s, c.getText()));
            settingControl = c;
        }
        }
        settingControl.setToolTipText(s.step() + " \u2192 " + s.key());
        updateSettingValue();
        settingRow.layout(true, true);
    }

    private void apply(Setting s, String input) {
        if (updatingControl) {
            return;
        }
        try {
            String yaml = s.yamlValue(input);
            String now = ConfigText.valueText(session.text(), s.step(), s.configPath());
            if (now == null || !now.equals(yaml)) {
                session.setValue(s.step(), s.configPath(), yaml);
            }
            settingProblem.setText("");
        } catch (RuntimeException e) {
            settingProblem.setText(e.getMessage());
        }
        showProblem();
    }

    private void showProblem() {
        ((GridData) settingProblem.getLayoutData()).exclude = settingProblem.getText().isEmpty();
        settingProblem.setVisible(!settingProblem.getText().isEmpty());
        settingProblem.getParent().layout(true, true);
    }

    /** Shows the value the configuration holds in the setting's control (unless the user is typing in it). */
    private void updateSettingValue() {
        Setting s = current == null ? null : current.setting();
        if (s == null || settingControl == null || !masterclassOpen()) {
            if (settingControl != null) {
                settingControl.setEnabled(false);
            }
            return;
        }
        String value;
        try {
            value = ConfigText.valueText(session.text(), s.step(), s.configPath());
        } catch (IllegalArgumentException e) {
            settingControl.setEnabled(false);
            return; // the editor shows the YAML error
        }
        settingControl.setEnabled(!session.busy());
        updatingControl = true;
        try {
            if (settingControl instanceof Spinner sp && value != null) {
                try {
                    int v = Integer.parseInt(value.strip());
                    if (sp.getSelection() != v) {
                        sp.setSelection(v);
                    }
                } catch (NumberFormatException e) {
                    settingProblem.setText(s.step() + "." + s.key() + " is '" + value + "' in the configuration");
                    showProblem();
                }
            } else if (settingControl instanceof Text t && value != null && !t.isFocusControl()) {
                t.setText(value.strip());
            } else if (settingControl instanceof Combo c) {
                String label = s.choiceLabel(value);
                if (label != null) {
                    c.setText(label);
                } else {
                    c.deselectAll();
                }
            }
        } finally {
            updatingControl = false;
        }
    }

    private boolean masterclassOpen() {
        return session.rows().stream().anyMatch(r -> MasterclassLessons.lessonOf(r.name()) > 0);
    }

    private void runLesson() {
        try {
            session.runLesson(current);
        } catch (IOException | RuntimeException e) {
            MessageDialog.openError(run.getShell(), "Cannot run lesson " + current.number(), e.getMessage());
        }
    }

    private void refresh() {
        boolean open = masterclassOpen();
        boolean busy = session.busy();
        openButton.setVisible(!open);
        ((GridData) openButton.getLayoutData()).exclude = open;
        run.setEnabled(open && !busy && session.validation() != null && session.validation().valid());
        updateSettingValue();
        state.setText(stateText(open, busy));
        state.getParent().layout(true, true);
        refreshPlots();
    }

    private String stateText(boolean open, boolean busy) {
        if (!open) {
            return "Open the masterclass first (button above, or Run \u2192 Masterclass).";
        }
        List<StepRow> mine = session.rows().stream().filter(r -> current.owns(r.name())).toList();
        for (StepRow r : session.rows()) {
            if (r.state() == StepRow.State.RUNNING) {
                String pct = r.fraction() >= 0 ? String.format(Locale.ROOT, " %.0f %%", 100 * r.fraction()) : "";
                return "Running " + r.name() + pct + (r.task().isEmpty() ? "" : ": " + r.task()) + " ...";
            }
        }
        for (StepRow r : session.rows()) {
            if (r.state() == StepRow.State.FAILED) {
                return "Failed in " + r.name() + ": " + r.message();
            }
        }
        if (busy) {
            return session.status();
        }
        if (!mine.isEmpty() && mine.stream().allMatch(r -> r.state() == StepRow.State.DONE)) {
            double s = mine.stream().mapToDouble(StepRow::seconds).filter(x -> !Double.isNaN(x)).sum();
            return String.format(Locale.ROOT, "Lesson %d done (its steps took %.1f s). Change something and run again!",
                    current.number(), s);
        }
        if (!lessonPlots().isEmpty()) {
            return "Showing the plots of the last run. Press Run to make them again.";
        }
        return "Not run yet: press Run.";
    }

    private List<Artifact> lessonPlots() {
        RunFolderContents r = session.results();
        if (r == null || current == null) {
            return List.of();
        }
        return r.plots().stream().filter(a -> current.owns(a.step())).toList();
    }

    private void refreshPlots() {
        List<Artifact> plots = lessonPlots();
        int width = plotWidth();
        if (plots.equals(shownArtifacts) && plotsOf == current && plotColumn != null && Math.abs(width - loadedWidth) < 40) {
            return;
        }
        shownArtifacts = plots;
        plotsOf = current;
        loadedWidth = width;
        if (loading != null) {
            loading.cancel();
        }
        disposeImages();
        canvases.clear();
        if (plotColumn != null) {
            plotScroll.setContent(null);
            plotColumn.dispose();
        }
        shownPlots = 0;
        plotColumn = new Composite(plotScroll, SWT.NONE);
        plotColumn.setLayout(new GridLayout(1, false));
        plotScroll.setContent(plotColumn);
        RunFolderContents r = session.results();
        plotInfo.setText(plots.isEmpty() ? "The plots of lesson " + current.number() + " appear here after Run."
                : plots.size() + " plots of lesson " + current.number() + " (click one to zoom), from " + r.folder());
        int height = (int) Math.round(width * 0.75);
        for (Artifact a : plots) {
            Canvas c = new Canvas(plotColumn, SWT.DOUBLE_BUFFERED);
            c.setLayoutData(new GridData(width, height));
            c.setToolTipText(a.file() + "\nclick to open");
            c.setCursor(c.getDisplay().getSystemCursor(SWT.CURSOR_HAND));
            c.addListener(SWT.Paint, e -> {
                Image img = (Image) c.getData("image");
                if (img != null) {
                    var b = img.getBounds();
                    e.gc.drawImage(img, (width - b.width) / 2, 0);
                } else {
                    e.gc.drawString("loading...", 8, 8, true);
                }
            });
            c.addListener(SWT.MouseUp, e -> ChartWindow.open(c.getShell(), session, a));
            Label caption = new Label(plotColumn, SWT.CENTER);
            caption.setText(a.step() + " / " + a.name());
            caption.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            canvases.add(c);
        }
        plotScroll.setMinSize(plotColumn.computeSize(SWT.DEFAULT, SWT.DEFAULT));
        plotColumn.layout(true, true);
        plotInfo.getParent().layout(true, true);
        load(plots, new ArrayList<>(canvases), width, height);
    }

    private int plotWidth() {
        int w = plotScroll.getClientArea().width - 30;
        return w < 200 ? 480 : w;
    }

    private void load(List<Artifact> plots, List<Canvas> targets, int width, int height) {
        loading = PlotImages.loadThumbnails("Loading the plots of the masterclass lesson", plotScroll.getDisplay(),
                plots.stream().map(Artifact::file).toList(), targets, width, height, images, () -> shownPlots++);
    }

    private void resized() {
        var display = plotScroll.getDisplay();
        display.timerExec(300, () -> {
            if (!plotScroll.isDisposed() && Math.abs(plotWidth() - loadedWidth) >= 40) {
                shownArtifacts = List.of(); // force a reload at the new width
                refreshPlots();
            }
        });
    }

    private void disposeImages() {
        images.forEach(Image::dispose);
        images.clear();
    }
}
