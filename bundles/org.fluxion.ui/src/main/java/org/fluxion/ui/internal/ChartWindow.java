package org.fluxion.ui.internal;

import java.io.IOException;
import java.util.Locale;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.fluxion.api.artifact.PlotRenderer;
import org.fluxion.api.artifact.PlotSpec;
import org.fluxion.ui.internal.RunFolderContents.Artifact;

/**
 * A window with one plot that can be zoomed (mouse wheel around the pointer, + / − buttons) and
 * panned (drag); double-click fits it to the window. If the plot was made in this session its
 * {@link PlotSpec} is known, and after every zoom the installed renderer draws it again at the
 * shown size (the same rendering as the PNG, sharp at any zoom); otherwise the run folder's PNG is
 * scaled. Rendering runs in a job; the window only swaps in the finished image.
 */
final class ChartWindow {
    private static final int MAX_RENDER_PIXELS = 4000 * 3000;
    private static final double MAX_ZOOM = 8;

    private final Shell shell;
    private final Canvas canvas;
    private final Label zoomLabel;
    private final PlotSpec spec;
    private final PlotRenderer renderer;
    private final Image original;
    private Image sharp;
    private double zoom = 1; // relative to "fit"
    private double centreX = 0.5, centreY = 0.5; // plot point shown at the canvas centre, in [0, 1]
    private int dragX, dragY;
    private boolean dragging;
    private Job rendering;
    private int renderGeneration;

    private ChartWindow(Shell parent, AnalysisSession session, Artifact plot) throws IOException {
        spec = session.plotSpec(plot.file());
        renderer = session.services().renderer();
        shell = new Shell(parent, SWT.SHELL_TRIM);
        shell.setText(plot.label() + " \u2014 Fluxion");
        shell.setLayout(new GridLayout(1, false));
        Composite bar = new Composite(shell, SWT.NONE);
        bar.setLayout(new GridLayout(7, false));
        bar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        button(bar, "\u2212", "Zoom out", () -> zoomAt(zoom / 1.5, 0.5, 0.5));
        button(bar, "+", "Zoom in", () -> zoomAt(zoom * 1.5, 0.5, 0.5));
        button(bar, "Fit", "Fit the plot to the window", () -> zoomAt(1, 0.5, 0.5));
        button(bar, "100 %", "One PNG pixel per screen pixel", () -> zoomAt(1 / fitScale(), 0.5, 0.5));
        zoomLabel = new Label(bar, SWT.NONE);
        zoomLabel.setLayoutData(new GridData(90, SWT.DEFAULT));
        Label how = new Label(bar, SWT.NONE);
        how.setText(spec != null && renderer != null ? "drawn again from the plot at every zoom"
                : "the run folder's PNG, scaled");
        Label file = new Label(bar, SWT.NONE);
        file.setText(plot.file().toString());
        file.setLayoutData(new GridData(SWT.END, SWT.CENTER, true, false));
        original = new Image(shell.getDisplay(), PlotImages.image(plot.file()));
        canvas = new Canvas(shell, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
        canvas.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        canvas.addListener(SWT.Paint, e -> paint(e.gc));
        canvas.addListener(SWT.Resize, e -> scheduleRender());
        canvas.addListener(SWT.MouseVerticalWheel, e -> {
            Rectangle area = canvas.getClientArea();
            double[] p = toPlot(e.x, e.y);
            double factor = e.count > 0 ? 1.25 : 1 / 1.25;
            double newZoom = clampZoom(zoom * factor);
            double s = fitScale() * newZoom;
            // keep the plot point under the pointer where it is
            centreX = p[0] - (e.x - area.width / 2.0) / (original.getBounds().width * s);
            centreY = p[1] - (e.y - area.height / 2.0) / (original.getBounds().height * s);
            zoom = newZoom;
            changed();
        });
        canvas.addListener(SWT.MouseDown, e -> {
            dragging = true;
            dragX = e.x;
            dragY = e.y;
        });
        canvas.addListener(SWT.MouseUp, e -> dragging = false);
        canvas.addListener(SWT.MouseMove, e -> {
            if (dragging) {
                double s = fitScale() * zoom;
                centreX -= (e.x - dragX) / (original.getBounds().width * s);
                centreY -= (e.y - dragY) / (original.getBounds().height * s);
                dragX = e.x;
                dragY = e.y;
                changed();
            }
        });
        canvas.addListener(SWT.MouseDoubleClick, e -> zoomAt(1, 0.5, 0.5));
        shell.addDisposeListener(e -> {
            if (rendering != null) {
                rendering.cancel();
            }
            original.dispose();
            if (sharp != null) {
                sharp.dispose();
            }
        });
        shell.setSize(960, 780);
        updateLabel();
    }

    /** Opens a chart window for a plot of the run folder on show; errors are shown in a dialog. */
    static Shell open(Shell parent, AnalysisSession session, Artifact plot) {
        try {
            ChartWindow w = new ChartWindow(parent, session, plot);
            w.shell.open();
            return w.shell;
        } catch (IOException e) {
            org.eclipse.jface.dialogs.MessageDialog.openError(parent, "Cannot open the plot", e.getMessage());
            return null;
        }
    }

    private void button(Composite bar, String text, String tip, Runnable action) {
        Button b = new Button(bar, SWT.PUSH);
        b.setText(text);
        b.setToolTipText(tip);
        b.addListener(SWT.Selection, e -> action.run());
    }

    private double fitScale() {
        Rectangle area = canvas.getClientArea();
        Rectangle img = original.getBounds();
        if (area.width <= 0 || area.height <= 0) {
            return 1;
        }
        return Math.min((double) area.width / img.width, (double) area.height / img.height);
    }

    private double clampZoom(double z) {
        return Math.max(0.25, Math.min(MAX_ZOOM, z));
    }

    private void zoomAt(double z, double cx, double cy) {
        zoom = clampZoom(z);
        centreX = cx;
        centreY = cy;
        changed();
    }

    private void changed() {
        if (zoom <= 1) {
            centreX = centreY = 0.5;
        }
        centreX = Math.max(0, Math.min(1, centreX));
        centreY = Math.max(0, Math.min(1, centreY));
        updateLabel();
        canvas.redraw();
        scheduleRender();
    }

    private void updateLabel() {
        zoomLabel.setText(String.format(Locale.ROOT, "zoom %.0f %%", 100 * zoom));
    }

    /** @return the plot point (fractions of width and height) under a canvas point */
    private double[] toPlot(int x, int y) {
        Rectangle area = canvas.getClientArea();
        Rectangle img = original.getBounds();
        double s = fitScale() * zoom;
        return new double[] { centreX + (x - area.width / 2.0) / (img.width * s),
                centreY + (y - area.height / 2.0) / (img.height * s) };
    }

    private void paint(GC gc) {
        Rectangle area = canvas.getClientArea();
        gc.setBackground(canvas.getDisplay().getSystemColor(SWT.COLOR_WIDGET_BACKGROUND));
        gc.fillRectangle(area);
        Rectangle img = original.getBounds();
        double s = fitScale() * zoom;
        int w = (int) Math.round(img.width * s), h = (int) Math.round(img.height * s);
        int x = (int) Math.round(area.width / 2.0 - centreX * w);
        int y = (int) Math.round(area.height / 2.0 - centreY * h);
        if (sharp != null && sharp.getBounds().width == w && sharp.getBounds().height == h) {
            gc.drawImage(sharp, x, y);
        } else {
            gc.setAntialias(SWT.ON);
            gc.setInterpolation(SWT.HIGH);
            gc.drawImage(original, 0, 0, img.width, img.height, x, y, w, h);
        }
    }

    private void scheduleRender() {
        if (spec == null || renderer == null) {
            return;
        }
        int generation = ++renderGeneration;
        canvas.getDisplay().timerExec(200, () -> {
            if (canvas.isDisposed() || generation != renderGeneration) {
                return;
            }
            Rectangle img = original.getBounds();
            double s = fitScale() * zoom;
            int w = (int) Math.round(img.width * s), h = (int) Math.round(img.height * s);
            if (w < 50 || h < 50 || (long) w * h > MAX_RENDER_PIXELS
                    || sharp != null && sharp.getBounds().width == w && sharp.getBounds().height == h) {
                return;
            }
            if (rendering != null) {
                rendering.cancel();
            }
            var display = canvas.getDisplay();
            rendering = Job.create("Drawing " + shell.getText(), monitor -> {
                ImageData data;
                try {
                    data = PlotImages.render(renderer, spec, w, h);
                } catch (IOException | RuntimeException e) {
                    return Status.warning("cannot draw the plot again at " + w + "x" + h + ": " + e.getMessage(), e);
                }
                if (!monitor.isCanceled()) {
                    display.asyncExec(() -> {
                        if (canvas.isDisposed() || generation != renderGeneration) {
                            return;
                        }
                        if (sharp != null) {
                            sharp.dispose();
                        }
                        sharp = new Image(display, data);
                        canvas.redraw();
                    });
                }
                return Status.OK_STATUS;
            });
            rendering.setSystem(true);
            rendering.schedule();
        });
    }
}
