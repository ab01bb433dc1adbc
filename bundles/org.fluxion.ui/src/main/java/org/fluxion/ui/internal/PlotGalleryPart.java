package org.fluxion.ui.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowData;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Label;
import org.fluxion.ui.internal.AnalysisSession.Topic;
import org.fluxion.ui.internal.RunFolderContents.Artifact;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * The plot gallery of the run folder on show: a thumbnail per PNG (step / name), made in a
 * background job; a click opens the plot in a zoomable {@link ChartWindow}. The combo lists the
 * run folders next to the open configuration's (newest first) to look at earlier runs.
 */
public final class PlotGalleryPart {
    static final int THUMB_WIDTH = 232, THUMB_HEIGHT = 174;

    @Inject
    AnalysisSession session;

    private Combo runs;
    private final List<Path> runPaths = new ArrayList<>();
    private Label info;
    private ScrolledComposite scroll;
    private Composite grid;
    private final List<Image> images = new ArrayList<>();
    private Job loading;
    private volatile int shownThumbnails;

    @PostConstruct
    void create(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        Composite bar = new Composite(parent, SWT.NONE);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        bar.setLayout(new GridLayout(3, false));
        new Label(bar, SWT.NONE).setText("Run folder:");
        runs = new Combo(bar, SWT.DROP_DOWN | SWT.READ_ONLY);
        runs.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        runs.addListener(SWT.Selection, e -> {
            int i = runs.getSelectionIndex();
            if (i >= 0 && i < runPaths.size()) {
                try {
                    session.openRunFolder(runPaths.get(i));
                } catch (IOException ex) {
                    MessageDialog.openError(parent.getShell(), "Cannot open the run folder", ex.getMessage());
                }
            }
        });
        Button other = new Button(bar, SWT.PUSH);
        other.setText("Open...");
        other.setToolTipText("Open any run folder");
        other.addListener(SWT.Selection, e -> {
            DirectoryDialog d = new DirectoryDialog(parent.getShell());
            d.setText("Open a run folder");
            Path start = session.outputDirectory();
            if (start != null) {
                d.setFilterPath(start.toString());
            }
            String chosen = d.open();
            if (chosen != null) {
                try {
                    session.openRunFolder(Path.of(chosen));
                } catch (IOException ex) {
                    MessageDialog.openError(parent.getShell(), "Cannot open the run folder", ex.getMessage());
                }
            }
        });
        info = new Label(parent, SWT.WRAP);
        info.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        scroll = new ScrolledComposite(parent, SWT.V_SCROLL | SWT.BORDER);
        scroll.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        scroll.setExpandHorizontal(true);
        scroll.setExpandVertical(true);
        scroll.addListener(SWT.Resize, e -> relayout());
        scroll.addDisposeListener(e -> disposeImages());
        SessionSubscription.attach(session, scroll, this::refresh, Topic.RESULTS, Topic.DOCUMENT, Topic.RUN);
        refresh();
    }

    /** @return the number of thumbnails drawn so far (for the UI tests) */
    public int thumbnailCount() {
        return shownThumbnails;
    }

    /** @return the thumbnail canvases (for the UI tests) */
    public List<Canvas> thumbnails() {
        List<Canvas> out = new ArrayList<>();
        if (grid != null) {
            for (var c : grid.getChildren()) {
                if (c instanceof Composite cell) {
                    for (var x : cell.getChildren()) {
                        if (x instanceof Canvas canvas) {
                            out.add(canvas);
                        }
                    }
                }
            }
        }
        return out;
    }

    private RunFolderContents shown;

    private void refresh() {
        refreshRunList();
        RunFolderContents r = session.results();
        if (r == shown) {
            return;
        }
        shown = r;
        if (loading != null) {
            loading.cancel();
        }
        disposeImages();
        if (grid != null) {
            scroll.setContent(null);
            grid.dispose();
        }
        shownThumbnails = 0;
        grid = new Composite(scroll, SWT.NONE);
        RowLayout layout = new RowLayout(SWT.HORIZONTAL);
        layout.wrap = true;
        layout.spacing = 8;
        grid.setLayout(layout);
        scroll.setContent(grid);
        if (r == null) {
            info.setText("No run folder yet: run the workflow, or open an earlier run folder.");
            relayout();
            return;
        }
        info.setText(r.plots().size() + " plots in " + r.folder());
        List<Canvas> canvases = new ArrayList<>();
        for (Artifact a : r.plots()) {
            Composite cell = new Composite(grid, SWT.NONE);
            GridLayout gl = new GridLayout(1, false);
            gl.marginWidth = gl.marginHeight = 2;
            cell.setLayout(gl);
            cell.setLayoutData(new RowData(THUMB_WIDTH + 8, SWT.DEFAULT));
            Canvas c = new Canvas(cell, SWT.BORDER | SWT.DOUBLE_BUFFERED);
            GridData gd = new GridData(THUMB_WIDTH, THUMB_HEIGHT);
            c.setLayoutData(gd);
            c.setData(a);
            c.setToolTipText(a.file().toString() + "\nclick to open");
            c.setCursor(c.getDisplay().getSystemCursor(SWT.CURSOR_HAND));
            c.addListener(SWT.Paint, e -> {
                Image img = (Image) c.getData("image");
                if (img != null) {
                    var b = img.getBounds();
                    e.gc.drawImage(img, (THUMB_WIDTH - b.width) / 2, (THUMB_HEIGHT - b.height) / 2);
                } else {
                    e.gc.drawString("loading...", 8, 8, true);
                }
            });
            c.addListener(SWT.MouseUp, e -> ChartWindow.open(c.getShell(), session, a));
            Label caption = new Label(cell, SWT.CENTER);
            caption.setText(a.label());
            caption.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            canvases.add(c);
        }
        relayout();
        loadThumbnails(r, canvases);
    }

    private void refreshRunList() {
        Path out = session.outputDirectory();
        List<Path> found = new ArrayList<>();
        try {
            if (out != null) {
                found.addAll(RunFolderContents.runFolders(out));
            }
        } catch (IOException e) {
            // the list stays empty; the Open... button still works
        }
        RunFolderContents r = session.results();
        if (r != null && !found.contains(r.folder())) {
            found.add(0, r.folder());
        }
        if (!found.equals(runPaths)) {
            runPaths.clear();
            runPaths.addAll(found);
            runs.setItems(found.stream().map(p -> out != null && p.startsWith(out) ? out.relativize(p).toString()
                    : p.toString()).toArray(String[]::new));
        }
        runs.select(r == null ? -1 : runPaths.indexOf(r.folder()));
    }

    private void loadThumbnails(RunFolderContents r, List<Canvas> canvases) {
        loading = PlotImages.loadThumbnails("Loading plot thumbnails of " + r.folder().getFileName(),
                scroll.getDisplay(), r.plots().stream().map(Artifact::file).toList(), canvases, THUMB_WIDTH - 4,
                THUMB_HEIGHT - 4, images, () -> shownThumbnails++);
    }

    private void relayout() {
        if (grid == null || grid.isDisposed()) {
            return;
        }
        int width = scroll.getClientArea().width;
        scroll.setMinSize(grid.computeSize(Math.max(width, THUMB_WIDTH + 20), SWT.DEFAULT));
        grid.layout(true, true);
    }

    private void disposeImages() {
        images.forEach(Image::dispose);
        images.clear();
    }
}
