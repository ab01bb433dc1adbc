package org.fluxion.synth;

import java.nio.file.Path;

/**
 * Command-line generator (not a test): {@code java -cp target/classes:target/test-classes
 * org.fluxion.synth.GenerateKascadeSamples <dir> [seed] [FULL|SMALL] [threads]}. Prints the files
 * and the wall time.
 */
public final class GenerateKascadeSamples {
    private GenerateKascadeSamples() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: GenerateKascadeSamples <dir> [seed] [FULL|SMALL] [threads]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1L;
        KascadeSamples.Size size = args.length > 2 ? KascadeSamples.Size.valueOf(args[2]) : KascadeSamples.Size.FULL;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : Runtime.getRuntime().availableProcessors();
        long t0 = System.nanoTime();
        KascadeSamples.Files f = KascadeSamples.write(dir, seed, size, threads);
        System.out.printf("wrote %s, %s, %s in %.2f s on %d threads%n", f.data(), f.simulation(), f.events(),
                (System.nanoTime() - t0) * 1e-9, threads);
    }
}
