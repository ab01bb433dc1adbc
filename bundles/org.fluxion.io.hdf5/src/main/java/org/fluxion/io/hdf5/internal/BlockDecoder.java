package org.fluxion.io.hdf5.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.fluxion.api.workflow.CancelledException;
import org.fluxion.api.workflow.InputException;
import org.fluxion.api.workflow.ProgressMonitor;

/**
 * Decodes the blocks (chunks) of several datasets on up to {@code threads} threads: every block is
 * fetched, decompressed and decoded into disjoint rows of its target columns, so the result does not
 * depend on the thread count or the order in which blocks finish. Progress is reported in decoded
 * bytes and cancellation is checked before every block. Not reusable: one instance per read.
 */
final class BlockDecoder {
    /** One dataset and the fields to take from each of its records. */
    record Job(BlockSource source, List<FieldRead> fields) {
    }

    private final int threads;
    private final ProgressMonitor monitor;

    BlockDecoder(int threads, ProgressMonitor monitor) {
        this.threads = Math.max(1, threads);
        this.monitor = monitor;
    }

    void run(List<Job> jobs) throws InputException {
        List<int[]> tasks = new ArrayList<>(); // {job, block}
        for (int j = 0; j < jobs.size(); j++) {
            int n = jobs.get(j).source().blockCount();
            for (int k = 0; k < n; k++) {
                tasks.add(new int[] { j, k });
            }
        }
        if (tasks.isEmpty()) {
            return;
        }
        int workers = Math.min(threads, tasks.size());
        if (workers == 1) {
            for (int[] t : tasks) {
                decode(jobs.get(t[0]), t[1]);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread th = new Thread(r, "fluxion-hdf5-decode");
            th.setDaemon(true);
            return th;
        });
        try {
            List<Future<Void>> futures = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                futures.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < tasks.size(); i = next.getAndIncrement()) {
                        int[] t = tasks.get(i);
                        try {
                            decode(jobs.get(t[0]), t[1]);
                        } catch (RuntimeException | InputException e) {
                            next.set(tasks.size()); // stop the other workers early
                            throw e;
                        }
                    }
                    return null;
                }));
            }
            Throwable first = null;
            for (Future<Void> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (first == null) {
                        first = e.getCause();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CancelledException("interrupted while reading HDF5 data");
                }
            }
            if (first instanceof InputException ie) {
                throw ie;
            }
            if (first instanceof RuntimeException re) {
                throw re;
            }
            if (first instanceof Error err) {
                throw err;
            }
            if (first != null) {
                throw new IllegalStateException(first);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void decode(Job job, int k) throws InputException {
        monitor.checkCancelled();
        BlockSource s = job.source();
        var block = s.block(k);
        int rows = s.blockRows(k);
        int first = s.blockFirstRow(k);
        for (FieldRead f : job.fields()) {
            f.decode(block, rows, s.recordSize(), first);
        }
        monitor.worked((long) rows * s.recordSize());
    }
}
