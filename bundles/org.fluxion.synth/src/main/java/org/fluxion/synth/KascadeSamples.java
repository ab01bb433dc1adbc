package org.fluxion.synth;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.SplittableRandom;

import org.fluxion.synth.internal.AsciiRecordBuffer;
import org.fluxion.synth.internal.BlockStreams;
import org.fluxion.synth.internal.OrderedBlockFile;
import org.fluxion.synth.internal.ShowerSizeModel;

/**
 * Writes the synthetic KASCADE / KCDC masterclass samples (PHYSICS.md §5–6): three text files with
 * the columns and row counts of the real masterclass samples, generated from the five-mass-group
 * spectrum and shower-size tuning of PHYSICS.md. Synthetic, not KASCADE's data.
 *
 * <ul>
 * <li>{@value #DATA_FILE}: whitespace separated, header {@code E Ne Nmu Ze}; E is the KCDC energy
 * estimator lg(E/eV) computed from the written (rounded) lg Ne, lg Nμ and zenith; Ne and Nmu are
 * lg of the electron and muon sizes; Ze is the zenith angle in degrees.</li>
 * <li>{@value #SIMULATION_FILE}: CSV, header {@code Particle,lgE,X,Y,CoreDist,Ze,Az,lgNe,lgNmu};
 * Particle is the primary's name (p, he, c, si, fe; see {@link KascadePrimary#label()}), lgE the
 * true lg(E/eV), X/Y/CoreDist the core position and its distance from the array centre in m, Ze/Az
 * in degrees. True energies follow E^-2 on [10^14, 10^18] eV with the five primaries equally likely
 * (a generation spectrum for response matrices, not the physical one).</li>
 * <li>{@value #EVENTS_FILE}: CSV, header {@code datetime,particle_id,energy,zenith,azimuth,core_x,
 * core_y,electron_number,muon_number,shower_age,temperature,pressure}; datetime
 * {@code YYYY-MM-DD HH:MM:SS} UTC, time ordered over 2004-01-01 .. 2006-12-31; particle_id the
 * CORSIKA id; energy the true lg(E/GeV) (note: GeV, unlike the other two files); electron_number and
 * muon_number the sizes themselves (not lg); shower_age the lateral age parameter;
 * temperature in °C and pressure in hPa at ground.</li>
 * </ul>
 * All rows pass the selection lg Ne &gt; {@value #MIN_LG_NE} and lg Nμ &gt; {@value #MIN_LG_NMU} (as
 * written, i.e. after rounding). Zenith angles follow sinθ cosθ on [0°, 45°], cores are uniform in a
 * disk of radius {@value #CORE_RADIUS_M} m. The physical samples (data, events) draw true energies
 * from the summed spectra on [10^14, 10^18] eV.
 *
 * <p>Determinism: each file is cut into blocks of {@value #BLOCK_ROWS} rows, each generated from its
 * own random stream derived from (seed, file, block index) and written in order, so the same seed
 * gives byte-identical files whatever the thread count. Files are written to a temporary file in the
 * target folder and moved into place when complete. All methods are thread-safe.
 */
public final class KascadeSamples {
    /** File name of the data sample. */
    public static final String DATA_FILE = "kcdc_data.txt";
    /** File name of the simulation sample. */
    public static final String SIMULATION_FILE = "kcdc_simulation.csv";
    /** File name of the time-stamped event sample. */
    public static final String EVENTS_FILE = "kcdc_events.csv";
    /** Selection threshold on lg Ne (exclusive). */
    public static final double MIN_LG_NE = 3.9;
    /** Selection threshold on lg Nμ (exclusive). */
    public static final double MIN_LG_NMU = 3.4;
    /** Largest zenith angle, degrees. */
    public static final double MAX_ZENITH_DEG = 45.0;
    /** Radius of the core disk, m. */
    public static final double CORE_RADIUS_M = 91.0;
    /** Lower end of the true-energy range, lg(E/GeV) (10^14 eV). */
    public static final double MIN_LG_E_GEV = 5.0;
    /** Upper end of the true-energy range, lg(E/GeV) (10^18 eV). */
    public static final double MAX_LG_E_GEV = 9.0;
    /** Spectral index of the simulation's generation spectrum. */
    public static final double SIMULATION_GAMMA = 2.0;
    /** Rows per independently seeded block. */
    public static final int BLOCK_ROWS = 32768;
    /** First second of the event sample's time range: 2004-01-01T00:00:00Z. */
    public static final long EVENTS_START_EPOCH_S = 1_072_915_200L;
    /** Length of the event sample's time range: 1096 days (2004-01-01 .. 2006-12-31). */
    public static final long EVENTS_SPAN_S = 1096L * 86400L;

    private static final long TAG_DATA = 1, TAG_SIMULATION = 2, TAG_EVENTS = 3;
    private static final long MIN_NE_SCALED = 390_000, MIN_NMU_SCALED = 340_000; // 5 decimals
    private static final KascadePrimary[] PRIMARIES = KascadePrimary.values();
    /** Cumulative probabilities of the primaries in the physical spectrum on the energy range. */
    private static final double[] PHYSICAL_CUMULATIVE = physicalCumulative();

    /** Row counts of the three files. */
    public enum Size {
        /** The row counts of the real masterclass samples. */
        FULL(4_102_999, 1_720_319, 1_500_317),
        /** About 1/100 of those, for tests. */
        SMALL(41_030, 17_203, 15_003);

        private final int dataRows;
        private final int simulationRows;
        private final int eventRows;

        Size(int dataRows, int simulationRows, int eventRows) {
            this.dataRows = dataRows;
            this.simulationRows = simulationRows;
            this.eventRows = eventRows;
        }

        /** @return rows of {@value KascadeSamples#DATA_FILE} */
        public int dataRows() {
            return dataRows;
        }

        /** @return rows of {@value KascadeSamples#SIMULATION_FILE} */
        public int simulationRows() {
            return simulationRows;
        }

        /** @return rows of {@value KascadeSamples#EVENTS_FILE} */
        public int eventRows() {
            return eventRows;
        }
    }

    /**
     * The written files.
     *
     * @param data       {@value KascadeSamples#DATA_FILE}
     * @param simulation {@value KascadeSamples#SIMULATION_FILE}
     * @param events     {@value KascadeSamples#EVENTS_FILE}
     */
    public record Files(Path data, Path simulation, Path events) {
        public Files {
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(simulation, "simulation");
            Objects.requireNonNull(events, "events");
        }
    }

    private KascadeSamples() {
    }

    /**
     * Writes the three files into {@code dir} using all available processors.
     *
     * @param dir  target folder, created if missing; existing files of the same names are replaced
     * @param seed any 64-bit seed
     * @param size row counts, not null
     * @return the paths written
     */
    public static Files write(Path dir, long seed, Size size) throws IOException {
        return write(dir, seed, size, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Writes the three files into {@code dir} on at most {@code threads} threads; the bytes do not
     * depend on {@code threads}.
     *
     * @param threads worker threads, >= 1
     */
    public static Files write(Path dir, long seed, Size size, int threads) throws IOException {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(size, "size");
        Files f = new Files(dir.resolve(DATA_FILE), dir.resolve(SIMULATION_FILE), dir.resolve(EVENTS_FILE));
        writeData(f.data(), seed, size.dataRows(), threads);
        writeSimulation(f.simulation(), seed, size.simulationRows(), threads);
        writeEvents(f.events(), seed, size.eventRows(), threads);
        return f;
    }

    /**
     * Writes the {@code E Ne Nmu Ze} data sample.
     *
     * @param file    target file (replaced if present)
     * @param seed    any 64-bit seed
     * @param rows    number of rows, >= 0
     * @param threads worker threads, >= 1
     */
    public static void writeData(Path file, long seed, int rows, int threads) throws IOException {
        checkRows(rows);
        OrderedBlockFile.write(file, "E Ne Nmu Ze\n", blocks(rows), threads, b -> {
            int n = rowsInBlock(rows, b);
            SplittableRandom rng = BlockStreams.stream(seed, TAG_DATA, b);
            Shower s = new Shower();
            AsciiRecordBuffer out = new AsciiRecordBuffer(n * 33);
            for (int i = 0; i < n; i++) {
                s.drawSelected(rng, true);
                double lgNe = s.lgNeScaled * 1e-5, lgNmu = s.lgNmuScaled * 1e-5;
                double e = ShowerSizeModel.kcdcEnergyEstimator(lgNe, lgNmu, s.secTheta);
                out.putFixed(e, 5).put(' ').putScaled(s.lgNeScaled, 5).put(' ').putScaled(s.lgNmuScaled, 5)
                        .put(' ').putScaled(s.zenithScaled, 3).put('\n');
            }
            return out;
        });
    }

    /**
     * Writes the {@code Particle,lgE,X,Y,CoreDist,Ze,Az,lgNe,lgNmu} simulation sample.
     *
     * @see #writeData(Path, long, int, int)
     */
    public static void writeSimulation(Path file, long seed, int rows, int threads) throws IOException {
        checkRows(rows);
        OrderedBlockFile.write(file, "Particle,lgE,X,Y,CoreDist,Ze,Az,lgNe,lgNmu\n", blocks(rows), threads, b -> {
            int n = rowsInBlock(rows, b);
            SplittableRandom rng = BlockStreams.stream(seed, TAG_SIMULATION, b);
            Shower s = new Shower();
            AsciiRecordBuffer out = new AsciiRecordBuffer(n * 64);
            for (int i = 0; i < n; i++) {
                s.drawSelected(rng, false);
                out.put(s.primary.label()).put(',').putFixed(s.lgEGeV + 9.0, 5).put(',')
                        .putFixed(s.coreX, 2).put(',').putFixed(s.coreY, 2).put(',').putFixed(s.coreR, 2).put(',')
                        .putScaled(s.zenithScaled, 3).put(',').putFixed(s.azimuthDeg, 3).put(',')
                        .putScaled(s.lgNeScaled, 5).put(',').putScaled(s.lgNmuScaled, 5).put('\n');
            }
            return out;
        });
    }

    /**
     * Writes the time-stamped {@code datetime,particle_id,energy,...} event sample.
     *
     * @see #writeData(Path, long, int, int)
     */
    public static void writeEvents(Path file, long seed, int rows, int threads) throws IOException {
        checkRows(rows);
        String header = "datetime,particle_id,energy,zenith,azimuth,core_x,core_y,electron_number,muon_number,"
                + "shower_age,temperature,pressure\n";
        OrderedBlockFile.write(file, header, blocks(rows), threads, b -> {
            int n = rowsInBlock(rows, b);
            long first = (long) b * BLOCK_ROWS;
            SplittableRandom rng = BlockStreams.stream(seed, TAG_EVENTS, b);
            Shower s = new Shower();
            AsciiRecordBuffer out = new AsciiRecordBuffer(n * 112);
            for (int i = 0; i < n; i++) {
                s.drawSelected(rng, true);
                // time ordered: row k at start + floor((k + u) · span / rows), non-decreasing in k
                long t = EVENTS_START_EPOCH_S
                        + (long) Math.floor((first + i + rng.nextDouble()) * ((double) EVENTS_SPAN_S / rows));
                double dayOfYear = Math.floorMod(t - EVENTS_START_EPOCH_S, 31_557_600L) / 86400.0;
                double hour = Math.floorMod(t, 86400L) / 3600.0;
                double temperature = 10.0 + 9.0 * Math.sin(2 * Math.PI * (dayOfYear - 110) / 365.25)
                        + 4.0 * Math.sin(2 * Math.PI * (hour - 9) / 24) + 2.5 * rng.nextGaussian();
                double pressure = 1004.0 + 4.0 * Math.cos(2 * Math.PI * (dayOfYear - 20) / 365.25)
                        + 7.0 * rng.nextGaussian();
                double x = s.lgEGeV - 6;
                double age = 0.95 + 0.03 * s.primary.lnA() + 0.25 * (s.secTheta - 1) - 0.06 * x
                        + 0.07 * rng.nextGaussian();
                out.putDateTime(t).put(',').putLong(s.primary.corsikaId()).put(',').putFixed(s.lgEGeV, 5).put(',')
                        .putScaled(s.zenithScaled, 3).put(',').putFixed(s.azimuthDeg, 3).put(',')
                        .putFixed(s.coreX, 2).put(',').putFixed(s.coreY, 2).put(',')
                        .putFixed(Math.pow(10, s.lgNeScaled * 1e-5), 1).put(',')
                        .putFixed(Math.pow(10, s.lgNmuScaled * 1e-5), 1).put(',')
                        .putFixed(age, 3).put(',').putFixed(temperature, 1).put(',').putFixed(pressure, 1).put('\n');
            }
            return out;
        });
    }

    private static void checkRows(int rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("rows must be >= 0 but was " + rows);
        }
    }

    private static int blocks(int rows) {
        return (rows + BLOCK_ROWS - 1) / BLOCK_ROWS;
    }

    private static int rowsInBlock(int rows, int block) {
        return Math.min(BLOCK_ROWS, rows - block * BLOCK_ROWS);
    }

    private static double[] physicalCumulative() {
        double lo = Math.pow(10, MIN_LG_E_GEV), hi = Math.pow(10, MAX_LG_E_GEV);
        double[] w = new double[PRIMARIES.length];
        double sum = 0;
        for (int k = 0; k < w.length; k++) {
            double g = PRIMARIES[k].gamma();
            // ∫ φ0 (E/1000)^-γ dE over [lo, hi], E in GeV
            w[k] = PRIMARIES[k].phi0() * Math.pow(1000.0, g) * (Math.pow(lo, 1 - g) - Math.pow(hi, 1 - g)) / (g - 1);
            sum += w[k];
        }
        double[] c = new double[w.length];
        double acc = 0;
        for (int k = 0; k < w.length; k++) {
            acc += w[k] / sum;
            c[k] = acc;
        }
        c[c.length - 1] = 1.0;
        return c;
    }

    /** Per primary (and, last, for the simulation's index): 1 - (Emax/Emin)^(1-γ). */
    private static final double[] POWER_LAW_C = new double[PRIMARIES.length + 1];

    static {
        for (int k = 0; k <= PRIMARIES.length; k++) {
            double g = k < PRIMARIES.length ? PRIMARIES[k].gamma() : SIMULATION_GAMMA;
            POWER_LAW_C[k] = 1 - Math.pow(10, (MAX_LG_E_GEV - MIN_LG_E_GEV) * (1 - g));
        }
    }

    /** Samples lg(E/GeV) from E^-γ on [MIN_LG_E_GEV, MAX_LG_E_GEV] by inversion. */
    private static double powerLawLgE(SplittableRandom rng, double gamma, double c) {
        return MIN_LG_E_GEV + Math.log10(1 - rng.nextDouble() * c) / (1 - gamma);
    }

    /** One air shower passing the selection; reused within a block (not thread-safe). */
    private static final class Shower {
        private static final double SIN2_MAX = Math.pow(Math.sin(Math.toRadians(MAX_ZENITH_DEG)), 2);
        private final double[] sizes = new double[2];
        KascadePrimary primary;
        double lgEGeV;
        long zenithScaled;
        double secTheta;
        double azimuthDeg;
        double coreX, coreY, coreR;
        long lgNeScaled, lgNmuScaled;

        /** Draws until a shower passes the selection (and, for physical spectra, the knee). */
        void drawSelected(SplittableRandom rng, boolean physical) {
            while (!tryDraw(rng, physical)) {
                // rejection sampling: selection cuts and the knee
            }
        }

        private boolean tryDraw(SplittableRandom rng, boolean physical) {
            KascadePrimary p;
            if (physical) {
                double u = rng.nextDouble();
                int k = 0;
                while (u >= PHYSICAL_CUMULATIVE[k] && k < PRIMARIES.length - 1) {
                    k++;
                }
                p = PRIMARIES[k];
                lgEGeV = powerLawLgE(rng, p.gamma(), POWER_LAW_C[k]);
            } else {
                p = PRIMARIES[rng.nextInt(PRIMARIES.length)];
                lgEGeV = powerLawLgE(rng, SIMULATION_GAMMA, POWER_LAW_C[PRIMARIES.length]);
            }
            // pdf ∝ sinθ cosθ  ⇔  sin²θ uniform on [0, sin²θmax]
            double zenithDeg = Math.toDegrees(Math.asin(Math.sqrt(rng.nextDouble() * SIN2_MAX)));
            zenithScaled = AsciiRecordBuffer.scale(zenithDeg, 3);
            secTheta = 1.0 / Math.cos(Math.toRadians(zenithScaled * 1e-3));
            double lnA = p.lnA();
            ShowerSizeModel.draw(lgEGeV - 6, lnA, secTheta - 1, rng, sizes);
            lgNeScaled = AsciiRecordBuffer.scale(sizes[0], 5);
            lgNmuScaled = AsciiRecordBuffer.scale(sizes[1], 5);
            if (lgNeScaled <= MIN_NE_SCALED || lgNmuScaled <= MIN_NMU_SCALED) {
                return false;
            }
            if (physical && rng.nextDouble() >= p.kneeFactor(Math.pow(10, lgEGeV))) {
                return false;
            }
            primary = p;
            azimuthDeg = 360.0 * rng.nextDouble();
            coreR = CORE_RADIUS_M * Math.sqrt(rng.nextDouble());
            double phi = 2 * Math.PI * rng.nextDouble();
            coreX = coreR * Math.cos(phi);
            coreY = coreR * Math.sin(phi);
            return true;
        }
    }
}
