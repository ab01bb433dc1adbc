package org.fluxion.ui.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.fluxion.core.Plan;
import org.fluxion.core.Plan.PlannedStep;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The lessons of the guided masterclass (the Masterclass part): their texts, shipped as
 * {@value #RESOURCE} in this bundle, and which steps of the masterclass workflow
 * ({@code examples/masterclass.yaml}) belong to each. Lesson N owns the steps whose ids start with
 * {@code stepN_}; running lesson N runs the steps of lessons 1..N and the steps they read from (the
 * preparation steps {@code load} and {@code units}), so a lesson's run folder still shows the
 * earlier lessons' plots, and the session's step cache makes them cost nothing. Stateless.
 */
public final class MasterclassLessons {
    /** Class-path resource holding the lesson texts. */
    public static final String RESOURCE = "/masterclass/lessons.yaml";

    private MasterclassLessons() {
    }

    /**
     * One lesson.
     *
     * @param number  1, 2, ... in the order of the masterclass
     * @param title   short title
     * @param text    what the plots show
     * @param look    what to look for
     * @param tryText what to change
     * @param setting the one setting the lesson offers to change, or null
     */
    public record Lesson(int number, String title, String text, String look, String tryText, Setting setting) {
        /** @return the prefix of the step ids this lesson owns ({@code "step1_"}) */
        public String stepPrefix() {
            return "step" + number + "_";
        }

        /** @return whether the step with this id belongs to the lesson */
        public boolean owns(String step) {
            return step.startsWith(stepPrefix());
        }

        /** @return "1 · title" */
        public String label() {
            return number + " \u00b7 " + title;
        }
    }

    /** How a lesson's setting is edited. */
    public enum Kind {
        /** whole number (spinner) */
        INTEGER,
        /** decimal number (text field) */
        NUMBER,
        /** one of a few YAML values, offered by label */
        CHOICE
    }

    /**
     * A setting of one step that a lesson lets the students change.
     *
     * @param step    step id
     * @param path    key path below {@code with:} ({@code [bins]}, {@code [method_settings, max_iterations]})
     * @param label   what the control is called
     * @param kind    how it is edited
     * @param min     smallest value (numbers)
     * @param max     largest value (numbers)
     * @param choices label → YAML text of the value (choices), in order
     */
    public record Setting(String step, List<String> path, String label, Kind kind, double min, double max,
            Map<String, String> choices) {
        public Setting {
            path = List.copyOf(path);
            choices = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(choices));
        }

        /** @return the key path inside the step entry, starting with "with" */
        public List<String> configPath() {
            List<String> p = new ArrayList<>();
            p.add("with");
            p.addAll(path);
            return p;
        }

        /** @return the dotted key ("method_settings.max_iterations") */
        public String key() {
            return String.join(".", path);
        }

        /**
         * Checks a value typed or chosen in the control and returns its YAML text.
         *
         * @param input for numbers the number as typed; for choices the choice's label
         * @throws IllegalArgumentException naming the setting, the value and what is allowed
         */
        public String yamlValue(String input) {
            String v = input.strip();
            switch (kind) {
            case CHOICE -> {
                String yaml = choices.get(v);
                if (yaml == null) {
                    throw new IllegalArgumentException(label + " (" + step + "." + key() + "): '" + v
                            + "' is not one of " + choices.keySet());
                }
                return yaml;
            }
            case INTEGER -> {
                long n;
                try {
                    n = Long.parseLong(v);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(label + " (" + step + "." + key() + ") must be a whole number but was '"
                            + v + "'");
                }
                requireRange(n, v);
                return Long.toString(n);
            }
            default -> {
                double x;
                try {
                    x = Double.parseDouble(v);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(label + " (" + step + "." + key() + ") must be a number but was '" + v
                            + "'");
                }
                requireRange(x, v);
                return v;
            }
            }
        }

        private void requireRange(double x, String v) {
            if (!(x >= min && x <= max)) {
                throw new IllegalArgumentException(label + " (" + step + "." + key() + ") must be between "
                        + format(min) + " and " + format(max) + " but was " + v);
            }
        }

        /** @return the label of the choice whose YAML text is {@code yaml} (spaces ignored), or null */
        public String choiceLabel(String yaml) {
            String want = yaml == null ? "" : yaml.replace(" ", "");
            for (Map.Entry<String, String> e : choices.entrySet()) {
                if (e.getValue().replace(" ", "").equals(want)) {
                    return e.getKey();
                }
            }
            return null;
        }
    }

    private static String format(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
    }

    /**
     * Reads the lessons shipped with this bundle.
     *
     * @throws IllegalStateException if the resource is missing or malformed (the message says where)
     */
    public static List<Lesson> load() {
        try (InputStream in = MasterclassLessons.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the lesson texts " + RESOURCE + " are missing from bundle org.fluxion.ui");
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the lesson texts " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** Parses lesson YAML (see {@value #RESOURCE} for the format). */
    static List<Lesson> parse(Reader reader) {
        Object root;
        try {
            root = new Yaml(new LoaderOptions()).load(reader);
        } catch (YAMLException e) {
            throw new IllegalStateException("lesson texts: not valid YAML: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        if (!(root instanceof Map<?, ?> m) || !(m.get("lessons") instanceof List<?> list)) {
            throw new IllegalStateException("lesson texts: expected a top-level 'lessons:' list");
        }
        List<Lesson> out = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> l)) {
                throw new IllegalStateException("lesson texts: every lesson must be a mapping but got " + o);
            }
            int number = integer(l, "number", "lesson");
            String where = "lesson " + number;
            Setting setting = null;
            if (l.get("setting") instanceof Map<?, ?> s) {
                setting = setting(s, where);
            }
            out.add(new Lesson(number, text(l, "title", where), text(l, "text", where), text(l, "look", where),
                    text(l, "try", where), setting));
        }
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i).number() != i + 1) {
                throw new IllegalStateException("lesson texts: lesson " + (i + 1) + " is numbered " + out.get(i).number());
            }
        }
        return List.copyOf(out);
    }

    private static Setting setting(Map<?, ?> s, String where) {
        String w = where + " setting";
        Kind kind;
        String type = text(s, "type", w);
        try {
            kind = Kind.valueOf(type.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("lesson texts: " + w + ": type must be integer, number or choice but was '" + type + "'");
        }
        Map<String, String> choices = new LinkedHashMap<>();
        if (s.get("choices") instanceof Map<?, ?> c) {
            c.forEach((k, v) -> choices.put(String.valueOf(k), String.valueOf(v)));
        }
        if (kind == Kind.CHOICE && choices.isEmpty()) {
            throw new IllegalStateException("lesson texts: " + w + ": a choice needs 'choices'");
        }
        double min = s.get("min") instanceof Number n ? n.doubleValue() : Double.NEGATIVE_INFINITY;
        double max = s.get("max") instanceof Number n ? n.doubleValue() : Double.POSITIVE_INFINITY;
        return new Setting(text(s, "step", w), List.of(text(s, "key", w).split("\\.")), text(s, "label", w), kind, min, max,
                choices);
    }

    private static String text(Map<?, ?> m, String key, String where) {
        Object v = m.get(key);
        if (v == null || String.valueOf(v).isBlank()) {
            throw new IllegalStateException("lesson texts: " + where + " has no '" + key + "'");
        }
        return String.valueOf(v).strip();
    }

    private static int integer(Map<?, ?> m, String key, String where) {
        if (m.get(key) instanceof Integer i) {
            return i;
        }
        throw new IllegalStateException("lesson texts: " + where + " needs an integer '" + key + "' but has " + m.get(key));
    }

    /** @return the ids among {@code steps} that lesson {@code lesson} owns, in their order */
    public static List<String> lessonSteps(List<String> steps, Lesson lesson) {
        return steps.stream().filter(lesson::owns).toList();
    }

    /**
     * The part of a plan that lesson {@code upTo} needs: the steps of lessons 1..upTo and, recursively,
     * every step they read from, in plan order.
     *
     * @throws IllegalArgumentException if the plan has no step of that lesson (names the prefix)
     */
    public static Plan planUpTo(Plan plan, Lesson upTo) {
        Map<String, PlannedStep> byName = new LinkedHashMap<>();
        plan.steps().forEach(s -> byName.put(s.name(), s));
        Set<String> needed = new LinkedHashSet<>();
        List<String> todo = new ArrayList<>();
        boolean any = false;
        for (PlannedStep s : plan.steps()) {
            int lesson = lessonOf(s.name());
            if (lesson >= 1 && lesson <= upTo.number()) {
                todo.add(s.name());
                any |= lesson == upTo.number();
            }
        }
        if (!any) {
            throw new IllegalArgumentException("the configuration has no enabled step of lesson " + upTo.number()
                    + " (ids starting with '" + upTo.stepPrefix() + "')");
        }
        while (!todo.isEmpty()) {
            String n = todo.remove(todo.size() - 1);
            if (needed.add(n)) {
                byName.get(n).inputs().values().forEach(c -> {
                    if (byName.containsKey(c.step()) && !needed.contains(c.step())) {
                        todo.add(c.step());
                    }
                });
            }
        }
        List<PlannedStep> steps = plan.steps().stream().filter(s -> needed.contains(s.name())).toList();
        return new Plan(plan.config(), steps, plan.warnings());
    }

    /** @return N for a step id {@code stepN_...}, 0 for any other (preparation) step */
    public static int lessonOf(String step) {
        int i = 4;
        if (!step.startsWith("step")) {
            return 0;
        }
        while (i < step.length() && Character.isDigit(step.charAt(i))) {
            i++;
        }
        if (i == 4 || i >= step.length() || step.charAt(i) != '_' || i - 4 > 3) {
            return 0;
        }
        return Integer.parseInt(step.substring(4, i));
    }
}
