package org.fluxion.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Results of earlier runs kept in memory, so that re-running a workflow after a change recomputes
 * only the steps whose provider, settings, seed, upstream results or input files changed; the others
 * are taken from the cache (their outputs, and their artifacts copied from the earlier run folder).
 * Used by the desktop workbench across runs of one session. Thread-safe.
 *
 * <p>A step is reused only if its key (provider bundle, version and class, bound settings, step
 * seed, base directory and the keys of every upstream step it reads) is unchanged, every input file
 * it read has the same size and modification time, and its artifact folder still exists.
 */
public final class StepResultCache {
    /** An input file as it was when the step read it (used by the engine). */
    public record FileStamp(Path file, long size, FileTime modified) {
        /** @return the file's current size and modification time */
        public static FileStamp of(Path file) throws IOException {
            return new FileStamp(file, Files.size(file), Files.getLastModifiedTime(file));
        }

        boolean unchanged() {
            try {
                return Files.isRegularFile(file) && Files.size(file) == size
                        && Files.getLastModifiedTime(file).equals(modified);
            } catch (IOException e) {
                return false;
            }
        }
    }

    /**
     * One cached step (used by the engine).
     *
     * @param key       the step's cache key
     * @param outputs   its output port values
     * @param artifacts its artifact folder in the run folder it was last written to
     * @param inputs    the input files it read
     * @param warnings  the warnings it raised
     */
    public record Entry(String key, Map<String, Object> outputs, Path artifacts, List<FileStamp> inputs, List<String> warnings) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /** @return the entry of {@code step} if its key matches and its inputs and artifacts are intact, else null */
    public Entry lookup(String step, String key) {
        Entry e = entries.get(step);
        if (e == null || !e.key().equals(key) || !Files.isDirectory(e.artifacts())) {
            return null;
        }
        for (FileStamp f : e.inputs()) {
            if (!f.unchanged()) {
                return null;
            }
        }
        return e;
    }

    /** Remembers a step's result (used by the engine after a run folder was committed). */
    public void store(String step, Entry entry) {
        entries.put(step, entry);
    }

    /** Forgets everything (e.g. when another configuration is opened). */
    public void clear() {
        entries.clear();
    }

    /** @return number of cached steps */
    public int size() {
        return entries.size();
    }
}
