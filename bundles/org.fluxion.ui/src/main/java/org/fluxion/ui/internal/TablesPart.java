package org.fluxion.ui.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.fluxion.ui.internal.AnalysisSession.Topic;
import org.fluxion.ui.internal.RunFolderContents.Artifact;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * The tables (CSV: cut flows, histogram contents, fit results) and summaries (JSON) of the run
 * folder on show: a list of files on the left, the selected one on the right.
 */
public final class TablesPart {
    private static final int MAX_ROWS = 100_000;

    @Inject
    AnalysisSession session;

    private org.eclipse.swt.widgets.List files;
    private final List<Artifact> artifacts = new ArrayList<>();
    private Composite right;
    private StackLayout stack;
    private Table table;
    private Text text;
    private Label empty;
    private RunFolderContents shown;

    @PostConstruct
    void create(Composite parent) {
        parent.setLayout(new FillLayout());
        SashForm sash = new SashForm(parent, SWT.HORIZONTAL);
        files = new org.eclipse.swt.widgets.List(sash, SWT.BORDER | SWT.SINGLE | SWT.V_SCROLL);
        files.addListener(SWT.Selection, e -> show(files.getSelectionIndex()));
        right = new Composite(sash, SWT.NONE);
        stack = new StackLayout();
        right.setLayout(stack);
        table = new Table(right, SWT.BORDER | SWT.FULL_SELECTION | SWT.VIRTUAL);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        text = new Text(right, SWT.BORDER | SWT.MULTI | SWT.READ_ONLY | SWT.V_SCROLL | SWT.H_SCROLL);
        text.setFont(JFaceResources.getTextFont());
        empty = new Label(right, SWT.WRAP);
        empty.setText("No tables: run the workflow or open a run folder.");
        stack.topControl = empty;
        sash.setWeights(30, 70);
        SessionSubscription.attach(session, files, this::refresh, Topic.RESULTS);
        refresh();
    }

    private void refresh() {
        RunFolderContents r = session.results();
        if (r == shown) {
            return;
        }
        shown = r;
        artifacts.clear();
        if (r != null) {
            artifacts.addAll(r.tables());
            artifacts.addAll(r.summaries());
        }
        files.setItems(artifacts.stream().map(a -> a.label() + (a.file().toString().endsWith(".json") ? " (json)" : ""))
                .toArray(String[]::new));
        if (artifacts.isEmpty()) {
            stack.topControl = empty;
            right.layout();
        } else {
            files.select(0);
            show(0);
        }
    }

    private void show(int index) {
        if (index < 0 || index >= artifacts.size()) {
            return;
        }
        Artifact a = artifacts.get(index);
        try {
            if (a.file().toString().endsWith(".csv")) {
                showCsv(CsvTable.read(a.file(), MAX_ROWS));
                stack.topControl = table;
            } else {
                text.setText(Files.readString(a.file(), StandardCharsets.UTF_8));
                stack.topControl = text;
            }
        } catch (IOException e) {
            text.setText("cannot read " + a.file() + ": " + e.getMessage());
            stack.topControl = text;
        }
        right.layout();
    }

    private void showCsv(CsvTable csv) {
        table.setRedraw(false);
        try {
            table.removeAll();
            for (TableColumn c : table.getColumns()) {
                c.dispose();
            }
            for (String h : csv.headers()) {
                TableColumn c = new TableColumn(table, SWT.RIGHT);
                c.setText(h);
                c.setWidth(Math.max(70, 9 * h.length()));
            }
            List<List<String>> rows = csv.rows();
            table.setData(rows);
            table.setItemCount(rows.size() + (csv.truncated() ? 1 : 0));
            table.clearAll();
            if (table.getListeners(SWT.SetData).length == 0) {
                table.addListener(SWT.SetData, e -> {
                    @SuppressWarnings("unchecked")
                    List<List<String>> data = (List<List<String>>) table.getData();
                    TableItem item = (TableItem) e.item;
                    int i = table.indexOf(item);
                    if (i < data.size()) {
                        item.setText(data.get(i).toArray(String[]::new));
                    } else {
                        item.setText("(more rows in the file than shown)");
                    }
                });
            }
        } finally {
            table.setRedraw(true);
        }
    }
}
