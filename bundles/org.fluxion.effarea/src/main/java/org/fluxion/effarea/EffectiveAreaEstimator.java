package org.fluxion.effarea;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.fluxion.api.data.Column;
import org.fluxion.api.data.EventTable;
import org.fluxion.api.hist.Binning;
import org.fluxion.api.hist.EffectiveArea;
import org.fluxion.api.workflow.ProgressMonitor;

/**
 * Effective area per true bin from untriggered (L0) and selected level-2 simulation (shared flux
 * convention): A_eff,i = A_gen · S_i / T_i with S_i = Σ w over the selected events with the true
 * quantity in bin i (any zenith angle: those outside the band are in the data too) and T_i = Σ w
 * over the L0 events in bin i with true zenith in band i; A_gen = the L0 attribute
 * {@value #GENERATION_AREA}, w the flux-model weight (Hz per event; both samples carry the same
 * model, each normalised to its own number of generated events, so the two samples may be
 * independent productions).
 *
 * <p>Statistical error: with {@code bootstrapIterations} B &gt; 0, both samples are resampled with
 * replacement (each replica r from its own {@code SplittableRandom(mix(seed, r))}: the same seed
 * gives bit-identical results for any thread count) and σ_i is the standard deviation of the B
 * replica values, the band their 15.87 / 84.13 % quantiles. With B = 0: the delta-method variance
 * of that same resampling, for two independent samples (the synthetic {@code mc} is generated
 * independently of {@code mc_l0}): each per-bin sum X = Σ_bin w over a sample of N rows drawn with
 * replacement has var X = Σ_bin w² − X²/N (for unit weights the binomial k(1 − k/N)), so
 * σ_i = A_i sqrt(var S_i / S_i² + var T_i / T_i²).
 *
 * <p>Bins whose L0 sum is 0 get A = 0 with zero error (reported by
 * {@link EffectiveAreaResult#l0Events()} = 0). Stateless and thread-safe.
 */
public final class EffectiveAreaEstimator {
    /** L0 table attribute holding the generation area, m². */
    public static final String GENERATION_AREA = "generation_area_m2";
    /** Lower band quantile Φ(−1). */
    public static final double Q_LOW = 0.15865525393145707;
    /** Upper band quantile Φ(+1). */
    public static final double Q_HIGH = 0.8413447460685429;

    private EffectiveAreaEstimator() {
    }

    /**
     * @param l0                  untriggered simulation: the spec's true, zenith and weight columns and
     *                            attribute {@value #GENERATION_AREA}; not null
     * @param selectedMc          selected level-2 simulation: true and weight columns; not null
     * @param spec                what to compute; not null
     * @param bootstrapIterations replicas, &gt;= 0 (0: analytic errors)
     * @param seed                64-bit seed of the replica streams
     * @param threads             worker threads, &gt;= 1
     * @return A_eff in m² with statistical errors and the zenith band per bin
     * @throws IllegalArgumentException naming the sample, column, attribute, bin or row at fault
     */
    public static EffectiveArea estimate(EventTable l0, EventTable selectedMc, EffectiveAreaSpec spec,
            int bootstrapIterations, long seed, int threads) {
        return estimateDetailed(l0, selectedMc, spec, bootstrapIterations, seed, threads, ProgressMonitor.NONE)
                .effectiveArea();
    }

    /**
     * Like {@link #estimate} with the rates, counts and bootstrap quantiles per bin.
     *
     * @param monitor progress (one unit per replica) and cancellation; not null
     * @throws org.fluxion.api.workflow.CancelledException if cancelled
     */
    public static EffectiveAreaResult estimateDetailed(EventTable l0, EventTable selectedMc, EffectiveAreaSpec spec,
            int bootstrapIterations, long seed, int threads, ProgressMonitor monitor) {
        Objects.requireNonNull(l0, "l0");
        Objects.requireNonNull(selectedMc, "selectedMc");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(monitor, "monitor");
        if (bootstrapIterations < 0) {
            throw new IllegalArgumentException("bootstrap iterations must be >= 0 but was " + bootstrapIterations);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1 but was " + threads);
        }
        double aGen = l0.numberAttribute(GENERATION_AREA, Double.NaN);
        if (!(aGen > 0) || !Double.isFinite(aGen)) {
            throw new IllegalArgumentException("L0 sample '" + l0.name() + "' needs a finite attribute '"
                    + GENERATION_AREA + "' > 0 (the generation area, m²) but it was " + l0.attributes().get(GENERATION_AREA));
        }
        Binning binning = spec.binning();
        int n = binning.bins();
        ZenithBand[] bands = spec.bandPerBin();
        Binned t = binL0(l0, spec, bands);
        Binned s = binSelected(selectedMc, spec);

        double[] area = new double[n], stat = new double[n], low = new double[n], high = new double[n];
        for (int i = 0; i < n; i++) {
            if (t.sumW[i] > 0) {
                area[i] = aGen * s.sumW[i] / t.sumW[i];
            }
        }
        monitor.begin("effective area (" + spec.quantity() + ", weight " + spec.weightColumn() + "): "
                + bootstrapIterations + " bootstrap replicas", bootstrapIterations);
        if (bootstrapIterations == 0) {
            for (int i = 0; i < n; i++) {
                if (t.sumW[i] > 0 && s.sumW[i] > 0) {
                    double varS = Math.max(0, s.sumW2[i] - s.sumW[i] * s.sumW[i] / s.rows);
                    double varT = Math.max(0, t.sumW2[i] - t.sumW[i] * t.sumW[i] / t.rows);
                    stat[i] = area[i] * Math.sqrt(varS / (s.sumW[i] * s.sumW[i]) + varT / (t.sumW[i] * t.sumW[i]));
                }
                low[i] = Math.max(0, area[i] - stat[i]);
                high[i] = area[i] + stat[i];
            }
        } else {
            double[][] replicas = bootstrap(t, s, aGen, n, bootstrapIterations, seed, threads, monitor);
            double[] column = new double[bootstrapIterations];
            for (int i = 0; i < n; i++) {
                int m = 0;
                for (double[] r : replicas) {
                    if (!Double.isNaN(r[i])) {
                        column[m++] = r[i];
                    }
                }
                if (t.sumW[i] > 0 && m > 1) {
                    double[] v = Arrays.copyOf(column, m);
                    stat[i] = standardDeviation(v);
                    Arrays.sort(v);
                    low[i] = quantile(v, Q_LOW);
                    high[i] = quantile(v, Q_HIGH);
                } else {
                    low[i] = area[i];
                    high[i] = area[i];
                }
            }
        }
        double[] cosLow = new double[n], cosHigh = new double[n];
        for (int i = 0; i < n; i++) {
            cosLow[i] = bands[i].cosZenithLow();
            cosHigh[i] = bands[i].cosZenithHigh();
        }
        EffectiveArea a = EffectiveArea.of(spec.quantity(), spec.unit(), binning, area, stat, null, cosLow, cosHigh);
        return new EffectiveAreaResult(a, aGen, bootstrapIterations, s.sumW, t.sumW, s.count, t.count, low, high);
    }

    /**
     * Events of one sample that fall in a bin, packed: bin and weight per relevant event, plus the
     * sample's row count (the number of draws per bootstrap replica) and the per-bin sums.
     */
    private record Binned(int rows, int[] bin, double[] w, double[] sumW, double[] sumW2, long[] count) {
    }

    private static Binned binL0(EventTable l0, EffectiveAreaSpec spec, ZenithBand[] bands) {
        Column x = column(l0, spec.trueColumn(), "true");
        Column zenith = column(l0, spec.zenithColumn(), "zenith");
        Column w = column(l0, spec.weightColumn(), "weight");
        Binning b = spec.binning();
        int rows = l0.rowCount();
        int[] bin = new int[rows];
        double[] weight = new double[rows];
        int k = 0;
        for (int r = 0; r < rows; r++) {
            int i = b.findBin(x.getDouble(r));
            if (i < 0 || i >= b.bins()) {
                continue;
            }
            double theta = zenith.getDouble(r);
            if (!Double.isFinite(theta)) {
                throw new IllegalArgumentException("sample '" + l0.name() + "', column '" + spec.zenithColumn() + "', row "
                        + r + ": zenith must be finite (rad) but was " + theta);
            }
            if (bands[i].contains(Math.cos(theta))) {
                bin[k] = i;
                weight[k++] = weight(l0, spec, w, r);
            }
        }
        return sums(rows, Arrays.copyOf(bin, k), Arrays.copyOf(weight, k), b.bins());
    }

    private static Binned binSelected(EventTable mc, EffectiveAreaSpec spec) {
        Column x = column(mc, spec.trueColumn(), "true");
        Column w = column(mc, spec.weightColumn(), "weight");
        Binning b = spec.binning();
        int rows = mc.rowCount();
        int[] bin = new int[rows];
        double[] weight = new double[rows];
        int k = 0;
        for (int r = 0; r < rows; r++) {
            int i = b.findBin(x.getDouble(r));
            if (i >= 0 && i < b.bins()) {
                bin[k] = i;
                weight[k++] = weight(mc, spec, w, r);
            }
        }
        return sums(rows, Arrays.copyOf(bin, k), Arrays.copyOf(weight, k), b.bins());
    }

    private static Column column(EventTable t, String name, String role) {
        if (!t.hasColumn(name)) {
            throw new IllegalArgumentException("sample '" + t.name() + "' has no " + role + " column '" + name
                    + "'; available: " + t.columnNames());
        }
        return t.column(name);
    }

    private static double weight(EventTable t, EffectiveAreaSpec spec, Column w, int row) {
        double v = w.getDouble(row);
        if (!(v >= 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException("sample '" + t.name() + "', weight column '" + spec.weightColumn()
                    + "', row " + row + ": weight must be finite and >= 0 (Hz) but was " + v);
        }
        return v;
    }

    private static Binned sums(int rows, int[] bin, double[] w, int n) {
        double[] sw = new double[n], sw2 = new double[n];
        long[] c = new long[n];
        for (int k = 0; k < bin.length; k++) {
            sw[bin[k]] += w[k];
            sw2[bin[k]] += w[k] * w[k];
            c[bin[k]]++;
        }
        return new Binned(rows, bin, w, sw, sw2, c);
    }

    /** @return per replica the A_eff per bin (NaN where the replica's L0 sum is 0) */
    private static double[][] bootstrap(Binned t, Binned s, double aGen, int n, int replicas, long seed, int threads,
            ProgressMonitor monitor) {
        double[][] out = new double[replicas][];
        int workers = Math.min(threads, replicas);
        if (workers == 1) {
            for (int r = 0; r < replicas; r++) {
                monitor.checkCancelled();
                out[r] = replica(t, s, aGen, n, seed, r);
                monitor.worked(1);
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers, runnable -> {
            Thread th = new Thread(runnable, "effective-area-bootstrap");
            th.setDaemon(true);
            return th;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int wk = 0; wk < workers; wk++) {
                int first = wk;
                futures.add(pool.submit(() -> {
                    for (int r = first; r < replicas; r += workers) {
                        monitor.checkCancelled();
                        out[r] = replica(t, s, aGen, n, seed, r);
                        monitor.worked(1);
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new org.fluxion.api.workflow.CancelledException("effective-area bootstrap interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("effective-area bootstrap failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return out;
    }

    /**
     * One replica: each sample resampled with replacement (as many draws as it has rows); a draw
     * that lands on an event outside every bin contributes nothing, so only the packed events are
     * looked up.
     */
    private static double[] replica(Binned t, Binned s, double aGen, int n, long seed, int r) {
        SplittableRandom rng = new SplittableRandom(mix(seed, r));
        double[] st = resample(t, n, rng);
        double[] ss = resample(s, n, rng);
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = st[i] > 0 ? aGen * ss[i] / st[i] : Double.NaN;
        }
        return a;
    }

    private static double[] resample(Binned b, int n, SplittableRandom rng) {
        double[] sum = new double[n];
        int rows = b.rows, packed = b.bin.length;
        if (rows == 0) {
            return sum;
        }
        // the packed events take the draw values [0, packed); the others [packed, rows) miss every bin
        for (int d = 0; d < rows; d++) {
            int j = rng.nextInt(rows);
            if (j < packed) {
                sum[b.bin[j]] += b.w[j];
            }
        }
        return sum;
    }

    /** @return a SplitMix64 mix of (seed, replica) */
    static long mix(long seed, long replica) {
        long z = seed + 0x9E3779B97F4A7C15L * (replica + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static double standardDeviation(double[] v) {
        double mean = 0;
        for (double x : v) {
            mean += x;
        }
        mean /= v.length;
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        return Math.sqrt(ss / (v.length - 1));
    }

    /** @return the q quantile of sorted values, linear interpolation between order statistics */
    private static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
