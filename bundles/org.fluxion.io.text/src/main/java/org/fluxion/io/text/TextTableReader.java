package org.fluxion.io.text;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import org.fluxion.api.data.EventTable;
import org.fluxion.api.workflow.InputException;
import org.fluxion.api.workflow.ProgressMonitor;
import org.fluxion.io.text.internal.ChunkedTextReader;

/**
 * Reads KCDC-style delimited text files (a header line with the column names, then one event per
 * line) into an {@link EventTable} with typed columns. Numbers are parsed exactly as
 * {@link Double#parseDouble} would; see {@link TextSampleSettings} for the options. Parsing runs on
 * up to {@code threads} threads over fixed-size chunks, and the result does not depend on the thread
 * count. Stateless and thread-safe.
 */
public final class TextTableReader {
    /** Default chunk size in bytes (8 MiB). */
    public static final int DEFAULT_CHUNK_BYTES = 8 << 20;

    private TextTableReader() {
    }

    /**
     * Reads one sample.
     *
     * @param sampleName name of the resulting table, not null
     * @param files      files to concatenate in this order, at least one; they must share the header
     * @param settings   reading options ({@link TextSampleSettings#path()} is not used here)
     * @param threads    parser threads, >= 1
     * @param monitor    progress in bytes and cancellation, not null
     * @param warnings   receives warnings (skipped lines, unused unit keys), not null
     * @return the table with attributes {@code source_files}, {@code row_count}, {@code skipped_lines},
     *         {@code delimiter}
     * @throws InputException for a missing file or malformed content (file, 1-based line, content and
     *                        expectation in the message)
     * @throws IOException    if a file cannot be read
     */
    public static EventTable read(String sampleName, List<Path> files, TextSampleSettings settings, int threads,
            ProgressMonitor monitor, Consumer<String> warnings) throws IOException, InputException {
        return read(sampleName, files, settings, threads, DEFAULT_CHUNK_BYTES, monitor, warnings);
    }

    /**
     * As {@link #read(String, List, TextSampleSettings, int, ProgressMonitor, Consumer)} with a chosen
     * chunk size (a tuning knob: the result does not depend on it).
     *
     * @param chunkBytes bytes per parse chunk, >= 1
     */
    public static EventTable read(String sampleName, List<Path> files, TextSampleSettings settings, int threads,
            int chunkBytes, ProgressMonitor monitor, Consumer<String> warnings) throws IOException, InputException {
        Objects.requireNonNull(sampleName, "sampleName");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(monitor, "monitor");
        Objects.requireNonNull(warnings, "warnings");
        return new ChunkedTextReader(sampleName, files, settings, threads, chunkBytes, monitor, warnings).read();
    }

    /**
     * Expands a path whose file-name part may be a glob ({@code *}, {@code ?}, {@code [..]},
     * {@code {a,b}}); folders may not contain glob characters.
     *
     * @return the matching regular files sorted by name, or the path itself if it has no glob
     * @throws InputException if nothing matches or the folder does not exist
     */
    public static List<Path> expand(Path pathOrGlob) throws InputException, IOException {
        String name = pathOrGlob.getFileName() == null ? "" : pathOrGlob.getFileName().toString();
        if (!isGlob(name)) {
            if (!Files.exists(pathOrGlob)) {
                throw new InputException(pathOrGlob, -1, "file not found");
            }
            return List.of(pathOrGlob);
        }
        Path dir = pathOrGlob.toAbsolutePath().getParent();
        if (isGlob(dir.toString())) {
            throw new InputException(pathOrGlob, -1, "glob characters are allowed only in the file name, not in the folder "
                    + dir);
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + name);
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                if (matcher.matches(p.getFileName()) && Files.isRegularFile(p)) {
                    out.add(pathOrGlob.getParent() == null ? p.getFileName() : pathOrGlob.getParent().resolve(p.getFileName()));
                }
            }
        } catch (NoSuchFileException e) {
            throw new InputException(pathOrGlob, -1, "folder " + dir + " of the glob does not exist", e);
        }
        if (out.isEmpty()) {
            throw new InputException(pathOrGlob, -1, "no file matches the glob '" + name + "' in " + dir);
        }
        out.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        return List.copyOf(out);
    }

    private static boolean isGlob(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0 || s.indexOf('{') >= 0;
    }

    /**
     * @return the default unit of a KCDC column name: {@code deg} for Ze/Az/zenith/azimuth, {@code m} for
     *         X/Y/CoreDist/core_x/core_y, {@code lg(E/eV)} for E/lgE, {@code lg(Ne)} for Ne/lgNe,
     *         {@code lg(Nmu)} for Nmu/lgNmu, otherwise "" (timestamps get {@code s})
     */
    public static String defaultUnit(String column) {
        return ChunkedTextReader.defaultUnit(column);
    }
}
