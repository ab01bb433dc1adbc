package org.fluxion.api.artifact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TableArtifactTest {

    @Test
    void rowsMustMatchTheHeader() {
        TableArtifact.Builder b = TableArtifact.builder().column("E_s", "GeV").column("count", "");
        b.row(1.0, 3L);
        assertThrows(IllegalArgumentException.class, () -> b.row(1.0));
        assertThrows(IllegalArgumentException.class, () -> b.row(1.0, new Object()));
        TableArtifact t = b.build();
        assertEquals("E_s [GeV]", t.headers().get(0).title());
        assertEquals(1, t.rows().size());
    }

    @Test
    void plotNeedsASeries() {
        assertThrows(IllegalArgumentException.class,
                () -> PlotSpec.builder("empty", Axis.linear("x", "m"), Axis.log("y", "")).build());
        assertEquals("Surface energy [GeV]", Axis.log("Surface energy", "GeV").title());
    }
}
