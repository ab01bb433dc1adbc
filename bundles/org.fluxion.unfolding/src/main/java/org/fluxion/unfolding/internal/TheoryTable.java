package org.fluxion.unfolding.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import org.fluxion.api.workflow.InvalidSettingsException;

/**
 * An MCEq-style theory table of the surface muon flux (flux.md, org.fluxion.synth README): CSV with
 * the columns {@code e_grid} [GeV], {@code zenith} [deg], {@code conventional}, {@code prompt},
 * {@code total} [cm⁻² s⁻¹ sr⁻¹ GeV⁻¹] (units may follow the names in brackets), one row per
 * (zenith, energy) grid point. Fluxes are returned in m⁻² s⁻¹ sr⁻¹ GeV⁻¹ (× 1e4), interpolated
 * linearly in (log E, log Φ) and in the zenith angle. Immutable.
 */
final class TheoryTable {
    /** A flux column of the table. */
    enum Component { CONVENTIONAL, PROMPT, TOTAL }

    private static final double CM2_TO_M2 = 1e4;
    private final double[] logE;
    private final double[] zenithDeg;
    /** [component][zenith][energy]: log of the flux in m⁻² s⁻¹ sr⁻¹ GeV⁻¹ (−∞ for 0). */
    private final double[][][] logPhi;
    private final String source;

    private TheoryTable(double[] logE, double[] zenithDeg, double[][][] logPhi, String source) {
        this.logE = logE;
        this.zenithDeg = zenithDeg;
        this.logPhi = logPhi;
        this.source = source;
    }

    /**
     * @throws InvalidSettingsException for key {@code mceq_path} naming the file, line and problem
     * @throws IOException              if the file cannot be read
     */
    static TheoryTable read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int h = 0;
        while (h < lines.size() && (lines.get(h).isBlank() || lines.get(h).startsWith("#"))) {
            h++;
        }
        if (h == lines.size()) {
            throw new InvalidSettingsException("mceq_path", "theory table " + file + " is empty");
        }
        String[] head = lines.get(h).split(",");
        int ce = col(head, "e_grid", file), cz = col(head, "zenith", file);
        int[] cc = { col(head, "conventional", file), col(head, "prompt", file), col(head, "total", file) };
        List<double[]> rows = new ArrayList<>();
        TreeSet<Double> es = new TreeSet<>(), zs = new TreeSet<>();
        for (int l = h + 1; l < lines.size(); l++) {
            String line = lines.get(l);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] p = line.split(",");
            double[] r = new double[5];
            try {
                r[0] = Double.parseDouble(p[ce].strip());
                r[1] = Double.parseDouble(p[cz].strip());
                for (int k = 0; k < 3; k++) {
                    r[2 + k] = Double.parseDouble(p[cc[k]].strip());
                }
            } catch (RuntimeException e) {
                throw new InvalidSettingsException("mceq_path", "theory table " + file + " line " + (l + 1)
                        + ": expected numbers in every column but read '" + line + "'");
            }
            if (!(r[0] > 0) || !(r[2] >= 0 && r[3] >= 0 && r[4] >= 0)) {
                throw new InvalidSettingsException("mceq_path", "theory table " + file + " line " + (l + 1)
                        + ": energy must be > 0 and fluxes >= 0 but read '" + line + "'");
            }
            rows.add(r);
            es.add(r[0]);
            zs.add(r[1]);
        }
        double[] e = es.stream().mapToDouble(Double::doubleValue).toArray();
        double[] z = zs.stream().mapToDouble(Double::doubleValue).toArray();
        if (e.length < 2 || z.length < 1 || rows.size() != e.length * z.length) {
            throw new InvalidSettingsException("mceq_path", "theory table " + file + " must hold a full grid: "
                    + e.length + " energies x " + z.length + " zenith angles = " + (e.length * z.length)
                    + " rows, but has " + rows.size());
        }
        double[][][] lp = new double[3][z.length][e.length];
        for (double[][] a : lp) {
            for (double[] b : a) {
                Arrays.fill(b, Double.NaN);
            }
        }
        for (double[] r : rows) {
            int iz = Arrays.binarySearch(z, r[1]), ie = Arrays.binarySearch(e, r[0]);
            for (int k = 0; k < 3; k++) {
                lp[k][iz][ie] = Math.log(r[2 + k] * CM2_TO_M2);
            }
        }
        for (int iz = 0; iz < z.length; iz++) {
            for (int ie = 0; ie < e.length; ie++) {
                if (Double.isNaN(lp[0][iz][ie])) {
                    throw new InvalidSettingsException("mceq_path", "theory table " + file + " has no row for E = "
                            + e[ie] + " GeV, zenith " + z[iz] + " deg");
                }
            }
        }
        double[] le = new double[e.length];
        for (int i = 0; i < e.length; i++) {
            le[i] = Math.log(e[i]);
        }
        return new TheoryTable(le, z, lp, file.getFileName().toString());
    }

    private static int col(String[] head, String name, Path file) {
        for (int i = 0; i < head.length; i++) {
            String hname = head[i].strip().toLowerCase(Locale.ROOT);
            int b = hname.indexOf('[');
            if ((b < 0 ? hname : hname.substring(0, b).strip()).equals(name)) {
                return i;
            }
        }
        throw new InvalidSettingsException("mceq_path", "theory table " + file + " has no column '" + name
                + "'; header: " + String.join(",", head));
    }

    /** @return the file name the table was read from */
    String source() {
        return source;
    }

    /**
     * @return the flux at (E, θ), m⁻² s⁻¹ sr⁻¹ GeV⁻¹; energies and zenith angles outside the grid are
     *         clamped to its edges
     */
    double flux(Component c, double energyGeV, double zenith) {
        double le = Math.log(energyGeV);
        int ie = bracket(logE, le);
        double te = clamp((le - logE[ie]) / (logE[ie + 1] - logE[ie]));
        double[][] t = logPhi[c.ordinal()];
        if (zenithDeg.length == 1) {
            return Math.exp(lerp(t[0][ie], t[0][ie + 1], te));
        }
        int iz = bracket(zenithDeg, zenith);
        double tz = clamp((zenith - zenithDeg[iz]) / (zenithDeg[iz + 1] - zenithDeg[iz]));
        double a = Math.exp(lerp(t[iz][ie], t[iz][ie + 1], te)), b = Math.exp(lerp(t[iz + 1][ie], t[iz + 1][ie + 1], te));
        return a + tz * (b - a);
    }

    private static double lerp(double a, double b, double t) {
        if (a == Double.NEGATIVE_INFINITY || b == Double.NEGATIVE_INFINITY) {
            return t < 0.5 ? a : b;
        }
        return a + t * (b - a);
    }

    private static double clamp(double t) {
        return Math.max(0, Math.min(1, t));
    }

    private static int bracket(double[] grid, double x) {
        int i = Arrays.binarySearch(grid, x);
        if (i < 0) {
            i = -i - 2;
        }
        return Math.max(0, Math.min(grid.length - 2, i));
    }

    /**
     * The flux averaged over an energy bin (dE) and a zenith band (uniform in cosθ, i.e. dΩ):
     * (1/ΔE) ∫ dE (1/Δcos) ∫ dcosθ Φ(E, θ), by the midpoint rule on 64 × 32 points (log-spaced in E).
     *
     * @return m⁻² s⁻¹ sr⁻¹ GeV⁻¹
     */
    double binAverage(Component c, double e1, double e2, double cosLow, double cosHigh) {
        int ne = 64, nc = 32;
        double l1 = Math.log(e1), l2 = Math.log(e2), sum = 0;
        for (int a = 0; a < ne; a++) {
            double e = Math.exp(l1 + (a + 0.5) * (l2 - l1) / ne);
            double de = e * (l2 - l1) / ne; // dE = E dlnE
            double inner = 0;
            for (int b = 0; b < nc; b++) {
                double cz = cosLow + (b + 0.5) * (cosHigh - cosLow) / nc;
                inner += flux(c, e, Math.toDegrees(Math.acos(Math.min(1, cz))));
            }
            sum += de * inner / nc;
        }
        return sum / (e2 - e1);
    }
}
