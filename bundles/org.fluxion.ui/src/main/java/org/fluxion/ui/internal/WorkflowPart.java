package org.fluxion.ui.internal;

import java.util.List;
import java.util.Locale;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.fluxion.ui.internal.AnalysisSession.Topic;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * The workflow view: the steps of the open configuration in order with their enabled flags (tick to
 * enable or disable), run state, progress and wall time; Run and Cancel; the last run's status and
 * warnings. Selecting a step shows its settings and its place in the configuration.
 */
public final class WorkflowPart {
    @Inject
    AnalysisSession session;

    private Label title;
    private Label description;
    private Button run;
    private Button cancel;
    private Table table;
    private ProgressBar progress;
    private Text status;
    private boolean refreshing;

    @PostConstruct
    void create(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        title = new Label(parent, SWT.NONE);
        title.setFont(JFaceResources.getBannerFont());
        title.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        description = new Label(parent, SWT.WRAP);
        description.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

        Composite buttons = new Composite(parent, SWT.NONE);
        buttons.setLayout(new GridLayout(2, true));
        run = new Button(buttons, SWT.PUSH);
        run.setText("Run");
        run.setToolTipText("Run the workflow (the configuration is saved first)");
        run.addListener(SWT.Selection, e -> {
            try {
                session.run();
            } catch (Exception ex) {
                MessageDialog.openError(parent.getShell(), "Cannot run", ex.getMessage());
            }
        });
        cancel = new Button(buttons, SWT.PUSH);
        cancel.setText("Cancel");
        cancel.setToolTipText("Cancel the run: the engine stops at its next check and writes no run folder");
        cancel.addListener(SWT.Selection, e -> session.cancel());

        table = new Table(parent, SWT.CHECK | SWT.FULL_SELECTION | SWT.BORDER | SWT.SINGLE);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        for (String[] c : new String[][] { { "Step", "110" }, { "Uses", "90" }, { "State", "110" }, { "Progress", "70" },
                { "Time", "60" } }) {
            TableColumn col = new TableColumn(table, SWT.LEFT);
            col.setText(c[0]);
            col.setWidth(Integer.parseInt(c[1]));
        }
        table.addListener(SWT.Selection, e -> {
            if (refreshing || !(e.item instanceof TableItem item)) {
                return;
            }
            StepRow row = (StepRow) item.getData();
            if (e.detail == SWT.CHECK) {
                if (session.busy()) {
                    item.setChecked(row.enabled());
                    return;
                }
                try {
                    session.setEnabled(row.name(), item.getChecked());
                } catch (IllegalArgumentException ex) {
                    item.setChecked(row.enabled());
                    MessageDialog.openError(parent.getShell(), "Cannot change step '" + row.name() + "'", ex.getMessage());
                }
            }
            session.select(row.name());
        });

        progress = new ProgressBar(parent, SWT.HORIZONTAL | SWT.SMOOTH);
        progress.setMaximum(1000);
        progress.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        status = new Text(parent, SWT.MULTI | SWT.WRAP | SWT.READ_ONLY | SWT.V_SCROLL | SWT.BORDER);
        GridData sd = new GridData(SWT.FILL, SWT.FILL, true, false);
        sd.heightHint = 90;
        status.setLayoutData(sd);

        SessionSubscription.attach(session, table, this::refresh, Topic.DOCUMENT, Topic.STEPS, Topic.SELECTION,
                Topic.RUN, Topic.VALIDATION);
        refresh();
    }

    /** @return the table of steps (for the UI tests) */
    public Table table() {
        return table;
    }

    private void refresh() {
        refreshing = true;
        try {
            ConfigValidation v = session.validation();
            if (session.file() == null) {
                title.setText("No configuration open");
                description.setText("File \u2192 Open configuration..., or File \u2192 Open demo.");
            } else {
                title.setText(session.file().getFileName() + (session.dirty() ? " *" : ""));
                description.setText(v != null && v.config() != null ? v.config().description() : "");
            }
            boolean busy = session.busy();
            run.setEnabled(!busy && v != null && v.valid());
            cancel.setEnabled(busy);
            List<StepRow> rows = session.rows();
            table.setItemCount(rows.size());
            String selected = session.selected();
            StepRow running = null;
            for (int i = 0; i < rows.size(); i++) {
                StepRow r = rows.get(i);
                TableItem item = table.getItem(i);
                item.setData(r);
                item.setChecked(r.enabled());
                item.setText(new String[] { r.name(), r.use(), state(r), percent(r), seconds(r) });
                item.setForeground(2, table.getDisplay().getSystemColor(switch (r.state()) {
                    case FAILED -> SWT.COLOR_RED;
                    case DONE -> SWT.COLOR_DARK_GREEN;
                    case RUNNING -> SWT.COLOR_DARK_BLUE;
                    case CANCELLED -> SWT.COLOR_DARK_YELLOW;
                    default -> SWT.COLOR_DARK_GRAY;
                }));
                if (r.name().equals(selected)) {
                    table.setSelection(i);
                }
                if (r.state() == StepRow.State.RUNNING) {
                    running = r;
                }
            }
            progress.setSelection(running == null || running.fraction() < 0 ? 0 : (int) (running.fraction() * 1000));
            progress.setVisible(busy);
            status.setText(statusText(rows, selected));
        } finally {
            refreshing = false;
        }
    }

    private String statusText(List<StepRow> rows, String selected) {
        StringBuilder sb = new StringBuilder(session.status());
        for (StepRow r : rows) {
            if (r.name().equals(selected) && !r.message().isEmpty()) {
                sb.append(sb.length() > 0 ? "\n" : "").append(r.name()).append(": ").append(r.message());
            }
        }
        List<String> warnings = session.warnings();
        if (!warnings.isEmpty()) {
            sb.append("\nwarnings:");
            warnings.forEach(w -> sb.append("\n  ").append(w));
        }
        return sb.toString();
    }

    private static String state(StepRow r) {
        if (r.state() == StepRow.State.RUNNING && !r.task().isEmpty()) {
            return "running: " + r.task();
        }
        if (r.state() == StepRow.State.FAILED) {
            return "failed: " + r.message();
        }
        return r.state().label();
    }

    private static String percent(StepRow r) {
        if (r.state() == StepRow.State.DONE) {
            return "100 %";
        }
        return r.state() == StepRow.State.RUNNING && r.fraction() >= 0
                ? String.format(Locale.ROOT, "%.0f %%", 100 * r.fraction()) : "";
    }

    private static String seconds(StepRow r) {
        return Double.isNaN(r.seconds()) ? "" : String.format(Locale.ROOT, "%.2f s", r.seconds());
    }
}
