package org.fluxion.ui.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.fluxion.app.FluxionCommand;
import org.fluxion.synth.KascadeSamples;

/**
 * The demo folder that {@code fluxion demo} uses: the synthetic KASCADE samples in {@code data/}
 * (generated once per size, seed 20210318, marked by {@code data/.generated-<size>-<seed>}) and the
 * demo workflow {@code demo.yaml} shipped with org.fluxion.app (rewritten every time, as the
 * command line does). A folder prepared here and one prepared by {@code fluxion demo} are the same.
 */
public final class DemoFolder {
    /** Seed of the demo samples (the same as {@code fluxion demo}). */
    public static final long SEED = 20210318L;

    private DemoFolder() {
    }

    /**
     * Makes sure the demo samples of {@code size} are in {@code dir/data} and writes {@code dir/demo.yaml}.
     *
     * @param threads threads for the generator, >= 1
     * @return the demo configuration file
     * @throws IOException if the folder cannot be written
     */
    public static Path prepare(Path dir, KascadeSamples.Size size, int threads) throws IOException {
        Path data = dir.resolve("data");
        Path marker = data.resolve(".generated-" + size.name().toLowerCase(Locale.ROOT) + "-" + SEED);
        if (!Files.exists(marker)) {
            Files.createDirectories(data);
            // the files of another size are about to be overwritten: drop its marker so that it is not reused
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(data, ".generated-*")) {
                for (Path old : ds) {
                    Files.delete(old);
                }
            }
            KascadeSamples.write(data, SEED, size, threads);
            Files.writeString(marker, "synthetic KASCADE samples, seed " + SEED + "\n");
        }
        Path config = dir.resolve("demo.yaml");
        Files.writeString(config, FluxionCommand.demoConfig(), StandardCharsets.UTF_8);
        return config;
    }

    /**
     * @return the size called {@code name} ("small" or "full", any case)
     * @throws IllegalArgumentException naming the value and the expected ones
     */
    public static KascadeSamples.Size size(String name) {
        for (KascadeSamples.Size s : KascadeSamples.Size.values()) {
            if (s.name().equalsIgnoreCase(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("--size must be small or full but was '" + name + "'");
    }
}
