package org.fluxion.core.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

import org.fluxion.api.artifact.ArtifactSink;
import org.fluxion.api.artifact.PlotRenderer;
import org.fluxion.api.artifact.PlotSpec;
import org.fluxion.api.artifact.TableArtifact;

/**
 * Writes a step's artifacts into its folder: plots as PNG (800×600 px) and PDF (576×432 pt),
 * rendered on the run's worker pool; tables as CSV (header "name [unit]") and JSON; summaries as JSON.
 */
final class ArtifactWriter implements ArtifactSink {
    static final int PNG_WIDTH = 800, PNG_HEIGHT = 600, PDF_WIDTH = 576, PDF_HEIGHT = 432;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");

    private final String step;
    private final Path dir;
    private final PlotRenderer renderer;
    private final ExecutorService pool;
    private final Set<String> names = new HashSet<>();
    private final List<Future<?>> pending = new ArrayList<>();
    private final List<String> files = new ArrayList<>();

    ArtifactWriter(String step, Path dir, PlotRenderer renderer, ExecutorService pool) {
        this.step = step;
        this.dir = dir;
        this.renderer = renderer;
        this.pool = pool;
    }

    private synchronized Path claim(String name, String kind) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("step '" + step + "': " + kind + " name must match " + NAME
                    + " but was '" + name + "'");
        }
        if (!names.add(name)) {
            throw new IllegalArgumentException("step '" + step + "': artifact name '" + name + "' used twice");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir.resolve(name);
    }

    @Override
    public void plot(String name, PlotSpec plot) {
        Path stem = claim(name, "plot");
        if (renderer == null) {
            throw new IllegalStateException("step '" + step + "' made plot '" + name
                    + "' but no PlotRenderer service is installed (bundle org.fluxion.plot)");
        }
        synchronized (this) {
            files.add(name + ".png");
            files.add(name + ".pdf");
            pending.add(pool.submit(() -> {
                renderer.render(plot, PlotRenderer.Format.PNG, PNG_WIDTH, PNG_HEIGHT, sibling(stem, ".png"));
                renderer.render(plot, PlotRenderer.Format.PDF, PDF_WIDTH, PDF_HEIGHT, sibling(stem, ".pdf"));
                return null;
            }));
        }
    }

    private static Path sibling(Path stem, String ext) {
        return stem.resolveSibling(stem.getFileName() + ext);
    }

    @Override
    public void table(String name, TableArtifact table) {
        Path stem = claim(name, "table");
        write(sibling(stem, ".csv"), csv(table));
        write(sibling(stem, ".json"), Json.write(Json.rows(table)));
        synchronized (this) {
            files.add(name + ".csv");
            files.add(name + ".json");
        }
    }

    @Override
    public void summary(String name, Map<String, ?> values) {
        Path stem = claim(name, "summary");
        write(sibling(stem, ".json"), Json.write(values));
        synchronized (this) {
            files.add(name + ".json");
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static String csv(TableArtifact t) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < t.headers().size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(cell(t.headers().get(i).title()));
        }
        sb.append('\n');
        for (List<Object> row : t.rows()) {
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                Object v = row.get(i);
                sb.append(v instanceof String s ? cell(s) : String.valueOf(v));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String cell(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    /** Waits for pending plots; rethrows the first rendering failure. */
    void finish() throws Exception {
        List<Future<?>> todo;
        synchronized (this) {
            todo = new ArrayList<>(pending);
            pending.clear();
        }
        for (Future<?> f : todo) {
            try {
                f.get();
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                throw new IOException("step '" + step + "': rendering a plot failed: " + c, c);
            }
        }
    }

    synchronized List<String> files() {
        return List.copyOf(files);
    }
}
