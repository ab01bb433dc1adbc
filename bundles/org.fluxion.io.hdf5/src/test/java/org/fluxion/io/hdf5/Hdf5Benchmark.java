package org.fluxion.io.hdf5;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.fluxion.api.data.EventTable;
import org.fluxion.api.workflow.ProgressMonitor;

/**
 * Benchmark harness (not a unit test): reads 4 float64 columns of the 5,000,000-row flat-layout
 * files written by {@code bench/bench_h5py.py} through {@link Hdf5SampleReader}, one warm-up read
 * and then {@code runs} timed reads in the same JVM; prints each and the median.
 *
 * <pre>java -cp target/classes:target/test-classes:../org.fluxion.api/target/classes:JHDF_CLASSPATH \
 *     org.fluxion.io.hdf5.Hdf5Benchmark /tmp/fluxion-bench/flat_gzip1_shuffle.h5 [threads=2] [runs=5]</pre>
 */
public final class Hdf5Benchmark {
    private Hdf5Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Hdf5InputSettings input = Hdf5InputSettings.of(Hdf5InputSettings.Type.MC, file.toString());
        Hdf5LoadSettings settings = Hdf5LoadSettings.of(Map.of("mc", input)).withKeys("MC", List.of(
                List.of("energy", "energy"), List.of("zenith", "zenith"), List.of("stop_score", "stop_score"),
                List.of("length", "length")));
        double[] times = new double[runs];
        double checksum = 0;
        for (int r = -1; r < runs; r++) {
            long t0 = System.nanoTime();
            EventTable t = Hdf5SampleReader.read("mc", List.of(file), input, settings, threads, ProgressMonitor.NONE,
                    w -> System.err.println("warning: " + w));
            double dt = (System.nanoTime() - t0) / 1e9;
            checksum = t.column("energy").getDouble(t.rowCount() - 1) + t.rowCount();
            if (r >= 0) {
                times[r] = dt;
            }
        }
        List<String> each = new ArrayList<>();
        for (double t : times) {
            each.add(String.format("%.3f", t));
        }
        double[] sorted = times.clone();
        Arrays.sort(sorted);
        System.out.printf("fluxion %s threads=%d: median %.3f s  runs %s  (checksum %.6g)%n", file.getFileName(), threads,
                sorted[runs / 2], String.join(" ", each), checksum);
    }
}
