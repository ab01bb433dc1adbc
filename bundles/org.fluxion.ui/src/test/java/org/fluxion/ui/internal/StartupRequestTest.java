package org.fluxion.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;

import org.fluxion.synth.KascadeSamples;
import org.fluxion.ui.internal.WorkbenchLifeCycle.StartupRequest;
import org.junit.jupiter.api.Test;

class StartupRequestTest {
    @Test
    void demoWithOptionsAndEclipseOptionsLeftAlone() {
        StartupRequest r = StartupRequest.parse(new String[] { "-clearPersistedState", "--demo", "--size", "small",
                "--out", "/tmp/d", "--threads", "2" });
        assertEquals(Path.of("/tmp/d"), r.demo());
        assertEquals(KascadeSamples.Size.SMALL, r.size());
        assertEquals(2, r.threads());
        assertNull(r.open());
    }

    @Test
    void masterclassIsADemoOption() {
        StartupRequest r = StartupRequest.parse(new String[] { "--demo", "--masterclass", "--size", "small" });
        assertEquals(true, r.masterclass());
        assertEquals(KascadeSamples.Size.SMALL, r.size());
        assertEquals(Path.of("fluxion-demo").toAbsolutePath(), r.demo());
        assertEquals(false, StartupRequest.parse(new String[] { "--demo" }).masterclass());
        assertEquals("--masterclass is an option of --demo (fluxion demo masterclass --ui)", assertThrows(
                IllegalArgumentException.class, () -> StartupRequest.parse(new String[] { "--masterclass" })).getMessage());
    }

    @Test
    void openAConfiguration() {
        assertEquals(Path.of("/x/a.yaml"), StartupRequest.parse(new String[] { "--open", "/x/a.yaml" }).open());
        assertNull(StartupRequest.parse(new String[0]).open());
    }

    @Test
    void badOptionsAreNamed() {
        assertEquals("unknown workbench option '--bogus'; the workbench takes --open FILE, or --demo [--masterclass] [--out DIR]"
                + " [--size small|full] [--threads N]",
                assertThrows(IllegalArgumentException.class, () -> StartupRequest.parse(new String[] { "--bogus" }))
                        .getMessage());
        assertEquals("--size must be small or full but was 'huge'", assertThrows(IllegalArgumentException.class,
                () -> StartupRequest.parse(new String[] { "--demo", "--size", "huge" })).getMessage());
        assertEquals("option --open needs a value", assertThrows(IllegalArgumentException.class,
                () -> StartupRequest.parse(new String[] { "--open" })).getMessage());
    }
}
