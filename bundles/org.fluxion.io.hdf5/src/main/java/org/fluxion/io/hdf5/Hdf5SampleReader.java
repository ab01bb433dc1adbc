package org.fluxion.io.hdf5;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.fluxion.api.data.EventTable;
import org.fluxion.api.workflow.InputException;
import org.fluxion.api.workflow.ProgressMonitor;
import org.fluxion.io.hdf5.internal.SampleLoader;

/**
 * Reads event samples from HDF5 files: the Fluxion flat layout, IceCube hdfwriter tables and pandas
 * HDFStore frames ({@code table} and {@code fixed}); see docs/inputs.md. Only the requested columns
 * are read; chunks are decompressed and decoded on up to {@code threads} threads and the result does
 * not depend on the thread count. Stateless and thread-safe.
 */
public final class Hdf5SampleReader {
    /** Name of the column repeating the flux-model weight in MC samples. */
    public static final String WEIGHT = SampleLoader.WEIGHT;

    private Hdf5SampleReader() {
    }

    /**
     * Reads one sample.
     *
     * @param sample   table name, not null
     * @param files    files to concatenate in this order, at least one
     * @param input    what the sample is (type, level, livetime, group); its {@code path} is not used here
     * @param settings the step settings: {@code keys} of the input's data type (none = every column),
     *                 {@code model}, {@code missing_rows} and {@code cut_exceptions}
     * @param threads  decoding threads, >= 1
     * @param monitor  progress (decoded bytes) and cancellation, not null
     * @param warnings receives warnings (dropped rows, differing attributes, ...), not null
     * @return the table; attributes: the files' metadata (e.g. {@code n_generated}, generation area),
     *         {@code data_type}, {@code data_level}, {@code livetime_s} (s, if known), {@code weight_column},
     *         {@code cut_exception}, {@code layout}, {@code source_files}, {@code row_count}
     * @throws InputException naming file, key/dataset and what was expected for any unreadable input
     * @throws IOException    if a file cannot be read
     */
    public static EventTable read(String sample, List<Path> files, Hdf5InputSettings input, Hdf5LoadSettings settings,
            int threads, ProgressMonitor monitor, Consumer<String> warnings) throws InputException, IOException {
        return new SampleLoader(sample, input, settings.keysFor(sample, input.type()), settings.model(), settings.missingRows(),
                settings.cutExceptions().contains(sample), threads, monitor, warnings).read(files);
    }

    /**
     * Expands a path whose file-name part may be a glob ({@code *}, {@code ?}, {@code [..]}, {@code {a,b}}).
     *
     * @return the matching regular files sorted by name, or the path itself if it has no glob
     * @throws InputException if a plain path does not exist or a glob matches nothing
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
                    out.add(p);
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
}
