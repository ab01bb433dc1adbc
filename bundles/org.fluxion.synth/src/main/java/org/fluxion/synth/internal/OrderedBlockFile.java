package org.fluxion.synth.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Writes a text file made of independently generated blocks: blocks are generated on up to
 * {@code threads} threads and written strictly in block order, into a temporary file in the target
 * folder that is moved into place only when complete. The bytes do not depend on the thread count.
 */
public final class OrderedBlockFile {
    private OrderedBlockFile() {
    }

    /**
     * @param target    final file
     * @param header    first line including its newline, or null
     * @param blocks    number of blocks
     * @param threads   worker threads, >= 1
     * @param generator block index → the block's bytes (called concurrently, must be thread-safe)
     * @throws IOException if writing fails; the temporary file is then deleted
     */
    public static void write(Path target, String header, int blocks, int threads,
            IntFunction<AsciiRecordBuffer> generator) throws IOException {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1 but was " + threads);
        }
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // a hidden sibling, so the move is a rename on the same file system
        Path tmp = dir.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + "."
                + Long.toHexString(System.nanoTime()) + ".partial");
        ExecutorService pool = threads == 1 ? null : Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "synth-block");
            t.setDaemon(true);
            return t;
        });
        boolean done = false;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), 1 << 16)) {
            if (header != null) {
                out.write(header.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            }
            if (pool == null) {
                for (int b = 0; b < blocks; b++) {
                    generator.apply(b).writeTo(out);
                }
            } else {
                ArrayDeque<Future<AsciiRecordBuffer>> window = new ArrayDeque<>();
                int next = 0;
                while (next < blocks || !window.isEmpty()) {
                    while (next < blocks && window.size() < 2 * threads) {
                        final int b = next++;
                        window.add(pool.submit(() -> generator.apply(b)));
                    }
                    window.poll().get().writeTo(out);
                }
            }
            done = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing " + target);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error er) {
                throw er;
            }
            throw new IOException("generating a block of " + target + " failed", c);
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
            if (!done) {
                Files.deleteIfExists(tmp);
            }
        }
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }
}
