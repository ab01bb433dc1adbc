package org.fluxion.io.text.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.fluxion.io.text.TextSampleSettings.ValueType;

/**
 * Benchmark harness of the parse kernel alone (not a unit test): the whole whitespace-separated file
 * is read into memory once, then its data lines are parsed as 8 MiB chunks of whole lines on the
 * calling thread, every column as DOUBLE. One warm-up pass, then {@code runs} timed passes; prints
 * the thread CPU time (robust on a loaded machine), the wall time and MB per CPU-second, and the
 * medians.
 *
 * <pre>java -cp target/classes:target/test-classes:../org.fluxion.api/target/classes \
 *     org.fluxion.io.text.internal.ChunkParserKernelBenchmark kcdc_data.txt [runs=5]</pre>
 */
public final class ChunkParserKernelBenchmark {
    private ChunkParserKernelBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        byte[] all = Files.readAllBytes(Path.of(args[0]));
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int headerEnd = 0;
        while (all[headerEnd] != '\n') {
            headerEnd++;
        }
        List<String> header = List.of(new String(all, 0, headerEnd).strip().split("[ \\t]+"));
        int[] target = new int[header.size()];
        for (int i = 0; i < target.length; i++) {
            target[i] = i;
        }
        TextLayout layout = new TextLayout(false, header, target, header,
                Collections.nCopies(header.size(), ValueType.DOUBLE));
        // chunk boundaries at newlines, as the reader makes them
        List<int[]> chunks = new ArrayList<>();
        int from = headerEnd + 1;
        while (from < all.length) {
            int to = Math.min(all.length, from + (8 << 20));
            while (to < all.length && all[to - 1] != '\n') {
                to++;
            }
            chunks.add(new int[] {from, to});
            from = to;
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double[] cpu = new double[runs], wall = new double[runs];
        long rows = 0;
        for (int k = -1; k < runs; k++) {
            long c0 = mx.getCurrentThreadCpuTime(), t0 = System.nanoTime();
            rows = 0;
            for (int[] c : chunks) {
                ChunkResult r = new ChunkParser(layout, false).parse(all, c[0], c[1], (c[1] - c[0]) / 28 + 64);
                if (r.error != null) {
                    throw new IllegalStateException(r.error.toString());
                }
                rows += r.rows;
            }
            if (k >= 0) {
                cpu[k] = (mx.getCurrentThreadCpuTime() - c0) * 1e-9;
                wall[k] = (System.nanoTime() - t0) * 1e-9;
                System.out.printf("run %d: cpu %.3f s, wall %.3f s, %.0f MB per cpu-second (%d rows)%n", k + 1, cpu[k],
                        wall[k], all.length / cpu[k] * 1e-6, rows);
            }
        }
        Arrays.sort(cpu);
        Arrays.sort(wall);
        System.out.printf("median of %d: cpu %.3f s, wall %.3f s, %.0f MB per cpu-second%n", runs, cpu[runs / 2],
                wall[runs / 2], all.length / cpu[runs / 2] * 1e-6);
    }
}
