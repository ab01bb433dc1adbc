package org.fluxion.ui.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.fluxion.api.artifact.PlotRenderer;
import org.fluxion.api.artifact.PlotSpec;

/**
 * Passes every call to the installed renderer and remembers which {@link PlotSpec} each PNG file
 * was drawn from, so that the chart window can draw the same plot again at any size. Thread-safe,
 * like the renderer it wraps.
 */
final class RecordingPlotRenderer implements PlotRenderer {
    private final PlotRenderer delegate;
    private final Map<Path, PlotSpec> specs = new ConcurrentHashMap<>();

    RecordingPlotRenderer(PlotRenderer delegate) {
        this.delegate = delegate;
    }

    @Override
    public void render(PlotSpec plot, Format format, int widthPx, int heightPx, Path file) throws IOException {
        delegate.render(plot, format, widthPx, heightPx, file);
        if (format == Format.PNG) {
            specs.put(file.toAbsolutePath().normalize(), plot);
        }
    }

    /**
     * The recorded specs with their paths moved from the engine's temporary folder ({@code
     * .<name>.partial-*}, a sibling of the run folder) to the committed run folder.
     */
    Map<Path, PlotSpec> committed(Path runFolder) {
        Path folder = runFolder.toAbsolutePath().normalize();
        String prefix = "." + folder.getFileName() + ".partial-";
        Map<Path, PlotSpec> out = new HashMap<>();
        specs.forEach((p, spec) -> {
            for (Path a = p.getParent(); a != null; a = a.getParent()) {
                if (a.getFileName() != null && a.getFileName().toString().startsWith(prefix)
                        && folder.getParent().equals(a.getParent())) {
                    out.put(folder.resolve(a.relativize(p)), spec);
                    break;
                }
            }
        });
        return out;
    }
}
