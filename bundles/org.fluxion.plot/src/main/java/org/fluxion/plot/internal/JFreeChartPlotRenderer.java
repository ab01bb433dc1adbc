package org.fluxion.plot.internal;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Objects;

import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.fluxion.api.artifact.PlotRenderer;
import org.fluxion.api.artifact.PlotSpec;
import org.jfree.chart.JFreeChart;
import org.osgi.service.component.annotations.Component;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;

/**
 * The plot service: draws a {@link PlotSpec} with JFreeChart and writes it as PNG (anti-aliased
 * RGB raster) or PDF (one page of the requested size in points, vector graphics with text as glyph
 * outlines). The layout is designed for 800 × 600 and scaled to other sizes, so fonts keep their
 * proportion. PDFs are reproducible: no dates and a document id derived from the bytes of the page
 * content, so the same plot gives the same file. AWT is used off-screen only; nothing global is
 * changed. Stateless and thread-safe: every call builds its own chart.
 */
@Component(service = PlotRenderer.class)
public final class JFreeChartPlotRenderer implements PlotRenderer {
    /** Smallest and largest factor by which the 800 × 600 design is scaled. */
    private static final double MIN_SCALE = 0.5;
    private static final double MAX_SCALE = 4;

    @Override
    public void render(PlotSpec plot, Format format, int widthPx, int heightPx, Path file) throws IOException {
        Objects.requireNonNull(plot, "plot");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(file, "file");
        if (widthPx <= 0 || heightPx <= 0) {
            throw new IllegalArgumentException("plot '" + plot.title() + "': size must be > 0 in both directions but was "
                    + widthPx + " x " + heightPx);
        }
        JFreeChart chart = new ChartComposer(plot).compose();
        byte[] bytes = switch (format) {
            case PNG -> png(chart, widthPx, heightPx);
            case PDF -> pdf(chart, plot.title(), widthPx, heightPx);
        };
        Files.write(file, bytes);
    }

    /** @return the factor by which the design layout is scaled to the requested size */
    static double scale(int width, int height) {
        double s = Math.sqrt(width * (double) height / (PlotStyle.DESIGN_WIDTH * PlotStyle.DESIGN_HEIGHT));
        return Math.max(MIN_SCALE, Math.min(MAX_SCALE, s));
    }

    private static void draw(JFreeChart chart, Graphics2D g2, int width, int height) {
        double s = scale(width, height);
        g2.scale(s, s);
        chart.draw(g2, new Rectangle2D.Double(0, 0, width / s, height / s));
    }

    private static byte[] png(JFreeChart chart, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = image.createGraphics();
        try {
            g2.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g2.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g2.setPaint(PlotStyle.BACKGROUND);
            g2.fillRect(0, 0, width, height);
            draw(chart, g2, width, height);
        } finally {
            g2.dispose();
        }
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        if (!writers.hasNext()) {
            throw new IOException("no PNG image writer available in this Java runtime");
        }
        ImageWriter writer = writers.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(image);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static byte[] pdf(JFreeChart chart, String title, int width, int height) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(new PDRectangle(width, height));
            doc.addPage(page);
            PdfBoxGraphics2D g2 = new PdfBoxGraphics2D(doc, width, height);
            try {
                draw(chart, g2, width, height);
            } finally {
                g2.dispose();
            }
            PDFormXObject form = g2.getXFormObject();
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.drawForm(form);
            }
            PDDocumentInformation info = doc.getDocumentInformation();
            if (!title.isEmpty()) {
                info.setTitle(title);
            }
            info.setCreator("Fluxion");
            // a fixed document id (PDFBox would otherwise derive one from the clock): same plot, same bytes
            byte[] id = documentId(doc, form, title, width, height);
            COSArray ids = new COSArray();
            ids.add(new COSString(id));
            ids.add(new COSString(id));
            doc.getDocument().getTrailer().setItem(COSName.ID, ids);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static byte[] documentId(PDDocument doc, PDFormXObject form, String title, int width, int height)
            throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("MD5");
            md.update((title + '\u0000' + width + 'x' + height).getBytes(StandardCharsets.UTF_8));
            try (var in = form.getContentStream().createInputStream()) {
                md.update(in.readAllBytes());
            }
            return Arrays.copyOf(md.digest(), 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every Java runtime", e);
        }
    }
}
