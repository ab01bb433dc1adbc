package org.fluxion.app;

import java.io.PrintStream;
import java.util.Locale;

import org.fluxion.core.RunListener;

/** Prints a run's progress to a console: step starts, throttled progress with rate and ETA, warnings, timings. */
public final class ConsoleProgress implements RunListener {
    private final PrintStream out;

    /** @param out where to print (usually System.out) */
    public ConsoleProgress(PrintStream out) {
        this.out = out;
    }

    @Override
    public void stepStarted(String step, String stepId, int index, int count) {
        out.printf(Locale.ROOT, "[%d/%d] %s (%s)%n", index + 1, count, step, stepId);
    }

    @Override
    public void progress(String step, String task, long done, long total, double elapsedSeconds) {
        double rate = elapsedSeconds > 0 ? done / elapsedSeconds : 0;
        if (total > 0) {
            double eta = rate > 0 ? (total - done) / rate : Double.NaN;
            out.printf(Locale.ROOT, "      %s: %5.1f%% (%s of %s, %s/s, ETA %.1f s)%n", task, 100.0 * done / total,
                    human(done), human(total), human(rate), eta);
        } else {
            out.printf(Locale.ROOT, "      %s: %s done (%s/s)%n", task, human(done), human(rate));
        }
    }

    @Override
    public void warning(String step, String message) {
        out.println("      warning" + (step.isEmpty() ? "" : " [" + step + "]") + ": " + message);
    }

    @Override
    public void stepFinished(String step, double seconds) {
        out.printf(Locale.ROOT, "      done in %.2f s%n", seconds);
    }

    static String human(double v) {
        if (v >= 1e9) {
            return String.format(Locale.ROOT, "%.2f G", v / 1e9);
        }
        if (v >= 1e6) {
            return String.format(Locale.ROOT, "%.2f M", v / 1e6);
        }
        if (v >= 1e3) {
            return String.format(Locale.ROOT, "%.1f k", v / 1e3);
        }
        return String.format(Locale.ROOT, "%.0f", v);
    }
}
