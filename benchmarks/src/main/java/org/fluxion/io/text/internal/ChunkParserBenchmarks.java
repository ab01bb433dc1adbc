package org.fluxion.io.text.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.fluxion.io.text.TextSampleSettings.ValueType;
import org.fluxion.synth.KascadeSamples;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The KCDC text parse kernel alone ({@link ChunkParser}, one thread), on one in-memory chunk as the reader
 * makes them: the first 8 MiB of whole data lines of a {@code E Ne Nmu Ze} file written by
 * {@link KascadeSamples#writeData} (seed 1; lines such as {@code 14.69036 3.93701 3.72970 31.493}),
 * all four columns parsed as {@link #type}. Time per chunk; divide the chunk size (printed at set-up) by
 * it for the throughput. In the package of the parser because the kernel is package-private (plain class
 * path, so the split package is fine).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ChunkParserBenchmarks {
    /** Chunk size of the reader. */
    public static final int CHUNK_BYTES = 8 << 20;

    /** Column type: DOUBLE (exact) or FLOAT (the double narrowed). */
    @Param({ "DOUBLE", "FLOAT" })
    public ValueType type;

    private byte[] text;
    private int from;
    private int to;
    private TextLayout layout;

    @Setup
    public void setUp() throws IOException {
        Path file = Files.createTempFile("fluxion-jmh-kcdc", ".txt");
        try {
            KascadeSamples.writeData(file, 1, 300_000, 1); // ~9.6 MB, more than one chunk
            text = Files.readAllBytes(file);
        } finally {
            Files.delete(file);
        }
        int headerEnd = 0;
        while (text[headerEnd] != '\n') {
            headerEnd++;
        }
        List<String> header = List.of(new String(text, 0, headerEnd, StandardCharsets.US_ASCII).strip()
                .split("[ \\t]+"));
        int[] target = new int[header.size()];
        Arrays.setAll(target, i -> i);
        layout = new TextLayout(false, header, target, header, Collections.nCopies(header.size(), type));
        from = headerEnd + 1;
        to = Math.min(text.length, from + CHUNK_BYTES);
        while (to < text.length && text[to - 1] != '\n') {
            to++;
        }
        ChunkResult r = parse();
        if (r.error != null) {
            throw new IllegalStateException("the generated chunk does not parse: " + r.error);
        }
        System.out.printf("%n[parser] header %s, chunk of %d bytes, %d rows%n", header, to - from, r.rows);
    }

    @Benchmark
    public ChunkResult parse() {
        return new ChunkParser(layout, false).parse(text, from, to, (to - from) / 28 + 64);
    }
}
