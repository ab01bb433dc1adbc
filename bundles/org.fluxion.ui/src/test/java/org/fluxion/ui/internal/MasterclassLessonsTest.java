package org.fluxion.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fluxion.app.FluxionCommand;
import org.fluxion.core.Plan;
import org.fluxion.core.Plan.Connection;
import org.fluxion.core.Plan.PlannedStep;
import org.fluxion.core.StepConfig;
import org.fluxion.core.WorkflowConfig;
import org.fluxion.ui.internal.MasterclassLessons.Kind;
import org.fluxion.ui.internal.MasterclassLessons.Lesson;
import org.fluxion.ui.internal.MasterclassLessons.Setting;
import org.junit.jupiter.api.Test;

class MasterclassLessonsTest {
    private static final List<Lesson> LESSONS = MasterclassLessons.load();

    /** The shipped masterclass as a plan: steps and connections as the engine plans them (no providers needed). */
    private static Plan masterclassPlan() throws Exception {
        WorkflowConfig c = WorkflowConfig.parse(FluxionCommand.masterclassConfig(), "masterclass.yaml", Path.of("/tmp"),
                List.of());
        List<PlannedStep> steps = new ArrayList<>();
        for (StepConfig sc : c.steps()) {
            Map<String, Connection> in = new LinkedHashMap<>();
            sc.inputs().forEach((port, from) -> in.put(port,
                    new Connection(from.substring(0, from.indexOf('.')), from.substring(from.indexOf('.') + 1))));
            steps.add(new PlannedStep(sc.name(), null, List.of(), null, in));
        }
        return new Plan(c, steps, List.of());
    }

    private static List<String> names(Plan p) {
        return p.steps().stream().map(PlannedStep::name).toList();
    }

    @Test
    void sixLessonsInOrderWithTheirTexts() {
        assertEquals(6, LESSONS.size());
        for (int i = 0; i < LESSONS.size(); i++) {
            Lesson l = LESSONS.get(i);
            assertEquals(i + 1, l.number());
            for (String t : List.of(l.title(), l.text(), l.look(), l.tryText())) {
                assertFalse(t.isBlank(), "lesson " + l.number());
                assertTrue(t.length() < 700, "lesson " + l.number() + " text too long for the part: " + t.length());
            }
            assertNotNull(l.setting(), "lesson " + l.number() + " has no setting to change");
        }
        assertTrue(LESSONS.get(1).title().contains("plane"));
        assertTrue(LESSONS.get(2).title().contains("ratio"));
        assertTrue(LESSONS.get(4).title().contains("knee"));
        assertTrue(LESSONS.get(5).title().contains("mass group"));
    }

    @Test
    void everyStepOfTheMasterclassBelongsToOneLessonOrPreparesThem() throws Exception {
        Plan plan = masterclassPlan();
        List<String> all = names(plan);
        List<String> inLessons = new ArrayList<>();
        for (Lesson l : LESSONS) {
            List<String> mine = MasterclassLessons.lessonSteps(all, l);
            assertFalse(mine.isEmpty(), "lesson " + l.number() + " owns no step of masterclass.yaml");
            inLessons.addAll(mine);
        }
        assertEquals(inLessons.size(), inLessons.stream().distinct().count(), "a step in two lessons");
        List<String> preparation = all.stream().filter(s -> !inLessons.contains(s)).toList();
        assertEquals(List.of("load", "units"), preparation, "steps of masterclass.yaml outside the lessons");
        // every step runs with some lesson: the whole plan is lesson 6's
        assertEquals(all, names(MasterclassLessons.planUpTo(plan, LESSONS.get(5))));
    }

    @Test
    void aLessonRunsItsStepsTheEarlierLessonsAndWhatTheyRead() throws Exception {
        Plan plan = masterclassPlan();
        assertEquals(List.of("load", "units", "step1_histograms", "step1_zenith"),
                names(MasterclassLessons.planUpTo(plan, LESSONS.get(0))));
        List<String> five = names(MasterclassLessons.planUpTo(plan, LESSONS.get(4)));
        assertEquals(List.of("load", "units", "step1_histograms", "step1_zenith", "step2_planes",
                "step2_plane_with_primaries", "step3_ratio", "step3_ratio_events", "step4_energy", "step5_unfold",
                "step5_flux", "step5_knee"), five);
        // a step of a later lesson that an earlier one reads from comes along
        List<PlannedStep> odd = new ArrayList<>(plan.steps());
        odd.add(new PlannedStep("step1_extra", null, List.of(), null, Map.of("result", new Connection("step5_unfold", "result"))));
        List<String> one = names(MasterclassLessons.planUpTo(new Plan(plan.config(), odd, List.of()), LESSONS.get(0)));
        assertEquals(List.of("load", "units", "step1_histograms", "step1_zenith", "step5_unfold", "step1_extra"), one);
        Plan noLesson3 = new Plan(plan.config(), plan.steps().stream().filter(s -> !s.name().startsWith("step3_")).toList(),
                List.of());
        assertEquals("the configuration has no enabled step of lesson 3 (ids starting with 'step3_')",
                assertThrows(IllegalArgumentException.class, () -> MasterclassLessons.planUpTo(noLesson3, LESSONS.get(2)))
                        .getMessage());
    }

    @Test
    void lessonNumbersOfStepIds() {
        assertEquals(1, MasterclassLessons.lessonOf("step1_zenith"));
        assertEquals(6, MasterclassLessons.lessonOf("step6_knee_reweighted"));
        assertEquals(0, MasterclassLessons.lessonOf("load"));
        assertEquals(0, MasterclassLessons.lessonOf("step_x"));
        assertEquals(0, MasterclassLessons.lessonOf("step1"));
        assertEquals(0, MasterclassLessons.lessonOf("stepper"));
    }

    @Test
    void everySettingIsInTheMasterclassAndCanBeChanged() throws Exception {
        String text = FluxionCommand.masterclassConfig();
        for (Lesson l : LESSONS) {
            Setting s = l.setting();
            assertTrue(l.owns(s.step()), "lesson " + l.number() + " changes " + s.step() + ", a step of another lesson");
            String now = ConfigText.valueText(text, s.step(), s.configPath());
            assertNotNull(now, "masterclass.yaml has no " + s.step() + "." + s.key());
            String other = switch (s.kind()) {
            case INTEGER -> s.yamlValue(Long.toString(Math.round(Math.min(s.max(), Double.parseDouble(now) * 2))));
            case NUMBER -> s.yamlValue(Double.toString(Math.min(s.max(), Double.parseDouble(now) * 1.1)));
            case CHOICE -> {
                assertNotNull(s.choiceLabel(now), "the configuration's " + s.key() + " " + now + " is not among the choices");
                String otherLabel = s.choices().keySet().stream().filter(k -> !k.equals(s.choiceLabel(now))).findFirst()
                        .orElseThrow();
                yield s.yamlValue(otherLabel);
            }
            };
            assertNotEquals(now, other);
            String edited = ConfigText.set(text, s.step(), s.configPath(), other);
            assertEquals(other, ConfigText.valueText(edited, s.step(), s.configPath()));
            // only that value changed: same line count, and the edited text still parses with the same steps
            assertEquals(text.lines().count(), edited.lines().count());
            assertEquals(WorkflowConfig.parse(text, "a", Path.of("/tmp"), List.of()).steps().size(),
                    WorkflowConfig.parse(edited, "a", Path.of("/tmp"), List.of()).steps().size());
        }
    }

    @Test
    void settingValuesAreCheckedWithTheirNames() {
        Setting bins = LESSONS.get(0).setting();
        assertEquals(Kind.INTEGER, bins.kind());
        assertEquals("30", bins.yamlValue(" 30 "));
        assertEquals("Zenith angle bins (step1_zenith.bins) must be between 3 and 200 but was 1",
                assertThrows(IllegalArgumentException.class, () -> bins.yamlValue("1")).getMessage());
        assertEquals("Zenith angle bins (step1_zenith.bins) must be a whole number but was '2.5'",
                assertThrows(IllegalArgumentException.class, () -> bins.yamlValue("2.5")).getMessage());
        Setting coefficient = LESSONS.get(3).setting();
        assertEquals(Kind.NUMBER, coefficient.kind());
        assertEquals("0.35", coefficient.yamlValue("0.35"));
        assertThrows(IllegalArgumentException.class, () -> coefficient.yamlValue("abc"));
        Setting contours = LESSONS.get(1).setting();
        assertEquals("all five groups", contours.choiceLabel("[p,he,cno,si,fe]"));
        assertEquals("Regions drawn on the data (step2_plane_with_primaries.contours): 'iron only' is not one of"
                + " [protons and iron, all five groups]",
                assertThrows(IllegalArgumentException.class, () -> contours.yamlValue("iron only")).getMessage());
        assertEquals(List.of("with", "method_settings", "max_iterations"), LESSONS.get(4).setting().configPath());
    }

    @Test
    void malformedLessonTextsAreNamed() {
        assertEquals("lesson texts: lesson 1 has no 'look'", assertThrows(IllegalStateException.class,
                () -> MasterclassLessons.parse(new StringReader("lessons:\n  - {number: 1, title: a, text: b, try: c}\n")))
                        .getMessage());
        assertEquals("lesson texts: lesson 1 is numbered 2", assertThrows(IllegalStateException.class,
                () -> MasterclassLessons.parse(new StringReader(
                        "lessons:\n  - {number: 2, title: a, text: b, look: c, try: d}\n"))).getMessage());
    }
}
