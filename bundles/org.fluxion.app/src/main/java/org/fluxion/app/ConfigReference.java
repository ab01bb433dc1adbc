package org.fluxion.app;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.fluxion.api.workflow.Port;
import org.fluxion.api.workflow.Setting;
import org.fluxion.api.workflow.StepDescriptor;
import org.fluxion.core.SettingsBinder;
import org.fluxion.core.StandardAnalysisPreset;
import org.fluxion.core.StepRegistry;
import org.fluxion.unfolding.api.RegisteredUnfolder;

/**
 * Writes {@code docs/config.md}, the configuration reference, from the installed steps' and
 * unfolders' settings records and from the stopping-muon preset itself, so it cannot drift from the
 * code ({@code fluxion config-reference}; an integration test compares it with the checked-in file).
 */
public final class ConfigReference {
    private ConfigReference() {
    }

    /** @return the reference as Markdown */
    public static String markdown(StepRegistry registry, List<RegisteredUnfolder> unfolders) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Configuration reference\n\n");
        sb.append("Generated from the code by `./fluxion config-reference > docs/config.md` (an integration test\n");
        sb.append("checks that this file is current). Keys are snake_case; `.nan` is YAML's NaN.\n\n");
        sb.append("## General form\n\n");
        sb.append("| key | meaning |\n|---|---|\n");
        sb.append("| `unique_name` | run folder name (default `run`) |\n");
        sb.append("| `output_path` | parent folder of run folders, relative to the config file (default `runs`) |\n");
        sb.append("| `seed` | run seed; each step gets its own stream derived from it and its id (default 1337) |\n");
        sb.append("| `threads` | worker threads, 0 = all cores |\n");
        sb.append("| `description` | free text |\n");
        sb.append("| `base_directory` | folder for relative paths (default: the config file's folder) |\n");
        sb.append("| `steps` | list of `{id, use, in, with, enabled}`: instance name, step id, input connections "
                + "`port: step.port`, the step's settings (below), `false` to skip |\n\n");
        sb.append("`fluxion run CONFIG --set key=value` overrides a top-level key or `step.key[.key|.index]`.\n\n");
        sb.append("## Flat stopping-muon form (the seed's `standard_analysis.yaml`)\n\n");
        sb.append("A configuration without `steps:` but with `inputs:` is expanded by the stopping-muon preset into\n");
        sb.append("`load → cuts → reco_checks → effective_area_{range,energy} → unfold_{range,energy} →\n");
        sb.append("systematics_{range,energy} → fits`; the flags enable the steps. Each flat key goes to:\n\n");
        sb.append("| flat key | step.setting |\n|---|---|\n");
        for (Map.Entry<String, List<String>> e : StandardAnalysisPreset.destinations().entrySet()) {
            sb.append("| `").append(e.getKey()).append("` | ");
            sb.append(String.join(", ", e.getValue().stream().map(s -> "`" + s + "`").toList())).append(" |\n");
        }
        sb.append("\n`plot correlations` (with a space, as the seed writes it) is accepted for `plot_correlations`.\n");
        sb.append("`examples/standard_analysis.yaml` sets every key with a comment.\n\n");
        sb.append("## Steps\n\n");
        for (String id : registry.ids()) {
            StepDescriptor<?> d = registry.resolve(id).provider().descriptor();
            sb.append("### `").append(id).append("` — ").append(d.title()).append("\n\n");
            sb.append(d.description()).append("\n\n");
            for (Port p : d.inputs()) {
                sb.append("- in `").append(p.name()).append("`: ").append(p.type().getSimpleName())
                        .append(p.optional() ? " (optional)" : "").append(" — ").append(p.description()).append('\n');
            }
            for (Port p : d.outputs()) {
                sb.append("- out `").append(p.name()).append("`: ").append(p.type().getSimpleName()).append(" — ")
                        .append(p.description()).append('\n');
            }
            sb.append('\n');
            settingsTable(sb, d.settingsType());
        }
        sb.append("## Unfolders (`method:` / `unfolding_method:`; settings in `method_settings`)\n\n");
        String previous = null;
        for (RegisteredUnfolder u : unfolders) {
            if (u.id().equals(previous)) {
                continue;
            }
            previous = u.id();
            sb.append("### `").append(u.id()).append("` — ").append(u.provider().descriptor().title()).append("\n\n");
            sb.append(u.provider().descriptor().description()).append("\n\n");
            settingsTable(sb, u.provider().descriptor().settingsType());
        }
        return sb.toString();
    }

    private static void settingsTable(StringBuilder sb, Class<?> type) {
        if (type.getRecordComponents().length == 0) {
            sb.append("No settings.\n\n");
            return;
        }
        sb.append("| key | type | unit | default | meaning |\n|---|---|---|---|---|\n");
        rows(sb, type, "");
        sb.append('\n');
    }

    private static void rows(StringBuilder sb, Class<?> type, String prefix) {
        for (RecordComponent rc : type.getRecordComponents()) {
            Setting s = rc.getAnnotation(Setting.class);
            String key = prefix + SettingsBinder.key(rc.getName());
            sb.append("| `").append(key).append("` | ").append(cell(typeName(rc))).append(" | ");
            if (s != null) {
                sb.append(cell(s.unit())).append(" | ")
                        .append(Setting.REQUIRED.equals(s.defaultValue()) ? "required" : "`" + cell(s.defaultValue()) + "`")
                        .append(" | ").append(cell(s.description()));
            } else {
                sb.append(" | | ");
            }
            sb.append(" |\n");
            if (rc.getType().isRecord()) {
                rows(sb, rc.getType(), key + ".");
            }
        }
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }

    private static String typeName(RecordComponent rc) {
        if (rc.getGenericType() instanceof ParameterizedType p) {
            return p.getTypeName().replaceAll("[a-z]+\\.|\\w+\\$", "");
        }
        if (rc.getType().isEnum()) {
            StringBuilder b = new StringBuilder();
            for (Object c : rc.getType().getEnumConstants()) {
                b.append(b.isEmpty() ? "" : "\\|").append(((Enum<?>) c).name().toLowerCase(Locale.ROOT));
            }
            return b.toString();
        }
        return rc.getType().getSimpleName();
    }
}
