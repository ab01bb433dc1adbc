package org.fluxion.core;

import java.nio.file.Path;
import java.util.List;

/**
 * A completed run.
 *
 * @param folder   the run folder ({@code output_path/unique_name})
 * @param seconds  wall time of the whole run
 * @param warnings every warning raised, as "step: message"
 */
public record RunResult(Path folder, double seconds, List<String> warnings) {
    public RunResult {
        warnings = List.copyOf(warnings);
    }
}
