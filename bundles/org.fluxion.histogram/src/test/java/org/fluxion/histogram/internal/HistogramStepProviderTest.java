package org.fluxion.histogram.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;

import org.fluxion.api.data.SampleSet;
import org.fluxion.api.workflow.Setting;
import org.fluxion.api.workflow.StepDescriptor;
import org.junit.jupiter.api.Test;

class HistogramStepProviderTest {

    @Test
    void describesTheStep() {
        StepDescriptor<HistogramSettings> d = new HistogramStepProvider().descriptor();
        assertEquals("histogram", d.id());
        assertEquals(SampleSet.class, d.input("samples").type());
        assertTrue(d.outputs().isEmpty());
        assertEquals(HistogramSettings.class, d.settingsType());
    }

    @Test
    void everySettingIsDocumented() {
        for (Class<?> type : new Class<?>[] { HistogramSettings.class, Histogram1DSettings.class,
                Histogram2DSettings.class }) {
            for (RecordComponent c : type.getRecordComponents()) {
                Setting s = c.getAnnotation(Setting.class);
                assertTrue(s != null && !s.description().isBlank(), type.getSimpleName() + "." + c.getName());
            }
        }
    }
}
