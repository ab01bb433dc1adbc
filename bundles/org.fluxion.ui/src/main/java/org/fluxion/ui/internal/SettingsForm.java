package org.fluxion.ui.internal;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.fluxion.api.workflow.Port;
import org.fluxion.api.workflow.Setting;
import org.fluxion.api.workflow.StepDescriptor;
import org.fluxion.core.SettingsBinder;

/**
 * The form of one step of the open configuration, generated from the step's settings record:
 * one {@link SettingField} per record component, in declaration order. Immutable.
 *
 * @param step        instance name in the workflow
 * @param stepId      the step id it uses
 * @param title       the step's title
 * @param description the step's description
 * @param inputs      input ports as "name: Type ← upstream.port" (connections from the configuration)
 * @param outputs     output ports as "name: Type"
 * @param fields      the settings
 */
public record SettingsForm(String step, String stepId, String title, String description, List<String> inputs,
        List<String> outputs, List<SettingField> fields) {
    /** Setting keys that name an unfolder: offered as a choice of the installed {@code fluxion.unfolder.id}s. */
    static final List<String> UNFOLDER_KEYS = List.of("method", "unfolder");

    public SettingsForm {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        fields = List.copyOf(fields);
    }

    /**
     * Builds the form of a step.
     *
     * @param step        instance name
     * @param descriptor  the installed step's descriptor
     * @param connections input port → "upstream.port" as configured
     * @param given       explicit settings: key → YAML source text ({@link ConfigText#stepSettings})
     * @param unfolderIds installed unfolder ids (offered for {@link #UNFOLDER_KEYS})
     */
    public static SettingsForm of(String step, StepDescriptor<?> descriptor, Map<String, String> connections,
            Map<String, String> given, List<String> unfolderIds) {
        List<SettingField> fields = new ArrayList<>();
        for (RecordComponent rc : descriptor.settingsType().getRecordComponents()) {
            String key = SettingsBinder.key(rc.getName());
            Setting s = rc.getAnnotation(Setting.class);
            Class<?> type = rc.getType();
            List<String> choices = new ArrayList<>();
            boolean free = false;
            if (type.isEnum()) {
                for (Object c : type.getEnumConstants()) {
                    choices.add(ConfigText.enumText((Enum<?>) c));
                }
            } else if (type == String.class && UNFOLDER_KEYS.contains(key) && !unfolderIds.isEmpty()) {
                choices.addAll(unfolderIds);
                free = true;
            }
            String def;
            if (s != null) {
                def = Setting.REQUIRED.equals(s.defaultValue()) ? null : s.defaultValue();
            } else {
                def = type.isPrimitive() || type.isRecord() ? null : "";
            }
            fields.add(new SettingField(key, type, typeName(rc.getGenericType()), s == null ? "" : s.description(),
                    s == null ? "" : s.unit(), def, s == null ? Double.NEGATIVE_INFINITY : s.min(),
                    s == null ? Double.POSITIVE_INFINITY : s.max(), choices, free, given.get(key)));
        }
        List<String> ins = new ArrayList<>();
        for (Port p : descriptor.inputs()) {
            String from = connections.get(p.name());
            ins.add(p.name() + ": " + p.type().getSimpleName() + (p.optional() ? " (optional)" : "")
                    + (from == null ? "  \u2190 not connected" : "  \u2190 " + from));
        }
        List<String> outs = new ArrayList<>();
        for (Port p : descriptor.outputs()) {
            outs.add(p.name() + ": " + p.type().getSimpleName());
        }
        return new SettingsForm(step, descriptor.id(), descriptor.title(), descriptor.description(), ins, outs, fields);
    }

    static String typeName(Type t) {
        Class<?> c = t instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) t;
        if (c == int.class || c == Integer.class || c == long.class || c == Long.class) {
            return "integer";
        }
        if (c == double.class || c == Double.class) {
            return "number";
        }
        if (c == boolean.class || c == Boolean.class) {
            return "true/false";
        }
        if (c == String.class) {
            return "text";
        }
        if (c.isEnum()) {
            return "choice";
        }
        if (List.class.isAssignableFrom(c)) {
            return "list";
        }
        if (Map.class.isAssignableFrom(c)) {
            return "mapping";
        }
        if (c.isRecord()) {
            return "group";
        }
        return c.getSimpleName();
    }
}
