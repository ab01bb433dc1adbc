package org.fluxion.ui.internal;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.graphics.PaletteData;
import org.fluxion.api.artifact.PlotRenderer;
import org.fluxion.api.artifact.PlotSpec;

/**
 * Plot pictures for SWT, made off the UI thread with AWT (headless, off-screen only): PNG files read
 * and scaled with bicubic interpolation, plots drawn again by the installed {@link PlotRenderer} at
 * a new size, all converted to device-independent {@link ImageData} that the UI thread turns into
 * images. Stateless and thread-safe.
 */
final class PlotImages {
    private PlotImages() {
    }

    /**
     * Schedules a system job that reads each PNG as a thumbnail off the UI thread and hands it to its
     * canvas on the UI thread (canvas data {@code "image"}, then a redraw). A PNG that cannot be read is
     * skipped (its canvas keeps saying "loading...": its tooltip names the file).
     *
     * @param display the canvases' display (taken on the UI thread)
     * @param images  receives every image made, for the caller to dispose (UI thread only)
     * @param shown  run on the UI thread after each image is shown
     * @return the scheduled job (cancel it to stop loading)
     */
    static Job loadThumbnails(String title, Display display, List<Path> pngs, List<Canvas> canvases, int width,
            int height, List<Image> images, Runnable shown) {
        Job loading = Job.create(title, monitor -> {
            for (int i = 0; i < pngs.size() && !monitor.isCanceled(); i++) {
                ImageData data;
                try {
                    data = thumbnail(pngs.get(i), width, height);
                } catch (IOException | RuntimeException e) {
                    continue;
                }
                Canvas c = canvases.get(i);
                display.asyncExec(() -> {
                    if (c.isDisposed()) {
                        return;
                    }
                    Image img = new Image(display, data);
                    images.add(img);
                    c.setData("image", img);
                    c.redraw();
                    shown.run();
                });
            }
            return Status.OK_STATUS;
        });
        loading.setSystem(true);
        loading.schedule();
        return loading;
    }

    /** @return the PNG scaled to fit {@code maxWidth × maxHeight}, aspect ratio kept */
    static ImageData thumbnail(Path png, int maxWidth, int maxHeight) throws IOException {
        BufferedImage full = read(png);
        double s = Math.min((double) maxWidth / full.getWidth(), (double) maxHeight / full.getHeight());
        int w = Math.max(1, (int) Math.round(full.getWidth() * s));
        int h = Math.max(1, (int) Math.round(full.getHeight() * s));
        BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = small.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(full, 0, 0, w, h, java.awt.Color.WHITE, null);
        } finally {
            g.dispose();
        }
        return toImageData(small);
    }

    /** @return the PNG at its own size */
    static ImageData image(Path png) throws IOException {
        return toImageData(read(png));
    }

    /**
     * Draws a plot again at another size with the same renderer that wrote the run folder's PNG.
     *
     * @throws IOException if rendering or reading the temporary file fails
     */
    static ImageData render(PlotRenderer renderer, PlotSpec spec, int width, int height) throws IOException {
        Path tmp = Files.createTempFile("fluxion-plot-", ".png");
        try {
            renderer.render(spec, PlotRenderer.Format.PNG, width, height, tmp);
            return image(tmp);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static BufferedImage read(Path png) throws IOException {
        BufferedImage img = ImageIO.read(png.toFile());
        if (img == null) {
            throw new IOException(png + " is not an image that Java can read");
        }
        return img;
    }

    /** @return the pixels of an AWT image as 24-bit RGB image data */
    static ImageData toImageData(BufferedImage img) {
        int w = img.getWidth(), h = img.getHeight();
        ImageData data = new ImageData(w, h, 24, new PaletteData(0xFF0000, 0x00FF00, 0x0000FF));
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            img.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                row[x] &= 0xFFFFFF;
            }
            data.setPixels(0, y, w, row, 0);
        }
        return data;
    }
}
