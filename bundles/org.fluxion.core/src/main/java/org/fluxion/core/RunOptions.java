package org.fluxion.core;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How to run a plan.
 *
 * @param threads     worker threads, >= 1
 * @param cancel      set to true to cancel the run
 * @param listener    progress receiver
 * @param commandLine the invocation, recorded in provenance (may be empty)
 * @param platform    facts about the running application (framework, bundles), recorded in provenance
 * @param cache       results of earlier runs to reuse for unchanged steps, or null to run every step
 */
public record RunOptions(int threads, AtomicBoolean cancel, RunListener listener, List<String> commandLine,
        Map<String, String> platform, StepResultCache cache) {
    public RunOptions {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1 but was " + threads);
        }
        Objects.requireNonNull(cancel, "cancel");
        Objects.requireNonNull(listener, "listener");
        commandLine = List.copyOf(commandLine);
        platform = Map.copyOf(platform);
    }

    /** Options without a result cache: every step runs. */
    public RunOptions(int threads, AtomicBoolean cancel, RunListener listener, List<String> commandLine,
            Map<String, String> platform) {
        this(threads, cancel, listener, commandLine, platform, null);
    }

    /** @return options with {@code threads} threads, no listener and no cancellation */
    public static RunOptions of(int threads) {
        return new RunOptions(threads, new AtomicBoolean(), RunListener.NONE, List.of(), Map.of());
    }

    /** @return the number of threads for a config's {@code threads} value (0 = all cores) */
    public static int threadsFor(int configured) {
        return configured > 0 ? configured : Runtime.getRuntime().availableProcessors();
    }
}
