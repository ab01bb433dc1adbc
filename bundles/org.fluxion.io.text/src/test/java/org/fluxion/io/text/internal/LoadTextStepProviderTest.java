package org.fluxion.io.text.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fluxion.api.data.SampleSet;
import org.fluxion.api.workflow.StepDescriptor;
import org.fluxion.testsupport.RecordingStepContext;
import org.fluxion.io.text.TextLoadSettings;
import org.fluxion.io.text.TextSampleSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadTextStepProviderTest {
    @TempDir
    Path dir;

    @Test
    void loadsTheConfiguredSamplesInOrder() throws Exception {
        Files.writeString(dir.resolve("kcdc_data.txt"), "E Ne Nmu Ze\n15.0 4.5 4.0 10.0\n15.5 5.0 4.4 20.0\n");
        Files.createDirectories(dir.resolve("sim"));
        Files.writeString(dir.resolve("sim/s1.csv"), "Particle,lgE\np,15.0\n");
        Files.writeString(dir.resolve("sim/s2.csv"), "Particle,lgE\nfe,16.0\nbad\n");
        Map<String, TextSampleSettings> samples = new LinkedHashMap<>();
        samples.put("simulation", TextSampleSettings.of("sim/s*.csv").withOnBadLine(TextSampleSettings.BadLinePolicy.SKIP));
        samples.put("data", TextSampleSettings.of("kcdc_data.txt").withColumns("E", "Ze"));
        LoadTextStepProvider provider = new LoadTextStepProvider();
        StepDescriptor<TextLoadSettings> d = provider.descriptor();
        assertEquals("load_text", d.id());
        assertEquals(SampleSet.class, d.output("samples").type());
        RecordingStepContext ctx = new RecordingStepContext(dir, 2);
        provider.create(new TextLoadSettings(samples)).run(ctx);
        SampleSet set = (SampleSet) ctx.output("samples");
        assertEquals(List.of("simulation", "data"), List.copyOf(set.names()));
        assertEquals(2, set.get("simulation").rowCount());
        assertEquals(List.of("E", "Ze"), set.get("data").columnNames());
        assertEquals(1, ctx.warnings().size());
        assertTrue(ctx.warnings().get(0).contains("s2.csv:3"), ctx.warnings().get(0));
        assertTrue(ctx.inputFiles().contains(dir.resolve("kcdc_data.txt")), ctx.inputFiles().toString());
        assertTrue(ctx.inputFiles().stream().anyMatch(p -> p.endsWith("s1.csv")), ctx.inputFiles().toString());
        assertEquals(Files.size(dir.resolve("kcdc_data.txt")) - "E Ne Nmu Ze\n".length()
                + Files.size(dir.resolve("sim/s1.csv")) + Files.size(dir.resolve("sim/s2.csv")) - 2 * "Particle,lgE\n".length(),
                ctx.worked());
    }
}
