package org.fluxion.fits.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.fluxion.synth.MuonFluxModel;
import org.fluxion.synth.StoppingMuonSamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TheoryTableTest {
    @TempDir
    Path dir;

    @Test
    void readsTheGeneratorsTableInSquareMetres() throws IOException {
        Path f = dir.resolve("mceq.csv");
        StoppingMuonSamples.writeTheoryTable(f);
        TheoryTable t = TheoryTable.read(f);
        assertEquals(List.of("conventional", "prompt", "total"), t.columns());
        SurfaceFlux conv = t.column("conventional"), total = t.column("total"), prompt = t.column("prompt");
        // at grid nodes: the Gaisser formula in m^-2 (10 significant digits in the file)
        double e = Math.pow(10, 1 + 0.05 * 40), c = Math.cos(Math.toRadians(30));
        assertEquals(1e4 * MuonFluxModel.gaisser(e, c), conv.flux(e, c), 1e-5 * conv.flux(e, c));
        // between nodes: log-log in E, linear in cos: within 1 % of the smooth formula
        for (double en : new double[] { 437.0, 1234.5, 9876.0, 55555.0 }) {
            for (double z : new double[] { 2.5, 33.3, 61.0, 75.0 }) {
                double cz = Math.cos(Math.toRadians(z));
                double exact = 1e4 * MuonFluxModel.gaisser(en, cz);
                assertEquals(exact, conv.flux(en, cz), 1e-2 * exact, "E = " + en + ", zenith " + z);
                assertEquals(conv.flux(en, cz) + prompt.flux(en, cz), total.flux(en, cz), 1e-4 * total.flux(en, cz)); // log-log interpolation is not additive
            }
        }
        // a power law is interpolated exactly in E
        assertEquals(1e4 * 2.0e-5 * Math.pow(777.0, -2.7), prompt.flux(777.0, 0.5), 1e-4 * prompt.flux(777.0, 0.5));
    }

    @Test
    void errorsNameFileLineAndValue() throws IOException {
        Path f = dir.resolve("bad.csv");
        Files.writeString(f, "e_grid [GeV],zenith [deg],total [cm-2 s-1 sr-1 GeV-1]\n10,0,1e-3\n10,10,abc\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TheoryTable.read(f));
        assertTrue(e.getMessage().contains("bad.csv:3") && e.getMessage().contains("'abc'"), e.getMessage());

        Files.writeString(f, "energy,zenith,total\n10,0,1\n");
        e = assertThrows(IllegalArgumentException.class, () -> TheoryTable.read(f));
        assertTrue(e.getMessage().contains("bad.csv:1") && e.getMessage().contains("e_grid"), e.getMessage());

        Files.writeString(f, "e_grid [GeV],zenith [deg],total\n10,0,1\n10,10,1\n20,10,1\n");
        e = assertThrows(IllegalArgumentException.class, () -> TheoryTable.read(f));
        assertTrue(e.getMessage().contains("rectangular"), e.getMessage());

        Files.writeString(f, "e_grid [GeV],zenith [deg],total\n10,0,1\n20,0,1\n10,10,1\n20,10,-1\n");
        e = assertThrows(IllegalArgumentException.class, () -> TheoryTable.read(f));
        assertTrue(e.getMessage().contains("bad.csv:5") && e.getMessage().contains("-1"), e.getMessage());

        Files.writeString(f, "e_grid [GeV],zenith [deg],total\n10,0,1\n20,0,1\n10,10,1\n20,10,2\n");
        TheoryTable t = TheoryTable.read(f);
        // outside the energy grid the end segment's power law is extrapolated (a fit's trial values reach there)
        assertEquals(1e4 * 2 * Math.pow(1.5, Math.log(2) / Math.log(2)), t.column("total").flux(30, Math.cos(Math.toRadians(10))),
                1e-6 * 3e4);
        e = assertThrows(IllegalArgumentException.class, () -> t.column("total").flux(-1, 1));
        assertTrue(e.getMessage().contains("-1.0 GeV"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> t.column("conventional"));
        assertTrue(e.getMessage().contains("[total]"), e.getMessage());
        // no unit: the MCEq convention cm-2, converted to m-2
        assertEquals(1e4 * Math.sqrt(2), t.column("total").flux(Math.sqrt(200), Math.cos(Math.toRadians(10))), 1e-6);
    }
}
