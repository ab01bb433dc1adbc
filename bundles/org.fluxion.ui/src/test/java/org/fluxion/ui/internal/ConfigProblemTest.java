package org.fluxion.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.fluxion.core.ConfigException;
import org.junit.jupiter.api.Test;

class ConfigProblemTest {
    @Test
    void takesLineAndColumnFromTheLocation() {
        ConfigException e = new ConfigException("/a/b:c/analysis.yaml:42:11", "'reg_min' must be > 0 but was -1");
        ConfigProblem p = ConfigProblem.of(e);
        assertEquals(42, p.line());
        assertEquals(11, p.column());
        assertEquals("'reg_min' must be > 0 but was -1 (/a/b:c/analysis.yaml:42:11)", p.message());
    }

    @Test
    void problemsWithoutAPositionPointNowhere() {
        ConfigProblem p = ConfigProblem.of(new ConfigException("analysis.yaml", "every step is disabled: nothing to run"));
        assertEquals(0, p.line());
        assertFalse(p.positioned());
    }
}
