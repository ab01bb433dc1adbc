package org.fluxion.plot.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import javax.imageio.ImageIO;

import org.fluxion.api.artifact.PlotRenderer.Format;
import org.fluxion.api.artifact.PlotSpec;
import org.junit.jupiter.api.Test;

/**
 * Renders the gallery of representative plots into {@code target/plot-gallery/} (PNG and PDF) for
 * looking at, and checks that each one is a readable image of the requested size with a drawing.
 */
class PlotGalleryTest {
    @Test
    void rendersGallery() throws IOException {
        Path dir = Path.of("target", "plot-gallery");
        Files.createDirectories(dir);
        JFreeChartPlotRenderer renderer = new JFreeChartPlotRenderer();
        for (Map.Entry<String, PlotSpec> e : GalleryPlots.all().entrySet()) {
            Path png = dir.resolve(e.getKey() + ".png");
            renderer.render(e.getValue(), Format.PNG, 800, 600, png);
            renderer.render(e.getValue(), Format.PDF, 800, 600, dir.resolve(e.getKey() + ".pdf"));
            BufferedImage img = ImageIO.read(png.toFile());
            assertEquals(800, img.getWidth(), e.getKey());
            assertEquals(600, img.getHeight(), e.getKey());
            int coloured = 0;
            for (int y = 100; y < 500; y += 2) {
                for (int x = 150; x < 650; x += 2) {
                    int rgb = img.getRGB(x, y) & 0xFFFFFF;
                    int r = rgb >> 16, g = (rgb >> 8) & 0xFF, b = rgb & 0xFF;
                    if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 40) {
                        coloured++;
                    }
                }
            }
            assertTrue(coloured > 200, e.getKey() + ": only " + coloured + " coloured pixels in the plot area");
        }
    }
}
