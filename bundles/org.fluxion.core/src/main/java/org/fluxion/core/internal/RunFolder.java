package org.fluxion.core.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A run folder under construction: everything is written into a hidden sibling
 * {@code .<name>.partial-<pid>-<n>} and moved to {@code <name>} only by {@link #commit()}.
 */
final class RunFolder {
    private final Path target;
    private final Path temp;

    RunFolder(Path target) throws IOException {
        this.target = target;
        Path parent = target.getParent();
        Files.createDirectories(parent);
        // not Files.createTempDirectory: that makes the folder private (rwx------), and the run
        // folder keeps the permissions of the temporary one after the move
        Path dir = null;
        for (int attempt = 0; dir == null; attempt++) {
            Path candidate = parent.resolve("." + target.getFileName() + ".partial-" + ProcessHandle.current().pid()
                    + "-" + System.nanoTime() + "-" + attempt);
            try {
                dir = Files.createDirectory(candidate);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
        this.temp = dir;
    }

    Path temp() {
        return temp;
    }

    Path target() {
        return target;
    }

    /** Moves the finished folder into place, replacing an earlier run of the same name. */
    void commit() throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = target.resolveSibling("." + target.getFileName() + ".replaced-" + ProcessHandle.current().pid() + "-"
                    + System.nanoTime());
            move(target, old);
        }
        move(temp, target);
        if (old != null) {
            delete(old);
        }
    }

    /** Removes the temporary folder (after a failure or cancellation). */
    void abort() {
        try {
            delete(temp);
        } catch (IOException | UncheckedIOException e) {
            // best effort: the folder's name marks it as partial
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    static void delete(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
