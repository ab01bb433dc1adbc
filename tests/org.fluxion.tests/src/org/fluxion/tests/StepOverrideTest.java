package org.fluxion.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.fluxion.api.artifact.PlotRenderer;
import org.fluxion.app.FluxionCommand;
import org.fluxion.core.StepCatalog;
import org.fluxion.core.StepRegistry;
import org.fluxion.synth.KascadeSamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * A second bundle providing step id 'histogram' with a higher ranking replaces the default:
 * visible in 'fluxion list', used by the run, recorded in provenance, refused by --strict.
 */
class StepOverrideTest {
    private static final String CONFIG = """
            unique_name: override
            output_path: runs
            steps:
              - id: load
                use: load_text
                with:
                  samples:
                    data: {path: data/kcdc_data.txt}
              - id: hist
                use: histogram
                in: {samples: load.samples}
            """;

    @Test
    void higherRankedBundleReplacesTheDefaultStep(@TempDir Path dir) throws Exception {
        ServiceComponentRuntime scr = OsgiServices.await(ServiceComponentRuntime.class);
        Bundle override = null;
        for (Bundle b : OsgiServices.context().getBundles()) {
            if ("org.fluxion.tests.override".equals(b.getSymbolicName())) {
                override = b;
            }
        }
        assertTrue(override != null, "test bundle org.fluxion.tests.override not installed");
        if ((override.getState() & (Bundle.STARTING | Bundle.ACTIVE)) == 0) {
            override.start(Bundle.START_ACTIVATION_POLICY);
        }
        ComponentDescriptionDTO component = null;
        for (int i = 0; i < 100 && component == null; i++) {
            component = scr.getComponentDescriptionDTO(override,
                    "org.fluxion.tests.override.RowCountHistogramProvider");
            if (component == null) {
                Thread.sleep(50);
            }
        }
        assertTrue(component != null, "override component not found by SCR");
        scr.enableComponent(component).getValue();
        try {
            StepCatalog catalog = OsgiServices.await(StepCatalog.class);
            StepRegistry reg = null;
            for (int i = 0; i < 100; i++) {
                reg = catalog.snapshot();
                if ("org.fluxion.tests.override".equals(reg.resolve("histogram").bundle())) {
                    break;
                }
                Thread.sleep(50);
            }
            assertEquals("org.fluxion.tests.override", reg.resolve("histogram").bundle());
            assertEquals(100, reg.resolve("histogram").ranking());
            String listing = FluxionCommand.listing(reg, false);
            assertTrue(listing.matches("(?s).*histogram\\s+Row counts \\(example override\\)\\s+org\\.fluxion\\.tests\\.override .*"
                    + "shadowed: org\\.fluxion\\.histogram .*"), listing);

            KascadeSamples.write(dir.resolve("data"), 5, KascadeSamples.Size.SMALL, 2);
            Files.writeString(dir.resolve("a.yaml"), CONFIG);
            ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
            FluxionCommand cmd = new FluxionCommand(reg, null, OsgiServices.await(PlotRenderer.class),
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                    Map.of(), new AtomicBoolean());
            assertEquals(0, cmd.execute(List.of("run", dir.resolve("a.yaml").toString())), err.toString());
            Path run = dir.resolve("runs/override");
            String counts = Files.readString(run.resolve("steps/hist/row_counts.csv"));
            assertEquals("sample,rows\ndata," + KascadeSamples.Size.SMALL.dataRows() + "\n", counts);
            String prov = Files.readString(run.resolve("provenance.json"));
            assertTrue(prov.contains("\"bundle\": \"org.fluxion.tests.override\""), prov);
            assertTrue(prov.contains("shadowing org.fluxion.histogram"), prov);

            err.reset();
            assertEquals(FluxionCommand.BAD_CONFIG,
                    cmd.execute(List.of("run", dir.resolve("a.yaml").toString(), "--strict")));
            assertTrue(err.toString().contains("--strict forbids shadowed providers"), err.toString());
        } finally {
            scr.disableComponent(component).getValue();
        }
    }
}
