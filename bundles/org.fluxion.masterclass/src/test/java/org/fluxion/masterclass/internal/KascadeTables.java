package org.fluxion.masterclass.internal;

import java.util.List;
import java.util.SplittableRandom;

import org.fluxion.api.data.Column;
import org.fluxion.api.data.EventTable;

/**
 * Small seeded KCDC-like tables for tests: a simulation with the five primaries and a data sample,
 * with the shower-size model of PHYSICS.md §6 (simplified: uncorrelated smearing).
 */
final class KascadeTables {
    static final List<String> LEVELS = List.of("p", "he", "c", "si", "fe");
    static final int[] MASS = { 1, 4, 12, 28, 56 };

    private KascadeTables() {
    }

    /** @return a simulation table: Particle, lgE (lg eV, E^-2 on [14, 18]), Ze (deg), lgNe, lgNmu */
    static EventTable simulation(long seed, int rows) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] codes = new int[rows];
        double[] lgE = new double[rows], ze = new double[rows], ne = new double[rows], nmu = new double[rows];
        for (int i = 0; i < rows; i++) {
            codes[i] = r.nextInt(5);
            // E^-2 on [1e14, 1e18] eV by inversion
            double u = r.nextDouble();
            double e = 1 / (1e-14 - u * (1e-14 - 1e-18));
            lgE[i] = Math.log10(e);
            ze[i] = Math.toDegrees(Math.asin(Math.sqrt(r.nextDouble() * 0.5)));
            double[] s = sizes(r, lgE[i], ze[i], MASS[codes[i]]);
            ne[i] = s[0];
            nmu[i] = s[1];
        }
        return EventTable.builder("simulation").add(Column.ofCategories("Particle", codes, LEVELS))
                .add(Column.ofDoubles("lgE", "lg(E/eV)", lgE)).add(Column.ofDoubles("Ze", "deg", ze))
                .add(Column.ofDoubles("lgNe", "lg(Ne)", ne)).add(Column.ofDoubles("lgNmu", "lg(Nmu)", nmu)).build();
    }

    /** @return a data table E (the KCDC estimator), Ne, Nmu, Ze from an E^-2.7 mixture */
    static EventTable data(long seed, int rows) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] lgE = new double[rows], ze = new double[rows], ne = new double[rows], nmu = new double[rows];
        KcdcEnergyEstimator est = new KcdcEnergyEstimator(10.83, 0.347, 0.609, 1.29);
        for (int i = 0; i < rows; i++) {
            int a = MASS[r.nextInt(5)];
            double u = r.nextDouble();
            double e = Math.pow(Math.pow(1e14, -1.7) - u * (Math.pow(1e14, -1.7) - Math.pow(1e18, -1.7)), -1 / 1.7);
            ze[i] = Math.toDegrees(Math.asin(Math.sqrt(r.nextDouble() * 0.5)));
            double[] s = sizes(r, Math.log10(e), ze[i], a);
            ne[i] = s[0];
            nmu[i] = s[1];
            lgE[i] = est.lgEnergy(ne[i], nmu[i], ze[i]);
        }
        return EventTable.builder("data").add(Column.ofDoubles("E", "lg(E/eV)", lgE))
                .add(Column.ofDoubles("Ne", "lg(Ne)", ne)).add(Column.ofDoubles("Nmu", "lg(Nmu)", nmu))
                .add(Column.ofDoubles("Ze", "deg", ze)).build();
    }

    private static double[] sizes(SplittableRandom r, double lgEeV, double zeDeg, int a) {
        double x = lgEeV - 9 - 6, s1 = 1 / Math.cos(Math.toRadians(zeDeg)) - 1, lnA = Math.log(a);
        double ne = 4.84 + 1.22 * x - 0.130 * lnA - 2.54 * s1 + 0.2 * gauss(r);
        double nmu = 4.09 + 0.91 * x + 0.055 * lnA - 0.67 * s1 + 0.1 * gauss(r);
        return new double[] { ne, nmu };
    }

    static double gauss(SplittableRandom r) {
        double u1 = r.nextDouble(), u2 = r.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }
}
