package org.fluxion.synth.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * Generates blocks on up to {@code threads} threads and hands them to a consumer strictly in
 * block order, so that the result does not depend on the thread count. At most 2 × threads
 * blocks are in flight; the consumer may stop early (blocks generated ahead are discarded).
 */
public final class OrderedBlocks {
    private OrderedBlocks() {
    }

    /**
     * @param threads   worker threads, &gt;= 1
     * @param maxBlocks blocks 0 .. maxBlocks-1 at most
     * @param generator block index → block (called concurrently, must be thread-safe)
     * @param consumer  called in block order on the calling thread; returns false to stop
     */
    public static <T> void run(int threads, long maxBlocks, IntFunction<T> generator, Predicate<T> consumer)
            throws IOException {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1 but was " + threads);
        }
        if (threads == 1) {
            for (int b = 0; b < maxBlocks; b++) {
                if (!consumer.test(generator.apply(b))) {
                    return;
                }
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "synth-block");
            t.setDaemon(true);
            return t;
        });
        try {
            ArrayDeque<Future<T>> window = new ArrayDeque<>();
            long next = 0;
            while (next < maxBlocks || !window.isEmpty()) {
                while (next < maxBlocks && window.size() < 2 * threads) {
                    final int b = (int) next++;
                    window.add(pool.submit(() -> generator.apply(b)));
                }
                if (!consumer.test(window.poll().get())) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while generating blocks");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error er) {
                throw er;
            }
            throw new IOException("generating a block failed", c);
        } finally {
            pool.shutdownNow();
        }
    }
}
