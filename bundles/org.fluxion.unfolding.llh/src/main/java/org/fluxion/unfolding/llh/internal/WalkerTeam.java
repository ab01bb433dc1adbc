package org.fluxion.unfolding.llh.internal;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * A fixed team of threads that run the chunks 0..size−1 of a task in lock step; chunk 0 runs on the
 * calling thread. Built for the many short phases of an ensemble sampler (two per step): a waiting
 * thread spins for up to {@value #SPIN_NANOS} ns (a hand-off then costs well under a microsecond)
 * and then parks, so an oversubscribed machine is not burned by spinning. Which thread runs a
 * chunk never changes a result as long as the chunks write disjoint data. Not thread-safe: one
 * caller at a time; close it when done.
 */
final class WalkerTeam implements AutoCloseable {
    /** How long a waiting thread spins before it parks. */
    static final long SPIN_NANOS = 50_000;

    private final int size;
    private final Thread[] members;
    private volatile IntConsumer task;
    private volatile long generation;
    private volatile boolean closed;
    private volatile Thread caller;
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    /** @param size number of threads including the caller, >= 1 */
    WalkerTeam(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("team size must be >= 1 but was " + size);
        }
        this.size = size;
        this.members = new Thread[size - 1];
        for (int t = 1; t < size; t++) {
            int chunk = t;
            Thread th = new Thread(() -> loop(chunk), "llh-walker-team-" + t);
            th.setDaemon(true);
            members[t - 1] = th;
            th.start();
        }
    }

    /** @return number of chunks (threads) */
    int size() {
        return size;
    }

    private void loop(int chunk) {
        long seen = 0;
        while (true) {
            long start = System.nanoTime();
            int spins = 0;
            while (generation == seen && !closed) {
                if ((++spins & 63) != 0 || System.nanoTime() - start < SPIN_NANOS) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
            if (closed) {
                return;
            }
            seen = generation;
            try {
                task.accept(chunk);
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
            } finally {
                if (pending.decrementAndGet() == 0) {
                    LockSupport.unpark(caller);
                }
            }
        }
    }

    /** Runs {@code chunkTask} for chunks 0..size−1 and returns when all are done; rethrows a failure. */
    void run(IntConsumer chunkTask) {
        if (size == 1) {
            chunkTask.accept(0);
            return;
        }
        failure.set(null);
        caller = Thread.currentThread();
        task = chunkTask;
        pending.set(size - 1);
        generation = generation + 1;
        for (Thread t : members) {
            LockSupport.unpark(t);
        }
        Throwable own = null;
        try {
            chunkTask.accept(0);
        } catch (Throwable e) {
            own = e;
        }
        long start = System.nanoTime();
        int spins = 0;
        while (pending.get() > 0) {
            if ((++spins & 63) != 0 || System.nanoTime() - start < SPIN_NANOS) {
                Thread.onSpinWait();
            } else {
                LockSupport.park(this);
            }
        }
        Throwable e = own != null ? own : failure.getAndSet(null);
        if (e instanceof RuntimeException re) {
            throw re;
        }
        if (e instanceof Error er) {
            throw er;
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Thread t : members) {
            LockSupport.unpark(t);
        }
        for (Thread t : members) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
