package org.fluxion.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.fluxion.api.artifact.PlotRenderer;
import org.fluxion.app.FluxionCommand;
import org.fluxion.core.StepCatalog;
import org.fluxion.unfolding.api.UnfolderCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 'fluxion unfold' on CSV inputs with the installed unfolders: the unfolded spectrum of an
 * Asimov data set (observed = A·truth) agrees with the truth within its errors, and 'fluxion list'
 * names the unfolders.
 */
class UnfoldCommandTest {
    private static final int TRUE_BINS = 8, PROXY_BINS = 12;

    private static double[] truth() {
        double[] t = new double[TRUE_BINS];
        for (int j = 0; j < TRUE_BINS; j++) {
            t[j] = 20000 * Math.pow(0.55, j);
        }
        return t;
    }

    /** Gaussian smearing of true bin j (width 1 on [0, 8)) onto 12 proxy bins on [-2, 10). */
    private static double[][] response() {
        double[][] r = new double[PROXY_BINS][TRUE_BINS];
        for (int j = 0; j < TRUE_BINS; j++) {
            double mu = j + 0.5, s = 0.8;
            for (int i = 0; i < PROXY_BINS; i++) {
                double lo = -2 + i, hi = lo + 1;
                r[i][j] = 1e6 * (cdf((hi - mu) / s) - cdf((lo - mu) / s));
            }
        }
        return r;
    }

    private static double cdf(double z) {
        return 0.5 * (1 + erf(z / Math.sqrt(2)));
    }

    private static double erf(double x) { // Abramowitz-Stegun 7.1.26, |error| < 1.5e-7
        double t = 1 / (1 + 0.3275911 * Math.abs(x));
        double y = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t
                * Math.exp(-x * x);
        return Math.signum(x) * y;
    }

    private static void writeInputs(Path dir) throws Exception {
        double[][] r = response();
        double[] t = truth();
        StringBuilder rs = new StringBuilder("proxy_low,proxy_high,true_low,true_high,sumw\n");
        double[] col = new double[TRUE_BINS];
        for (int i = 0; i < PROXY_BINS; i++) {
            for (int j = 0; j < TRUE_BINS; j++) {
                rs.append(String.format(Locale.ROOT, "%d,%d,%d,%d,%.6f%n", -2 + i, -1 + i, j, j + 1, r[i][j]));
                col[j] += r[i][j];
            }
        }
        Files.writeString(dir.resolve("response.csv"), rs);
        StringBuilder obs = new StringBuilder("low,high,count\n");
        for (int i = 0; i < PROXY_BINS; i++) {
            double g = 0;
            for (int j = 0; j < TRUE_BINS; j++) {
                g += r[i][j] / col[j] * t[j];
            }
            obs.append(String.format(Locale.ROOT, "%d,%d,%.6f%n", -2 + i, -1 + i, g));
        }
        Files.writeString(dir.resolve("observed.csv"), obs);
        StringBuilder tr = new StringBuilder("low,high,count\n");
        for (int j = 0; j < TRUE_BINS; j++) {
            tr.append(String.format(Locale.ROOT, "%d,%d,%.6f%n", j, j + 1, t[j]));
        }
        Files.writeString(dir.resolve("truth.csv"), tr);
    }

    @Test
    void unfoldsCsvInputsWithEveryInstalledMethod(@TempDir Path dir) throws Exception {
        writeInputs(dir);
        UnfolderCatalog unfolders = OsgiServices.await(UnfolderCatalog.class);
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        FluxionCommand cmd = new FluxionCommand(OsgiServices.await(StepCatalog.class).snapshot(), unfolders,
                OsgiServices.await(PlotRenderer.class), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), new AtomicBoolean());
        assertEquals(0, cmd.execute(List.of("list")));
        for (String id : new String[] { "llh", "ibu", "gold" }) {
            assertTrue(out.toString().matches("(?s).*\\n  " + id + " .*org\\.fluxion\\.unfolding\\." + id + " .*"),
                    out.toString());
        }
        for (String method : new String[] { "llh", "ibu", "gold" }) {
            Path run = dir.resolve("out-" + method);
            List<String> args = new java.util.ArrayList<>(List.of("unfold", "--response",
                    dir.resolve("response.csv").toString(), "--observed", dir.resolve("observed.csv").toString(),
                    "--truth", dir.resolve("truth.csv").toString(), "--method", method, "--out", run.toString(),
                    "--scan", "1:50:10"));
            if (method.equals("llh")) {
                args.set(args.indexOf("1:50:10"), "1e-2:1e4:10");
                args.addAll(List.of("--set", "tau=1e4"));
            } else if (method.equals("ibu")) {
                args.addAll(List.of("--set", "tolerance=1e-6", "--set", "max_iterations=200"));
            } else {
                args.addAll(List.of("--set", "tolerance=1e-8", "--set", "max_iterations=5000"));
            }
            err.reset();
            assertEquals(0, cmd.execute(args), err.toString());
            Path step = run.resolve("steps/unfold");
            for (String f : new String[] { "unfolded_bins.csv", "covariance.csv", "diagnostics.json", "unfolded.png",
                    "unfolded.pdf", "correlation.png", "response.png", "scan_points.csv", "scan.png" }) {
                assertTrue(Files.exists(step.resolve(f)), method + ": " + f + " missing");
            }
            List<String> rows = Files.readAllLines(step.resolve("unfolded_bins.csv"));
            assertEquals(TRUE_BINS + 1, rows.size());
            double[] t = truth();
            for (int j = 0; j < TRUE_BINS; j++) {
                String[] f = rows.get(j + 1).split(",");
                double est = Double.parseDouble(f[2]), e = Double.parseDouble(f[3]);
                assertTrue(e > 0, method + " bin " + j + ": error " + e);
                assertTrue(Math.abs(est - t[j]) < 3 * e + 0.02 * t[j],
                        method + " bin " + j + ": estimate " + est + " +- " + e + " vs truth " + t[j]);
            }
        }
        err.reset();
        assertEquals(FluxionCommand.BAD_CONFIG, cmd.execute(List.of("unfold", "--response",
                dir.resolve("response.csv").toString(), "--observed", dir.resolve("observed.csv").toString(),
                "--method", "nosuch", "--out", dir.resolve("x").toString())));
        assertTrue(err.toString().contains("no unfolder 'nosuch' is installed; installed: "), err.toString());
        assertTrue(!Files.exists(dir.resolve("x")), "no run folder after a failure");
    }
}
