package org.fluxion.synth;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

import org.fluxion.synth.internal.BlockStreams;
import org.fluxion.synth.internal.ColumnStore;
import org.fluxion.synth.internal.CompoundTableFile;
import org.fluxion.synth.internal.Hdf5Datatype;
import org.fluxion.synth.internal.OrderedBlocks;
import org.fluxion.synth.internal.StoppingMuonColumn;
import org.fluxion.synth.internal.StoppingMuonEvent;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.DatasetCreationOptions;
import io.jhdf.api.WritableDataset;
import io.jhdf.api.WritableGroup;

/**
 * Writes the synthetic IceCube stopping-muon samples of PHYSICS.md §6 (synthetic, not IceCube's
 * data): untriggered level-0 MC with generation metadata, level-2 MC with truth, DNN-like
 * reconstructions, filter bits and three flux-model weights, measured-like level-2 data from a
 * different "true sky" ({@link MuonFluxModel#TRUE_SKY}) with a livetime and no truth, and an
 * MCEq-style theory table. Each sample is written twice with the same events: in the Fluxion flat
 * HDF5 layout (one group per sample, one 1-D dataset per column, metadata as group attributes;
 * written with jhdf) and in the IceCube hdfwriter layout (one compound table per frame key plus
 * {@code /__I3Index__/<Key>}). The column list, units and every modelling choice are in the
 * bundle README.
 *
 * <p>Generation: leading-muon surface energy E^-2 on [{@value #ENERGY_MIN_GEV},
 * {@value #ENERGY_MAX_GEV}] GeV, cosθ uniform in [cos {@value #MAX_ZENITH_DEG}°, 1], azimuth
 * uniform, impact point uniform on a disk of radius {@value #DISK_RADIUS_M} m through the
 * detector centre perpendicular to the direction. The level-0 sample keeps every thrown event;
 * the level-2 MC is an independent generation with the same spectrum, thrown until the requested
 * number of events passed trigger and filters ({@code n_generated} = events thrown up to the last
 * kept one). Data: a Poisson process of muons from the true sky through the same disk and
 * directions for the livetime, of which those passing trigger and filters are kept.
 *
 * <p>Determinism: events are generated in blocks ({@value #BLOCK_EVENTS} thrown events, or the
 * livetime slice expected to hold as many, for data), each from its own stream derived from
 * (seed, sample, block), and consumed in block order: the same seed gives byte-identical files
 * whatever the thread count. Files are written to hidden temporary siblings and moved into place.
 * Thread-safe (no shared state).
 */
public final class StoppingMuonSamples {
    /** Lower end of the generated surface energy, GeV. */
    public static final double ENERGY_MIN_GEV = 300.0;
    /** Upper end of the generated surface energy, GeV. */
    public static final double ENERGY_MAX_GEV = 100_000.0;
    /** Spectral index γ of the generation spectrum E^-γ. */
    public static final double GENERATION_INDEX = 2.0;
    /** Largest zenith angle, degrees. */
    public static final double MAX_ZENITH_DEG = 85.0;
    /** Radius of the generation disk, m. */
    public static final double DISK_RADIUS_M = StoppingMuonEvent.DISK_RADIUS_M;
    /** Generation area π r², m² (2.011 km²). */
    public static final double GENERATION_AREA_M2 = Math.PI * DISK_RADIUS_M * DISK_RADIUS_M;
    /** Generation solid angle 2π (1 − cos 85°), sr (5.735 sr). */
    public static final double GENERATION_SOLID_ANGLE_SR = 2 * Math.PI * (1 - Math.cos(Math.toRadians(MAX_ZENITH_DEG)));
    /** Radius of the detector cylinder in which muons count as stopping, m. */
    public static final double CYLINDER_RADIUS_M = StoppingMuonEvent.CYLINDER_RADIUS_M;
    /** Half height of the detector cylinder (|z| &lt;= this), m. */
    public static final double CYLINDER_HALF_HEIGHT_M = StoppingMuonEvent.CYLINDER_HALF_HEIGHT_M;
    /** Thrown events per block. */
    public static final int BLOCK_EVENTS = 65_536;
    /** Prompt muon flux of the theory table: {@value} · E^-2.7 cm⁻² s⁻¹ sr⁻¹ GeV⁻¹ (E in GeV), isotropic. */
    public static final double PROMPT_NORMALISATION = 2.0e-5;

    /** Group name of the level-0 MC in the flat layout. */
    public static final String MC_L0 = "mc_l0";
    /** Group name of the level-2 MC in the flat layout. */
    public static final String MC = "mc";
    /** Group name of the measured-like data in the flat layout. */
    public static final String DATA = "data";
    /** File name of the theory table. */
    public static final String THEORY_FILE = "stopping_muons_mceq.csv";

    private static final long TAG_L0 = 11, TAG_MC = 12, TAG_DATA = 13;
    private static final double COS_MIN = Math.cos(Math.toRadians(MAX_ZENITH_DEG));
    private static final double CM2_PER_M2 = 1e4;
    /** ∫E^-γ dE over the generation range, GeV^(1-γ). */
    private static final double GENERATION_INTEGRAL = (Math.pow(ENERGY_MIN_GEV, 1 - GENERATION_INDEX)
            - Math.pow(ENERGY_MAX_GEV, 1 - GENERATION_INDEX)) / (GENERATION_INDEX - 1);
    private static final long MAX_MC_BLOCKS = 1L << 20;

    /** Sample sizes. */
    public enum Size {
        /** 5,000,000 level-0 events, 1,000,000 level-2 MC events, data for {@value #DEFAULT_LIVETIME_S} s (about 3e5 events). */
        DEFAULT(5_000_000, 1_000_000, Size.DEFAULT_LIVETIME_S),
        /** About 1/100 of {@link #DEFAULT}, for tests. */
        SMALL(50_000, 10_000, Size.DEFAULT_LIVETIME_S / 100);

        private static final double DEFAULT_LIVETIME_S = 65.0;
        private final int l0Events;
        private final int mcEvents;
        private final double livetimeS;

        Size(int l0Events, int mcEvents, double livetimeS) {
            this.l0Events = l0Events;
            this.mcEvents = mcEvents;
            this.livetimeS = livetimeS;
        }

        /** @return events of the level-0 MC (all thrown events) */
        public int l0Events() {
            return l0Events;
        }

        /** @return events of the level-2 MC */
        public int mcEvents() {
            return mcEvents;
        }

        /** @return livetime of the measured-like data, s */
        public double livetimeS() {
            return livetimeS;
        }
    }

    /**
     * The written files.
     *
     * @param mcL0          flat layout, group {@value StoppingMuonSamples#MC_L0}
     * @param mc            flat layout, group {@value StoppingMuonSamples#MC}
     * @param data          flat layout, group {@value StoppingMuonSamples#DATA}
     * @param mcL0Hdfwriter hdfwriter layout of the level-0 MC (the three hdfwriter paths are null when
     *                      only the flat layout was written)
     * @param mcHdfwriter   hdfwriter layout of the level-2 MC
     * @param dataHdfwriter hdfwriter layout of the data
     * @param theoryTable   the MCEq-style CSV
     * @param mcGenerated   events thrown for the level-2 MC ({@code n_generated})
     * @param dataEvents    events in the data sample
     */
    public record Files(Path mcL0, Path mc, Path data, Path mcL0Hdfwriter, Path mcHdfwriter, Path dataHdfwriter,
            Path theoryTable, long mcGenerated, int dataEvents) {
        public Files {
            Objects.requireNonNull(mcL0, "mcL0");
            Objects.requireNonNull(mc, "mc");
            Objects.requireNonNull(data, "data");
            if ((mcL0Hdfwriter == null) != (mcHdfwriter == null) || (mcHdfwriter == null) != (dataHdfwriter == null)) {
                throw new IllegalArgumentException("the hdfwriter files are written for all samples or for none");
            }
            Objects.requireNonNull(theoryTable, "theoryTable");
        }
    }

    private StoppingMuonSamples() {
    }

    /** @return the flat-layout file name of a sample ({@code stopping_muons_<sample>.h5}) */
    public static String flatFileName(String sample) {
        return "stopping_muons_" + sample + ".h5";
    }

    /** @return the hdfwriter-layout file name of a sample ({@code stopping_muons_<sample>_hdfwriter.h5}) */
    public static String hdfwriterFileName(String sample) {
        return "stopping_muons_" + sample + "_hdfwriter.h5";
    }

    /** Writes all samples into {@code dir} using all available processors. */
    public static Files write(Path dir, long seed, Size size) throws IOException {
        return write(dir, seed, size, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Writes the three samples in both layouts and the theory table into {@code dir} (created if
     * missing; files of the same names are replaced).
     *
     * @param seed    any 64-bit seed
     * @param size    sample sizes, not null
     * @param threads worker threads, &gt;= 1; the bytes do not depend on it
     */
    public static Files write(Path dir, long seed, Size size, int threads) throws IOException {
        return write(dir, seed, size, threads, true);
    }

    /**
     * Writes the three samples in the flat layout, and in the hdfwriter layout too if {@code hdfwriter},
     * plus the theory table (the flat files are the same bytes either way).
     */
    public static Files write(Path dir, long seed, Size size, int threads, boolean hdfwriter) throws IOException {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(size, "size");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1 but was " + threads);
        }
        String generator = "fluxion-synth stopping-muons seed=" + seed + " size=" + size.name().toLowerCase(Locale.ROOT);

        ColumnStore l0 = generateL0(seed, size.l0Events(), threads);
        addWeights(l0, size.l0Events());
        Map<String, Object> l0Meta = mcMetadata("L0", size.l0Events(), generator);
        Path l0Flat = dir.resolve(flatFileName(MC_L0)), l0Hdf = dir.resolve(hdfwriterFileName(MC_L0));
        writeFlat(l0Flat, MC_L0, l0, l0Meta);
        if (hdfwriter) {
            writeHdfwriter(l0Hdf, l0, l0Meta, size.l0Events());
        }
        l0 = null;

        long[] generated = new long[1];
        ColumnStore mc = generateMc(seed, size.mcEvents(), threads, generated);
        addWeights(mc, generated[0]);
        Map<String, Object> mcMeta = mcMetadata("L2", generated[0], generator);
        Path mcFlat = dir.resolve(flatFileName(MC)), mcHdf = dir.resolve(hdfwriterFileName(MC));
        writeFlat(mcFlat, MC, mc, mcMeta);
        if (hdfwriter) {
            writeHdfwriter(mcHdf, mc, mcMeta, generated[0]);
        }
        mc = null;

        ColumnStore data = generateData(seed, size.livetimeS(), threads);
        Map<String, Object> dataMeta = new LinkedHashMap<>();
        dataMeta.put("data_level", "L2");
        dataMeta.put("data_type", "data");
        dataMeta.put("livetime_s", size.livetimeS());
        dataMeta.put("generator", generator);
        Path dataFlat = dir.resolve(flatFileName(DATA)), dataHdf = dir.resolve(hdfwriterFileName(DATA));
        writeFlat(dataFlat, DATA, data, dataMeta);
        if (hdfwriter) {
            writeHdfwriter(dataHdf, data, dataMeta, -1);
        }

        Path theory = dir.resolve(THEORY_FILE);
        writeTheoryTable(theory);
        return hdfwriter ? new Files(l0Flat, mcFlat, dataFlat, l0Hdf, mcHdf, dataHdf, theory, generated[0], data.size())
                : new Files(l0Flat, mcFlat, dataFlat, null, null, null, theory, generated[0], data.size());
    }

    // ---------------------------------------------------------------- physics of the generation

    /**
     * The rate of muons of a flux model through the generation volume,
     * A_gen ∫∫ Φ(E, θ) dE dΩ over [{@value #ENERGY_MIN_GEV}, {@value #ENERGY_MAX_GEV}] GeV and
     * cosθ in [cos {@value #MAX_ZENITH_DEG}°, 1] (numerical: Simpson in ln E and cosθ, relative
     * accuracy better than 1e-6).
     *
     * @return Hz
     */
    public static double generationVolumeRateHz(MuonFluxModel model) {
        int nE = 2000, nC = 200;
        double lnLo = Math.log(ENERGY_MIN_GEV), lnHi = Math.log(ENERGY_MAX_GEV);
        double he = (lnHi - lnLo) / nE, hc = (1 - COS_MIN) / nC;
        double sum = 0;
        for (int j = 0; j <= nC; j++) {
            double c = COS_MIN + j * hc;
            double wc = j == 0 || j == nC ? 1 : (j % 2 == 1 ? 4 : 2);
            double inner = 0;
            for (int i = 0; i <= nE; i++) {
                double e = Math.exp(lnLo + i * he);
                double we = i == 0 || i == nE ? 1 : (i % 2 == 1 ? 4 : 2);
                inner += we * model.flux(e, c) * e;
            }
            sum += wc * inner * he / 3;
        }
        double integral = sum * hc / 3 * 2 * Math.PI; // per cm² s
        return integral * GENERATION_AREA_M2 * CM2_PER_M2;
    }

    /**
     * The OneWeight-style generation weight A_gen Ω_gen ∫E^-γ dE / (N_gen E^-γ) of an event.
     *
     * @param energyGeV   generated surface energy, GeV
     * @param nGenerated  events thrown in the sample
     * @return GeV cm² sr (times a flux in cm⁻² s⁻¹ sr⁻¹ GeV⁻¹ gives Hz)
     */
    public static double oneWeight(double energyGeV, long nGenerated) {
        return GENERATION_AREA_M2 * CM2_PER_M2 * GENERATION_SOLID_ANGLE_SR * GENERATION_INTEGRAL
                * Math.pow(energyGeV, GENERATION_INDEX) / nGenerated;
    }

    private static double generationEnergy(SplittableRandom rng) {
        // inversion of E^-2 on [min, max]
        double u = rng.nextDouble();
        return 1.0 / (1.0 / ENERGY_MIN_GEV - u * (1.0 / ENERGY_MIN_GEV - 1.0 / ENERGY_MAX_GEV));
    }

    private static double generationCosZenith(SplittableRandom rng) {
        return COS_MIN + (1 - COS_MIN) * rng.nextDouble();
    }

    private static ColumnStore generateL0(long seed, int events, int threads) throws IOException {
        ColumnStore all = new ColumnStore(StoppingMuonColumn.L0, events);
        long blocks = (events + (long) BLOCK_EVENTS - 1) / BLOCK_EVENTS;
        OrderedBlocks.run(threads, blocks, b -> {
            int n = (int) Math.min(BLOCK_EVENTS, events - (long) b * BLOCK_EVENTS);
            SplittableRandom rng = BlockStreams.stream(seed, TAG_L0, b);
            ColumnStore s = new ColumnStore(StoppingMuonColumn.L0, n);
            StoppingMuonEvent ev = new StoppingMuonEvent();
            for (int i = 0; i < n; i++) {
                ev.simulate(rng, generationEnergy(rng), generationCosZenith(rng));
                putIds(s, i, 1 + b, i);
                putTruth(s, i, ev);
            }
            s.size(n);
            return s;
        }, s -> {
            all.append(s, s.size());
            return true;
        });
        return all;
    }

    private static ColumnStore generateMc(long seed, int target, int threads, long[] generated) throws IOException {
        ColumnStore all = new ColumnStore(StoppingMuonColumn.L2_MC, target);
        if (target == 0) {
            return all;
        }
        long[] blocksDone = new long[1];
        OrderedBlocks.run(threads, MAX_MC_BLOCKS, b -> {
            SplittableRandom rng = BlockStreams.stream(seed, TAG_MC, b);
            ColumnStore s = new ColumnStore(StoppingMuonColumn.L2_MC, BLOCK_EVENTS / 2);
            StoppingMuonEvent ev = new StoppingMuonEvent();
            int k = 0;
            for (int i = 0; i < BLOCK_EVENTS; i++) {
                ev.simulate(rng, generationEnergy(rng), generationCosZenith(rng));
                if (ev.detect(rng)) {
                    ev.reconstruct(rng);
                    s = ensure(s, k);
                    putIds(s, k, 1 + b, i);
                    putTruth(s, k, ev);
                    putReco(s, k, ev);
                    k++;
                }
            }
            s.size(k);
            return s;
        }, s -> {
            int take = Math.min(s.size(), target - all.size());
            all.append(s, take);
            if (all.size() == target) {
                // thrown up to and including the last kept event
                generated[0] = blocksDone[0] * BLOCK_EVENTS + s.i64(StoppingMuonColumn.EVENT_ID)[take - 1] + 1;
                return false;
            }
            blocksDone[0]++;
            return true;
        });
        if (all.size() != target) {
            throw new IllegalStateException("level-2 MC: only " + all.size() + " of " + target + " events after "
                    + MAX_MC_BLOCKS + " blocks");
        }
        return all;
    }

    private static ColumnStore generateData(long seed, double livetimeS, int threads) throws IOException {
        MuonFluxModel sky = MuonFluxModel.TRUE_SKY;
        double rate = generationVolumeRateHz(sky);
        double slice = BLOCK_EVENTS / rate;
        long blocks = (long) Math.ceil(livetimeS / slice);
        // rejection bound for Φ(E, c) E^2.7 on the generation box
        double bound = sky.normalisation() * 0.14 * 1.054 * Math.max(Math.pow(ENERGY_MIN_GEV / 1000, sky.indexShift()),
                Math.pow(ENERGY_MAX_GEV / 1000, sky.indexShift()));
        double c27 = 1 - Math.pow(ENERGY_MAX_GEV / ENERGY_MIN_GEV, -1.7);
        ColumnStore all = new ColumnStore(StoppingMuonColumn.DATA, (int) Math.min(1 << 20, Math.max(16, blocks * 4096)));
        OrderedBlocks.run(threads, blocks, b -> {
            SplittableRandom rng = BlockStreams.stream(seed, TAG_DATA, b);
            double t = b * slice, end = Math.min(livetimeS, (b + 1) * slice);
            ColumnStore s = new ColumnStore(StoppingMuonColumn.DATA, 4096);
            StoppingMuonEvent ev = new StoppingMuonEvent();
            int k = 0;
            for (int i = 0;; i++) {
                t -= Math.log(1 - rng.nextDouble()) / rate;
                if (t >= end) {
                    break;
                }
                double e, c;
                do {
                    e = ENERGY_MIN_GEV * Math.pow(1 - rng.nextDouble() * c27, -1 / 1.7); // E^-2.7
                    c = generationCosZenith(rng);
                } while (rng.nextDouble() * bound > sky.flux(e, c) * Math.pow(e, 2.7));
                ev.simulate(rng, e, c);
                if (ev.detect(rng)) {
                    ev.reconstruct(rng);
                    s = ensure(s, k);
                    putIds(s, k, 130_000 + b, i);
                    putReco(s, k, ev);
                    k++;
                }
            }
            s.size(k);
            return s;
        }, s -> {
            all.append(s, s.size());
            return true;
        });
        return all;
    }

    private static ColumnStore ensure(ColumnStore s, int row) {
        if (row < s.capacity()) {
            return s;
        }
        s.size(row);
        ColumnStore bigger = new ColumnStore(sampleBit(s), 2 * s.capacity());
        bigger.append(s, row);
        return bigger;
    }

    private static int sampleBit(ColumnStore s) {
        if (!s.has(StoppingMuonColumn.RECO_ZENITH)) {
            return StoppingMuonColumn.L0;
        }
        return s.has(StoppingMuonColumn.TRUE_ZENITH) ? StoppingMuonColumn.L2_MC : StoppingMuonColumn.DATA;
    }

    private static void putIds(ColumnStore s, int row, long run, long event) {
        s.i64(StoppingMuonColumn.RUN_ID)[row] = run;
        s.i64(StoppingMuonColumn.EVENT_ID)[row] = event;
    }

    private static void putTruth(ColumnStore s, int row, StoppingMuonEvent ev) {
        s.f64(StoppingMuonColumn.TRUE_SURFACE_ENERGY)[row] = ev.energy;
        s.f64(StoppingMuonColumn.TRUE_ZENITH)[row] = ev.zenith;
        s.f64(StoppingMuonColumn.TRUE_AZIMUTH)[row] = ev.azimuth;
        s.f64(StoppingMuonColumn.TRUE_PROPAGATION_LENGTH)[row] = ev.propagationLength;
        s.f64(StoppingMuonColumn.TRUE_STOP_X)[row] = ev.stopX;
        s.f64(StoppingMuonColumn.TRUE_STOP_Y)[row] = ev.stopY;
        s.f64(StoppingMuonColumn.TRUE_STOP_Z)[row] = ev.stopZ;
        s.i32(StoppingMuonColumn.TRUE_CLASS)[row] = ev.trueClass;
        s.i32(StoppingMuonColumn.N_MUONS)[row] = ev.nMuons;
        s.i32(StoppingMuonColumn.N_STOPPING)[row] = ev.nStopping;
    }

    private static void putReco(ColumnStore s, int row, StoppingMuonEvent ev) {
        s.f64(StoppingMuonColumn.RECO_ZENITH)[row] = ev.recoZenith;
        s.f64(StoppingMuonColumn.RECO_STOP_X)[row] = ev.recoStopX;
        s.f64(StoppingMuonColumn.RECO_STOP_Y)[row] = ev.recoStopY;
        s.f64(StoppingMuonColumn.RECO_STOP_Z)[row] = ev.recoStopZ;
        s.f64(StoppingMuonColumn.RECO_PROPAGATION_LENGTH)[row] = ev.recoPropagationLength;
        s.f64(StoppingMuonColumn.RECO_LOG10_ENERGY)[row] = ev.recoLog10Energy;
        s.f64(StoppingMuonColumn.STOPPING_SCORE)[row] = ev.stoppingScore;
        s.i32(StoppingMuonColumn.MULTIPLICITY)[row] = ev.multiplicity;
        s.u8(StoppingMuonColumn.FILTER_FSS)[row] = (byte) (ev.filterFss ? 1 : 0);
        s.u8(StoppingMuonColumn.FILTER_MUON)[row] = (byte) (ev.filterMuon ? 1 : 0);
    }

    private static void addWeights(ColumnStore s, long nGenerated) {
        double[] e = s.f64(StoppingMuonColumn.TRUE_SURFACE_ENERGY), zen = s.f64(StoppingMuonColumn.TRUE_ZENITH);
        double[] ow = s.f64(StoppingMuonColumn.ONE_WEIGHT), h3 = s.f64(StoppingMuonColumn.GAISSER_H3A_WEIGHT),
                h4 = s.f64(StoppingMuonColumn.GAISSER_H4A_WEIGHT), gst = s.f64(StoppingMuonColumn.GLOBAL_FIT_GST_WEIGHT);
        for (int i = 0; i < s.size(); i++) {
            double w = oneWeight(e[i], nGenerated), c = Math.cos(zen[i]);
            ow[i] = w;
            h3[i] = MuonFluxModel.GAISSER_H3A.flux(e[i], c) * w;
            h4[i] = MuonFluxModel.GAISSER_H4A.flux(e[i], c) * w;
            gst[i] = MuonFluxModel.GLOBAL_FIT_GST.flux(e[i], c) * w;
        }
    }

    private static Map<String, Object> mcMetadata(String level, long nGenerated, String generator) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("data_level", level);
        m.put("data_type", "MC");
        m.put("n_generated", nGenerated);
        m.put("generation_area_m2", GENERATION_AREA_M2);
        m.put("generation_solid_angle_sr", GENERATION_SOLID_ANGLE_SR);
        m.put("energy_min_gev", ENERGY_MIN_GEV);
        m.put("energy_max_gev", ENERGY_MAX_GEV);
        m.put("spectral_index", GENERATION_INDEX);
        m.put("zenith_max_deg", MAX_ZENITH_DEG);
        m.put("generation_disk_radius_m", DISK_RADIUS_M);
        m.put("generator", generator);
        return m;
    }

    // ---------------------------------------------------------------- writers

    private static Path temporarySibling(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        java.nio.file.Files.createDirectories(dir);
        return dir.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + "."
                + Long.toHexString(System.nanoTime()) + ".partial");
    }

    private static void moveIntoPlace(Path tmp, Path target) throws IOException {
        try {
            java.nio.file.Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            java.nio.file.Files.deleteIfExists(tmp);
            throw e;
        }
    }

    private static void writeFlat(Path target, String sample, ColumnStore s, Map<String, Object> meta)
            throws IOException {
        Path tmp = temporarySibling(target);
        boolean done = false;
        try {
            try (WritableHdfFile f = HdfFile.write(tmp)) {
                WritableGroup g = f.putGroup(sample);
                for (Map.Entry<String, Object> a : meta.entrySet()) {
                    g.putAttribute(a.getKey(), a.getValue());
                }
                for (StoppingMuonColumn c : s.columns()) {
                    Object values = s.trimmed(c);
                    WritableDataset d = c.storage() == StoppingMuonColumn.Storage.UINT8
                            ? g.putDataset(c.flatName(), values, DatasetCreationOptions.builder().unsigned().build())
                            : g.putDataset(c.flatName(), values);
                    if (!c.unit().isEmpty()) {
                        d.putAttribute("unit", c.unit());
                    }
                }
            }
            done = true;
        } catch (RuntimeException e) {
            throw new IOException("writing " + target + " with jhdf failed: " + e.getMessage(), e);
        } finally {
            if (!done) {
                java.nio.file.Files.deleteIfExists(tmp);
            }
        }
        moveIntoPlace(tmp, target);
    }

    /**
     * The hdfwriter layout: per frame key a compound table with the index fields Run, Event,
     * SubEvent (uint32), SubEventStream (int32), exists (uint8) and the key's fields, and an index
     * table {@code /__I3Index__/<Key>} (index fields, start, stop as uint64).
     */
    private static void writeHdfwriter(Path target, ColumnStore s, Map<String, Object> meta, long nGenerated)
            throws IOException {
        int rows = s.size();
        long[] run = s.i64(StoppingMuonColumn.RUN_ID), event = s.i64(StoppingMuonColumn.EVENT_ID);
        Map<String, List<CompoundTableFile.Field>> keys = new LinkedHashMap<>();
        keys.put("I3EventHeader", new ArrayList<>());
        for (StoppingMuonColumn c : s.columns()) {
            if (c == StoppingMuonColumn.RUN_ID || c == StoppingMuonColumn.EVENT_ID) {
                continue;
            }
            List<CompoundTableFile.Field> fields = keys.computeIfAbsent(c.hdfKey(), k -> new ArrayList<>());
            fields.add(field(s, c));
            if (c == StoppingMuonColumn.ONE_WEIGHT) {
                double n = nGenerated;
                fields.add(new CompoundTableFile.Field("NEvents", Hdf5Datatype.FLOAT64, "",
                        "events generated in the sample", (b, r) -> b.putDouble(n)));
            }
        }
        List<CompoundTableFile.Node> tables = new ArrayList<>();
        List<CompoundTableFile.Node> indexes = new ArrayList<>();
        for (Map.Entry<String, List<CompoundTableFile.Field>> k : keys.entrySet()) {
            List<CompoundTableFile.Field> fields = indexFields(run, event);
            fields.addAll(k.getValue());
            tables.add(new CompoundTableFile.Table(k.getKey(), tableAttributes(fields), fields, rows));
            List<CompoundTableFile.Field> idx = indexFields(run, event);
            idx.add(new CompoundTableFile.Field("start", Hdf5Datatype.UINT64, "",
                    "Offset at which the rows for this event start", (b, r) -> b.putLong(r)));
            idx.add(new CompoundTableFile.Field("stop", Hdf5Datatype.UINT64, "",
                    "Offset at which the rows for the next event start", (b, r) -> b.putLong(r + 1L)));
            indexes.add(new CompoundTableFile.Table(k.getKey(), tableAttributes(idx), idx, rows));
        }
        tables.add(new CompoundTableFile.Group("__I3Index__", Map.of(), indexes));
        CompoundTableFile.write(target, new CompoundTableFile.Group("", meta, tables));
    }

    private static List<CompoundTableFile.Field> indexFields(long[] run, long[] event) {
        List<CompoundTableFile.Field> f = new ArrayList<>();
        f.add(new CompoundTableFile.Field("Run", Hdf5Datatype.UINT32, "", "run number", (b, r) -> b.putInt((int) run[r])));
        f.add(new CompoundTableFile.Field("Event", Hdf5Datatype.UINT32, "", "event number",
                (b, r) -> b.putInt((int) event[r])));
        f.add(new CompoundTableFile.Field("SubEvent", Hdf5Datatype.UINT32, "", "sub-event number", (b, r) -> b.putInt(0)));
        f.add(new CompoundTableFile.Field("SubEventStream", Hdf5Datatype.INT32, "", "sub-event stream",
                (b, r) -> b.putInt(0)));
        f.add(new CompoundTableFile.Field("exists", Hdf5Datatype.UINT8, "", "object was found in the frame",
                (b, r) -> b.put((byte) 1)));
        return f;
    }

    private static Map<String, Object> tableAttributes(List<CompoundTableFile.Field> fields) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("CLASS", "TABLE");
        a.put("VERSION", "2.6");
        a.put("TITLE", "");
        for (int i = 0; i < fields.size(); i++) {
            a.put("FIELD_" + i + "_NAME", fields.get(i).name());
            a.put("FIELD_" + i + "_UNIT", fields.get(i).unit());
            a.put("FIELD_" + i + "_DOC", fields.get(i).doc());
        }
        return a;
    }

    private static CompoundTableFile.Field field(ColumnStore s, StoppingMuonColumn c) {
        String unit = c.unit(), doc = c.description();
        return switch (c.storage()) {
            case FLOAT64 -> {
                double[] v = s.f64(c);
                yield new CompoundTableFile.Field(c.hdfField(), Hdf5Datatype.FLOAT64, unit, doc, (b, r) -> b.putDouble(v[r]));
            }
            case INT64 -> {
                long[] v = s.i64(c);
                yield new CompoundTableFile.Field(c.hdfField(), Hdf5Datatype.INT64, unit, doc, (b, r) -> b.putLong(v[r]));
            }
            case INT32 -> {
                int[] v = s.i32(c);
                yield new CompoundTableFile.Field(c.hdfField(), Hdf5Datatype.INT32, unit, doc, (b, r) -> b.putInt(v[r]));
            }
            case UINT8 -> {
                byte[] v = s.u8(c);
                if (c.hdfKey().equals("FilterMask")) {
                    // [condition passed, prescale passed]; prescale 1, so both equal the decision
                    yield new CompoundTableFile.Field(c.hdfField(), Hdf5Datatype.array(Hdf5Datatype.UINT8, 2), unit,
                            doc + " [condition passed, prescale passed]", (b, r) -> b.put(v[r]).put(v[r]));
                }
                yield new CompoundTableFile.Field(c.hdfField(), Hdf5Datatype.UINT8, unit, doc, (b, r) -> b.put(v[r]));
            }
        };
    }

    // ---------------------------------------------------------------- theory table

    /** Energies of the theory table: 10^(1 + 0.05 k) GeV, k = 0..120 (10 GeV .. 10 PeV). */
    public static double[] theoryEnergyGridGeV() {
        double[] e = new double[121];
        for (int k = 0; k < e.length; k++) {
            e[k] = Math.pow(10, 1 + 0.05 * k);
        }
        return e;
    }

    /** Zenith angles of the theory table: 0, 5, …, 85 degrees. */
    public static double[] theoryZenithGridDeg() {
        double[] z = new double[18];
        for (int k = 0; k < z.length; k++) {
            z[k] = 5.0 * k;
        }
        return z;
    }

    /**
     * Writes the MCEq-style theory table: CSV with header
     * {@code e_grid [GeV],zenith [deg],conventional [cm-2 s-1 sr-1 GeV-1],prompt [cm-2 s-1 sr-1 GeV-1],total [cm-2 s-1 sr-1 GeV-1]},
     * one row per (zenith, energy) of {@link #theoryZenithGridDeg()} × {@link #theoryEnergyGridGeV()}
     * (zenith-major). Conventional = the Gaisser formula ({@link MuonFluxModel#GAISSER_H3A});
     * prompt = {@value #PROMPT_NORMALISATION} E^-2.7, isotropic (synthetic); total = their sum.
     * Values with 10 significant digits.
     */
    public static void writeTheoryTable(Path target) throws IOException {
        Path tmp = temporarySibling(target);
        boolean done = false;
        try (BufferedWriter w = java.nio.file.Files.newBufferedWriter(tmp, StandardCharsets.US_ASCII)) {
            w.write("e_grid [GeV],zenith [deg],conventional [cm-2 s-1 sr-1 GeV-1],prompt [cm-2 s-1 sr-1 GeV-1],"
                    + "total [cm-2 s-1 sr-1 GeV-1]\n");
            for (double z : theoryZenithGridDeg()) {
                double c = Math.cos(Math.toRadians(z));
                for (double e : theoryEnergyGridGeV()) {
                    double conv = MuonFluxModel.GAISSER_H3A.flux(e, c);
                    double prompt = PROMPT_NORMALISATION * Math.pow(e, -2.7);
                    w.write(String.format(Locale.ROOT, "%.9e,%.1f,%.9e,%.9e,%.9e\n", e, z, conv, prompt, conv + prompt));
                }
            }
            done = true;
        } finally {
            if (!done) {
                java.nio.file.Files.deleteIfExists(tmp);
            }
        }
        moveIntoPlace(tmp, target);
    }
}
