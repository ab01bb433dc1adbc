package org.fluxion.io.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.fluxion.api.workflow.InvalidSettingsException;
import org.junit.jupiter.api.Test;

class TextSampleSettingsTest {
    @Test
    void defaultsAndValidation() {
        TextSampleSettings s = new TextSampleSettings("a.txt", null, null, null, null, null);
        assertEquals(TextSampleSettings.Delimiter.AUTO, s.delimiter());
        assertEquals(TextSampleSettings.BadLinePolicy.ERROR, s.onBadLine());
        assertEquals(List.of(), s.columns());
        InvalidSettingsException blank = assertThrows(InvalidSettingsException.class,
                () -> TextSampleSettings.of(" "));
        assertEquals("path", blank.key());
        InvalidSettingsException twice = assertThrows(InvalidSettingsException.class,
                () -> TextSampleSettings.of("a").withColumns("E", "E"));
        assertEquals("columns", twice.key());
        assertTrue(twice.getMessage().contains("'E' twice"), twice.getMessage());
        InvalidSettingsException none = assertThrows(InvalidSettingsException.class,
                () -> new TextLoadSettings(Map.of()));
        assertEquals("samples", none.key());
    }
}
