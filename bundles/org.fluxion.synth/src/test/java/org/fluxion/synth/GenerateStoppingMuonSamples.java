package org.fluxion.synth;

import java.nio.file.Path;

/**
 * Command-line generator (not a test): {@code java -cp <classpath with jhdf>
 * org.fluxion.synth.GenerateStoppingMuonSamples <dir> [seed] [DEFAULT|SMALL] [threads]}. Prints the
 * files and the wall time.
 */
public final class GenerateStoppingMuonSamples {
    private GenerateStoppingMuonSamples() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: GenerateStoppingMuonSamples <dir> [seed] [DEFAULT|SMALL] [threads]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1L;
        StoppingMuonSamples.Size size = args.length > 2 ? StoppingMuonSamples.Size.valueOf(args[2])
                : StoppingMuonSamples.Size.DEFAULT;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : Runtime.getRuntime().availableProcessors();
        long t0 = System.nanoTime();
        StoppingMuonSamples.Files f = StoppingMuonSamples.write(dir, seed, size, threads);
        System.out.printf("wrote %s%nin %.2f s on %d threads%n", f, (System.nanoTime() - t0) * 1e-9, threads);
    }
}
