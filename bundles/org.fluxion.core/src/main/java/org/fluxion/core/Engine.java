package org.fluxion.core;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fluxion.api.artifact.PlotRenderer;
import org.fluxion.api.workflow.Port;
import org.fluxion.api.workflow.StepDescriptor;
import org.fluxion.core.Plan.Connection;
import org.fluxion.core.Plan.PlannedStep;
import org.fluxion.core.internal.RunExecution;

/**
 * Plans and runs workflows. {@link #plan} resolves providers, binds settings and checks port
 * types before any data is read; {@link #run} executes the plan into a run folder that appears
 * only when the run completed. An engine holds no state between runs and may be shared.
 */
public final class Engine {
    private final StepRegistry registry;
    private final PlotRenderer renderer;

    /**
     * @param registry snapshot of the installed steps
     * @param renderer plot service, or null (a step that makes a plot then fails with a clear error)
     */
    public Engine(StepRegistry registry, PlotRenderer renderer) {
        this.registry = registry;
        this.renderer = renderer;
    }

    /** @return the registry this engine resolves step ids in */
    public StepRegistry registry() {
        return registry;
    }

    /**
     * Checks a configuration against the installed steps.
     *
     * @param strict treat a shadowed provider (two bundles providing one id) as an error
     * @throws ConfigException on an unknown step id, a settings error, or a bad connection
     */
    public Plan plan(WorkflowConfig config, boolean strict) throws ConfigException {
        List<PlannedStep> planned = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Map<String, StepDescriptor<?>> available = new HashMap<>();
        Map<String, StepConfig> disabled = new HashMap<>();
        for (StepConfig sc : config.steps()) {
            RegisteredStep rs = registry.resolve(sc.use());
            if (rs == null) {
                throw new ConfigException(sc.location(), "step '" + sc.name() + "': no installed step with id '"
                        + sc.use() + "'; installed: " + String.join(", ", registry.ids()));
            }
            List<RegisteredStep> shadowed = registry.shadowed(sc.use());
            for (RegisteredStep loser : shadowed) {
                String msg = "step id '" + sc.use() + "' is provided by " + rs.origin() + " (ranking " + rs.ranking()
                        + "), shadowing " + loser.origin() + " (ranking " + loser.ranking() + ")";
                if (strict) {
                    throw new ConfigException(sc.location(), msg + "; --strict forbids shadowed providers");
                }
                if (!warnings.contains(msg)) {
                    warnings.add(msg);
                }
            }
            StepDescriptor<?> d = rs.provider().descriptor();
            if (!sc.enabled()) {
                disabled.put(sc.name(), sc);
                continue;
            }
            Record settings = bind(d, sc, config.source());
            Map<String, Connection> inputs = new LinkedHashMap<>();
            for (Map.Entry<String, String> in : sc.inputs().entrySet()) {
                Port port = d.input(in.getKey());
                if (port == null) {
                    throw new ConfigException(sc.location(), "step '" + sc.name() + "' (" + d.id() + ") has no input '"
                            + in.getKey() + "'; inputs: " + portNames(d.inputs()));
                }
                String from = in.getValue();
                int dot = from.lastIndexOf('.');
                String upstream = dot < 0 ? from : from.substring(0, dot);
                StepDescriptor<?> ud = available.get(upstream);
                if (ud == null && dot >= 0 && available.containsKey(from)) {
                    upstream = from;
                    ud = available.get(from);
                    dot = -1;
                }
                if (ud == null) {
                    String why = disabled.containsKey(upstream) ? "is disabled"
                            : "is not an earlier step";
                    throw new ConfigException(sc.location(), "step '" + sc.name() + "': input '" + in.getKey()
                            + "' comes from '" + from + "', but step '" + upstream + "' " + why);
                }
                String upPort = dot < 0 ? in.getKey() : from.substring(dot + 1);
                Port out = ud.output(upPort);
                if (out == null && dot < 0 && ud.outputs().size() == 1) {
                    out = ud.outputs().get(0);
                    upPort = out.name();
                }
                if (out == null) {
                    throw new ConfigException(sc.location(), "step '" + sc.name() + "': input '" + in.getKey()
                            + "' comes from '" + from + "', but step '" + upstream + "' (" + ud.id()
                            + ") has no output '" + upPort + "'; outputs: " + portNames(ud.outputs()));
                }
                if (!port.type().isAssignableFrom(out.type())) {
                    throw new ConfigException(sc.location(), "step '" + sc.name() + "': input '" + in.getKey()
                            + "' expects " + port.type().getSimpleName() + " but '" + upstream + "." + upPort
                            + "' gives " + out.type().getSimpleName());
                }
                inputs.put(port.name(), new Connection(upstream, upPort));
            }
            for (Port p : d.inputs()) {
                if (!p.optional() && !inputs.containsKey(p.name())) {
                    throw new ConfigException(sc.location(), "step '" + sc.name() + "' (" + d.id()
                            + ") needs input '" + p.name() + "' (" + p.type().getSimpleName() + ": " + p.description()
                            + "); connect it with 'in: {" + p.name() + ": <step>." + p.name() + "}'");
                }
            }
            available.put(sc.name(), d);
            planned.add(new PlannedStep(sc.name(), rs, shadowed, settings, inputs));
        }
        if (planned.isEmpty()) {
            throw new ConfigException(config.source(), "every step is disabled: nothing to run");
        }
        return new Plan(config, planned, warnings);
    }

    private static <S extends Record> S bind(StepDescriptor<S> d, StepConfig sc, String source) throws ConfigException {
        return SettingsBinder.bind(d.settingsType(), sc.settings(), source,
                "step '" + sc.name() + "' (" + d.id() + ")");
    }

    private static String portNames(List<Port> ports) {
        return ports.isEmpty() ? "(none)" : String.join(", ", ports.stream().map(Port::name).toList());
    }

    /**
     * Runs a plan. The run folder {@code output_path/unique_name} is written as a hidden temporary
     * sibling and moved into place only when every step succeeded; on failure or cancellation
     * the temporary folder is removed and an earlier run folder of that name is left untouched.
     *
     * @throws Exception the first step failure (InputException for bad input data,
     *                   CancelledException when cancelled, ...)
     */
    public RunResult run(Plan plan, RunOptions options) throws Exception {
        WorkflowConfig c = plan.config();
        Path out = c.baseDirectory().resolve(c.outputPath()).resolve(c.uniqueName()).normalize();
        return new RunExecution(plan, out, renderer, options).execute();
    }
}
