package org.fluxion.unfolding.ibu.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.util.List;

import org.fluxion.api.workflow.InvalidSettingsException;
import org.fluxion.api.workflow.Setting;
import org.junit.jupiter.api.Test;

class IbuSettingsTest {
    private static void rejects(String key, String text, Runnable r) {
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, r::run);
        assertEquals(key, e.key());
        assertTrue(e.getMessage().contains(text), e.getMessage());
    }

    @Test
    void badValuesNameTheKeyAndTheValue() {
        rejects("prior_values", "none were given",
                () -> new IbuSettings(PriorShape.USER, List.of(), StoppingTest.KS, 0.01, 100, true, false, 2));
        rejects("prior_values", "'prior_values'[1] must be finite and > 0 but was -2.0",
                () -> new IbuSettings(PriorShape.USER, List.of(1.0, -2.0), StoppingTest.KS, 0.01, 100, true, false, 2));
        rejects("prior_values", "set 'prior: user'",
                () -> new IbuSettings(PriorShape.UNIFORM, List.of(1.0), StoppingTest.KS, 0.01, 100, true, false, 2));
        rejects("tolerance", "but was -0.5",
                () -> new IbuSettings(PriorShape.UNIFORM, List.of(), StoppingTest.KS, -0.5, 100, true, false, 2));
        rejects("max_iterations", "but was 0",
                () -> new IbuSettings(PriorShape.UNIFORM, List.of(), StoppingTest.KS, 0.01, 0, true, false, 2));
        rejects("smoothing_degree", "but was 9",
                () -> new IbuSettings(PriorShape.UNIFORM, List.of(), StoppingTest.KS, 0.01, 10, true, true, 9));
        rejects("stopping_test", "was null",
                () -> new IbuSettings(PriorShape.UNIFORM, List.of(), null, 0.01, 10, true, true, 2));
    }

    @Test
    void everyComponentIsDocumentedWithADefaultThatMatchesDefaults() {
        for (RecordComponent c : IbuSettings.class.getRecordComponents()) {
            Setting s = c.getAnnotation(Setting.class);
            assertTrue(s != null && !s.description().isBlank(), c.getName());
            assertTrue(!Setting.REQUIRED.equals(s.defaultValue()), c.getName() + " has a default");
        }
        IbuSettings d = IbuSettings.defaults();
        assertEquals(PriorShape.UNIFORM, d.prior());
        assertEquals(StoppingTest.KS, d.stoppingTest());
        assertEquals(0.01, d.tolerance());
        assertEquals(100, d.maxIterations());
    }

    @Test
    void providerDescribesTheIbuId() {
        IbuUnfolderProvider p = new IbuUnfolderProvider();
        assertEquals("ibu", p.descriptor().id());
        assertEquals(IbuSettings.class, p.descriptor().settingsType());
        assertTrue(p.create(IbuSettings.defaults()) instanceof IbuUnfolder);
    }
}
