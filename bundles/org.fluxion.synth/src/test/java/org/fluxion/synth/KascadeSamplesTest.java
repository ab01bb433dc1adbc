package org.fluxion.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KascadeSamplesTest {
    @TempDir
    static Path dir;
    static KascadeSamples.Files small;

    @BeforeAll
    static void generate() throws IOException {
        small = KascadeSamples.write(dir.resolve("a"), 42L, KascadeSamples.Size.SMALL, 2);
    }

    @Test
    void sameSeedGivesSameBytesWhateverTheThreadCount() throws IOException {
        KascadeSamples.Files one = KascadeSamples.write(dir.resolve("one"), 42L, KascadeSamples.Size.SMALL, 1);
        KascadeSamples.Files three = KascadeSamples.write(dir.resolve("three"), 42L, KascadeSamples.Size.SMALL, 3);
        for (var pair : List.of(List.of(small.data(), one.data(), three.data()),
                List.of(small.simulation(), one.simulation(), three.simulation()),
                List.of(small.events(), one.events(), three.events()))) {
            byte[] ref = Files.readAllBytes(pair.get(0));
            assertArrayEquals(ref, Files.readAllBytes(pair.get(1)), pair.get(1).toString());
            assertArrayEquals(ref, Files.readAllBytes(pair.get(2)), pair.get(2).toString());
        }
    }

    @Test
    void differentSeedsGiveDifferentFiles() throws IOException {
        Path other = dir.resolve("other.txt");
        KascadeSamples.writeData(other, 43L, KascadeSamples.Size.SMALL.dataRows(), 2);
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(small.data()), Files.readAllBytes(other)));
    }

    @Test
    void noPartialFilesAreLeft() throws IOException {
        try (var s = Files.list(dir.resolve("a"))) {
            assertEquals(Set.of(KascadeSamples.DATA_FILE, KascadeSamples.SIMULATION_FILE, KascadeSamples.EVENTS_FILE),
                    Set.copyOf(s.map(p -> p.getFileName().toString()).toList()));
        }
    }

    @Test
    void dataHasHeaderRowCountAndRespectsTheSelection() throws IOException {
        List<String> lines = Files.readAllLines(small.data());
        assertEquals("E Ne Nmu Ze", lines.get(0));
        assertEquals(KascadeSamples.Size.SMALL.dataRows(), lines.size() - 1);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(" ");
            assertEquals(4, f.length, line);
            double e = Double.parseDouble(f[0]), ne = Double.parseDouble(f[1]), nmu = Double.parseDouble(f[2]),
                    ze = Double.parseDouble(f[3]);
            assertTrue(ne > 3.9 && nmu > 3.4, line);
            assertTrue(ze >= 0 && ze <= 45, line);
            double expected = 10.83 + 0.347 * ne + 0.609 * nmu + 1.29 * (1 / Math.cos(Math.toRadians(ze)) - 1);
            assertEquals(expected, e, 6e-6, line);
        }
    }

    @Test
    void simulationHasMoreMuonsForIronThanForProtonsAtTheSameEnergy() throws IOException {
        List<String> lines = Files.readAllLines(small.simulation());
        assertEquals("Particle,lgE,X,Y,CoreDist,Ze,Az,lgNe,lgNmu", lines.get(0));
        assertEquals(KascadeSamples.Size.SMALL.simulationRows(), lines.size() - 1);
        double sumP = 0, sumFe = 0, sumNeP = 0, sumNeFe = 0;
        int nP = 0, nFe = 0;
        int[] perPrimary = new int[5];
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            assertEquals(9, f.length, line);
            double lgE = Double.parseDouble(f[1]);
            double x = Double.parseDouble(f[2]), y = Double.parseDouble(f[3]), r = Double.parseDouble(f[4]);
            assertTrue(r <= 91.0 && Math.abs(Math.hypot(x, y) - r) < 0.02, line);
            assertTrue(lgE >= 14 && lgE <= 18, line);
            double ne = Double.parseDouble(f[7]), nmu = Double.parseDouble(f[8]);
            assertTrue(ne > 3.9 && nmu > 3.4, line);
            int k = List.of("p", "he", "c", "si", "fe").indexOf(f[0]);
            assertTrue(k >= 0, line);
            perPrimary[k]++;
            if (lgE >= 16.0 && lgE < 16.5) {
                if (k == 0) {
                    sumP += nmu;
                    sumNeP += ne;
                    nP++;
                } else if (k == 4) {
                    sumFe += nmu;
                    sumNeFe += ne;
                    nFe++;
                }
            }
        }
        assertTrue(nP > 100 && nFe > 100, "enough events: p " + nP + ", fe " + nFe);
        // mean difference 0.055 ln56 ≈ 0.22 in lg Nμ, and -0.52 in lg Ne
        assertTrue(sumFe / nFe - sumP / nP > 0.1, "lgNmu fe " + sumFe / nFe + " vs p " + sumP / nP);
        assertTrue(sumNeP / nP - sumNeFe / nFe > 0.3, "lgNe p " + sumNeP / nP + " vs fe " + sumNeFe / nFe);
        for (int c : perPrimary) {
            assertTrue(c > 1000, "every primary is present: " + java.util.Arrays.toString(perPrimary));
        }
    }

    @Test
    void zenithFollowsSinCosAtHighEnergies() throws IOException {
        // above 10^16 eV the selection is fully efficient up to 45°, so sin²θ / sin²45° is uniform on [0, 1]
        List<String> lines = Files.readAllLines(small.simulation());
        int n = 0;
        int[] quartiles = new int[4];
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            if (Double.parseDouble(f[1]) > 16.0) {
                double s = Math.sin(Math.toRadians(Double.parseDouble(f[5])));
                double u = s * s / 0.5;
                quartiles[Math.min(3, (int) (u * 4))]++;
                n++;
            }
        }
        assertTrue(n > 500, "events above 10^16 eV: " + n);
        for (int q : quartiles) {
            double expected = n / 4.0, sigma = Math.sqrt(n * 0.25 * 0.75);
            assertTrue(Math.abs(q - expected) < 5 * sigma, "quartile counts " + java.util.Arrays.toString(quartiles));
        }
    }

    @Test
    void dataEnergySpectrumFallsSteeply() throws IOException {
        List<String> lines = Files.readAllLines(small.data());
        int below = 0, above = 0;
        for (String line : lines.subList(1, lines.size())) {
            double e = Double.parseDouble(line.substring(0, line.indexOf(' ')));
            if (e >= 15.5 && e < 16.0) {
                below++;
            } else if (e >= 16.0 && e < 16.5) {
                above++;
            }
        }
        // an integral index of about 1.7 gives a factor 10^(0.5·1.7) ≈ 7 per half decade
        double ratio = (double) below / above;
        assertTrue(ratio > 4 && ratio < 12, "counts " + below + " / " + above);
    }

    @Test
    void eventsAreTimeOrderedWithCorsikaIdsAndPlausibleConditions() throws IOException {
        List<String> lines = Files.readAllLines(small.events());
        assertEquals("datetime,particle_id,energy,zenith,azimuth,core_x,core_y,electron_number,muon_number,"
                + "shower_age,temperature,pressure", lines.get(0));
        assertEquals(KascadeSamples.Size.SMALL.eventRows(), lines.size() - 1);
        Pattern dt = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
        DateTimeFormatter fmt = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        long previous = Long.MIN_VALUE;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            assertEquals(12, f.length, line);
            assertTrue(dt.matcher(f[0]).matches(), line);
            long t = LocalDateTime.parse(f[0], fmt).toEpochSecond(ZoneOffset.UTC);
            assertTrue(t >= previous, "time ordered: " + line);
            assertTrue(t >= KascadeSamples.EVENTS_START_EPOCH_S
                    && t < KascadeSamples.EVENTS_START_EPOCH_S + KascadeSamples.EVENTS_SPAN_S, line);
            previous = t;
            assertTrue(Set.of("14", "402", "1206", "2814", "5626").contains(f[1]), line);
            double lgEGeV = Double.parseDouble(f[2]);
            assertTrue(lgEGeV >= 5 && lgEGeV <= 9, line);
            assertTrue(Math.log10(Double.parseDouble(f[7])) > 3.9 - 1e-6, line);
            double age = Double.parseDouble(f[9]), temp = Double.parseDouble(f[10]), p = Double.parseDouble(f[11]);
            assertTrue(age > 0.3 && age < 1.8, line);
            assertTrue(temp > -25 && temp < 45, line);
            assertTrue(p > 940 && p < 1070, line);
        }
    }
}
