package org.fluxion.api.artifact;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Service that draws a {@link PlotSpec}. Implementations must not need a display (AWT headless)
 * and must be thread-safe: the engine renders the plots of a step in parallel.
 */
public interface PlotRenderer {
    /** Output formats. */
    enum Format { PNG, PDF }

    /**
     * Writes the plot to {@code file} (overwritten).
     *
     * @param widthPx  width in pixels (PNG) or points (PDF), > 0
     * @param heightPx height, > 0
     * @throws IOException if the file cannot be written
     */
    void render(PlotSpec plot, Format format, int widthPx, int heightPx, Path file) throws IOException;
}
