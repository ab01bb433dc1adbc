package org.fluxion.ui.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeColumn;
import org.eclipse.swt.widgets.TreeItem;
import org.fluxion.ui.internal.AnalysisSession.Topic;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * The provenance of the run folder on show: {@code provenance.json} as a tree (inputs with their
 * hashes, seed, JVM, every bundle and provider version, per-step timing, warnings) and the
 * resolved configuration that reruns it.
 */
public final class ProvenancePart {
    @Inject
    AnalysisSession session;

    private Tree tree;
    private StyledText resolved;
    private RunFolderContents shown;

    @PostConstruct
    void create(Composite parent) {
        parent.setLayout(new FillLayout());
        CTabFolder tabs = new CTabFolder(parent, SWT.BOTTOM | SWT.BORDER);
        tree = new Tree(tabs, SWT.FULL_SELECTION);
        tree.setHeaderVisible(true);
        TreeColumn k = new TreeColumn(tree, SWT.LEFT);
        k.setText("Key");
        k.setWidth(200);
        TreeColumn v = new TreeColumn(tree, SWT.LEFT);
        v.setText("Value");
        v.setWidth(420);
        CTabItem t1 = new CTabItem(tabs, SWT.NONE);
        t1.setText("provenance.json");
        t1.setControl(tree);
        resolved = new StyledText(tabs, SWT.READ_ONLY | SWT.V_SCROLL | SWT.H_SCROLL);
        resolved.setFont(JFaceResources.getTextFont());
        CTabItem t2 = new CTabItem(tabs, SWT.NONE);
        t2.setText("config.resolved.yaml");
        t2.setControl(resolved);
        tabs.setSelection(t1);
        SessionSubscription.attach(session, tree, this::refresh, Topic.RESULTS);
        refresh();
    }

    private void refresh() {
        RunFolderContents r = session.results();
        if (r == shown) {
            return;
        }
        shown = r;
        tree.removeAll();
        if (r == null) {
            resolved.setText("");
            new TreeItem(tree, SWT.NONE).setText("no run folder on show");
            return;
        }
        if (r.provenance().isEmpty()) {
            new TreeItem(tree, SWT.NONE).setText(new String[] { "provenance.json", "missing in " + r.folder() });
        }
        for (Map.Entry<String, Object> e : r.provenance().entrySet()) {
            TreeItem item = new TreeItem(tree, SWT.NONE);
            fill(item, e.getKey(), e.getValue());
            item.setExpanded(List.of("config", "steps", "warnings").contains(e.getKey()));
        }
        try {
            resolved.setText(Files.isRegularFile(r.resolvedConfig())
                    ? Files.readString(r.resolvedConfig(), StandardCharsets.UTF_8)
                    : "no config.resolved.yaml in " + r.folder());
        } catch (IOException e) {
            resolved.setText("cannot read " + r.resolvedConfig() + ": " + e.getMessage());
        }
    }

    private static void fill(TreeItem item, String key, Object value) {
        if (value instanceof Map<?, ?> m) {
            item.setText(new String[] { key, m.isEmpty() ? "{}" : summary(m) });
            for (Map.Entry<?, ?> e : m.entrySet()) {
                fill(new TreeItem(item, SWT.NONE), String.valueOf(e.getKey()), e.getValue());
            }
        } else if (value instanceof List<?> l) {
            item.setText(new String[] { key, l.isEmpty() ? "[]" : l.size() + " entries" });
            int i = 0;
            for (Object o : l) {
                String k = o instanceof Map<?, ?> m && m.get("id") != null ? String.valueOf(m.get("id"))
                        : o instanceof Map<?, ?> m2 && m2.get("path") != null ? String.valueOf(m2.get("path"))
                        : "[" + i + "]";
                fill(new TreeItem(item, SWT.NONE), k, o);
                i++;
            }
        } else {
            item.setText(new String[] { key, String.valueOf(value) });
        }
    }

    private static String summary(Map<?, ?> m) {
        Object t = m.get("wall_time_s");
        Object use = m.get("use");
        if (use != null) {
            return use + (t != null ? ", " + t + " s" : "");
        }
        return m.size() + " keys";
    }
}
