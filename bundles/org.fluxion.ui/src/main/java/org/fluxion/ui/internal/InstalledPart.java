package org.fluxion.ui.internal;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeColumn;
import org.eclipse.swt.widgets.TreeItem;
import org.fluxion.core.RegisteredStep;
import org.fluxion.core.StepRegistry;
import org.fluxion.ui.internal.AnalysisSession.Topic;
import org.fluxion.unfolding.api.RegisteredUnfolder;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * The installed steps and unfolders with their providing bundles, versions and rankings, updated as
 * bundles come and go. A provider that lost to a higher-ranked one for the same id is listed under
 * the winner as "shadowed".
 */
public final class InstalledPart {
    @Inject
    AnalysisSession session;

    private Tree tree;

    @PostConstruct
    void create(Composite parent) {
        parent.setLayout(new FillLayout());
        tree = new Tree(parent, SWT.BORDER | SWT.FULL_SELECTION);
        tree.setHeaderVisible(true);
        for (String[] c : new String[][] { { "Id", "150" }, { "Title", "180" }, { "Bundle", "170" }, { "Version", "150" },
                { "Ranking", "60" } }) {
            TreeColumn col = new TreeColumn(tree, SWT.LEFT);
            col.setText(c[0]);
            col.setWidth(Integer.parseInt(c[1]));
        }
        SessionSubscription.attach(session, tree, this::refresh, Topic.INSTALLED);
        refresh();
    }

    private void refresh() {
        tree.removeAll();
        StepRegistry steps = session.services().steps();
        TreeItem stepRoot = new TreeItem(tree, SWT.NONE);
        stepRoot.setText("Steps (" + steps.ids().size() + ")");
        for (String id : steps.ids()) {
            RegisteredStep w = steps.resolve(id);
            TreeItem item = new TreeItem(stepRoot, SWT.NONE);
            item.setText(new String[] { id, w.provider().descriptor().title(), w.bundle(), w.bundleVersion(),
                    Integer.toString(w.ranking()) });
            item.setData(w.provider().descriptor().description());
            for (RegisteredStep s : steps.shadowed(id)) {
                TreeItem sh = new TreeItem(item, SWT.NONE);
                sh.setText(new String[] { "shadowed", s.provider().descriptor().title(), s.bundle(), s.bundleVersion(),
                        Integer.toString(s.ranking()) });
            }
        }
        List<RegisteredUnfolder> unfolders = session.services().unfolders();
        TreeItem unfolderRoot = new TreeItem(tree, SWT.NONE);
        long ids = unfolders.stream().map(RegisteredUnfolder::id).distinct().count();
        unfolderRoot.setText("Unfolders (" + ids + ")");
        TreeItem last = null;
        String lastId = null;
        for (RegisteredUnfolder u : unfolders) {
            boolean shadowed = u.id().equals(lastId);
            TreeItem item = shadowed ? new TreeItem(last, SWT.NONE) : new TreeItem(unfolderRoot, SWT.NONE);
            item.setText(new String[] { shadowed ? "shadowed" : u.id(), u.provider().descriptor().title(), u.bundle(),
                    u.bundleVersion(), Integer.toString(u.ranking()) });
            if (!shadowed) {
                last = item;
                lastId = u.id();
            }
        }
        if (unfolders.isEmpty()) {
            new TreeItem(unfolderRoot, SWT.NONE).setText("(none installed)");
        }
        stepRoot.setExpanded(true);
        unfolderRoot.setExpanded(true);
    }
}
