package org.fluxion.ui.internal;

import java.nio.file.Path;
import java.util.List;

import org.fluxion.core.ConfigException;
import org.fluxion.core.Engine;
import org.fluxion.core.Plan;
import org.fluxion.core.StepRegistry;
import org.fluxion.core.WorkflowConfig;

/**
 * The result of checking configuration text exactly as the headless runner does before a run:
 * parse ({@link WorkflowConfig#parse}) and plan ({@link Engine#plan}: step ids, settings binding,
 * port connections), without reading any data. Immutable.
 *
 * @param config  the parsed configuration, or null if the text does not parse
 * @param plan    the checked plan, or null if parsing or planning failed
 * @param problem the first error, or null if the configuration is valid
 */
public record ConfigValidation(WorkflowConfig config, Plan plan, ConfigProblem problem) {

    /**
     * Checks configuration text.
     *
     * @param text     YAML text, not null
     * @param file     the file the text belongs to (names it in messages; its folder resolves relative paths)
     * @param registry the installed steps
     */
    public static ConfigValidation check(String text, Path file, StepRegistry registry) {
        WorkflowConfig config = null;
        try {
            Path base = file.toAbsolutePath().getParent();
            config = WorkflowConfig.parse(text, file.toString(), base, List.of());
            Plan plan = new Engine(registry, null).plan(config, false);
            return new ConfigValidation(config, plan, null);
        } catch (ConfigException e) {
            return new ConfigValidation(config, null, ConfigProblem.of(e));
        } catch (RuntimeException e) {
            // a step's settings record failing in an unexpected way is a bug in that step; show it all the same
            return new ConfigValidation(config, null, new ConfigProblem(0, 0, "checking the configuration failed: " + e));
        }
    }

    /** @return whether the configuration can run */
    public boolean valid() {
        return plan != null;
    }
}
