package org.fluxion.fits.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * An MCEq-style surface muon flux table (flux.md; bundles/org.fluxion.synth/README.md): CSV with a
 * header {@code e_grid [GeV],zenith [deg],<column> [<unit>],...}, one row per (zenith, energy) grid
 * point of a complete rectangular grid, in any row order. Fluxes per GeV; a unit containing
 * {@code cm-2} (or no unit, the MCEq convention) is converted to m⁻² (× 1e4), {@code m-2} is kept.
 * Interpolation: log–log in E (linear in E where a neighbouring value is 0), linear in cosθ between
 * zenith nodes. Immutable, thread-safe.
 */
final class TheoryTable {
    private final String source;
    private final List<String> columns;
    private final double[] lnEnergy;      // ascending
    private final double[] cosZenith;     // ascending
    private final double[][][] flux;      // [column][cos index][energy index], m^-2 s^-1 sr^-1 GeV^-1

    private TheoryTable(String source, List<String> columns, double[] lnEnergy, double[] cosZenith,
            double[][][] flux) {
        this.source = source;
        this.columns = List.copyOf(columns);
        this.lnEnergy = lnEnergy;
        this.cosZenith = cosZenith;
        this.flux = flux;
    }

    /**
     * Reads a table.
     *
     * @throws IOException              if the file cannot be read
     * @throws IllegalArgumentException naming the file, line and value of a format error
     */
    static TheoryTable read(Path file) throws IOException {
        String src = file.toString();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            if (header == null) {
                throw new IllegalArgumentException(src + ": empty theory table (expected a header 'e_grid [GeV],"
                        + "zenith [deg],...')");
            }
            String[] h = header.split(",", -1);
            int ie = -1, iz = -1;
            List<String> names = new ArrayList<>();
            List<Integer> fluxIdx = new ArrayList<>();
            List<Double> factors = new ArrayList<>();
            for (int k = 0; k < h.length; k++) {
                String cell = h[k].strip();
                int br = cell.indexOf('[');
                String name = (br < 0 ? cell : cell.substring(0, br)).strip();
                String unit = br < 0 ? "" : cell.substring(br + 1, cell.lastIndexOf(']') < 0 ? cell.length()
                        : cell.lastIndexOf(']')).strip();
                if (name.equals("e_grid")) {
                    if (!unit.isEmpty() && !unit.equals("GeV")) {
                        throw new IllegalArgumentException(src + ":1: e_grid must be in GeV but the header says [" + unit
                                + "]");
                    }
                    ie = k;
                } else if (name.equals("zenith")) {
                    if (!unit.isEmpty() && !unit.equals("deg")) {
                        throw new IllegalArgumentException(src + ":1: zenith must be in deg but the header says [" + unit
                                + "]");
                    }
                    iz = k;
                } else {
                    double f;
                    if (unit.isEmpty() || unit.contains("cm-2")) {
                        f = 1e4;
                    } else if (unit.startsWith("m-2")) {
                        f = 1;
                    } else {
                        throw new IllegalArgumentException(src + ":1: column '" + name + "' has unit [" + unit
                                + "]; expected cm-2 s-1 sr-1 GeV-1 or m-2 s-1 sr-1 GeV-1");
                    }
                    if (!unit.isEmpty() && !unit.contains("GeV-1")) {
                        throw new IllegalArgumentException(src + ":1: column '" + name + "' has unit [" + unit
                                + "]; fluxes must be per GeV (GeV-1)");
                    }
                    names.add(name);
                    fluxIdx.add(k);
                    factors.add(f);
                }
            }
            if (ie < 0 || iz < 0 || names.isEmpty()) {
                throw new IllegalArgumentException(src + ":1: the header must have e_grid, zenith and at least one flux "
                        + "column but was '" + header + "'");
            }
            TreeMap<Double, TreeMap<Double, double[]>> grid = new TreeMap<>(); // cos -> lnE -> fluxes
            String line;
            int lineNo = 1, rows = 0;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] c = line.split(",", -1);
                if (c.length != h.length) {
                    throw new IllegalArgumentException(src + ":" + lineNo + ": " + c.length + " fields, the header has "
                            + h.length);
                }
                double e = number(c[ie], src, lineNo, "e_grid");
                double z = number(c[iz], src, lineNo, "zenith");
                if (!(e > 0)) {
                    throw new IllegalArgumentException(src + ":" + lineNo + ": e_grid must be > 0 but was " + e);
                }
                if (!(z >= 0 && z <= 180)) {
                    throw new IllegalArgumentException(src + ":" + lineNo + ": zenith must be in [0, 180] deg but was "
                            + z);
                }
                double[] v = new double[names.size()];
                for (int k = 0; k < v.length; k++) {
                    v[k] = number(c[fluxIdx.get(k)], src, lineNo, names.get(k)) * factors.get(k);
                    if (!(v[k] >= 0)) {
                        throw new IllegalArgumentException(src + ":" + lineNo + ": " + names.get(k)
                                + " must be >= 0 but was " + c[fluxIdx.get(k)].strip());
                    }
                }
                double cz = Math.cos(Math.toRadians(z));
                if (grid.computeIfAbsent(cz, k -> new TreeMap<>()).put(Math.log(e), v) != null) {
                    throw new IllegalArgumentException(src + ":" + lineNo + ": duplicate grid point e_grid = " + c[ie].strip()
                            + " GeV, zenith = " + c[iz].strip() + " deg");
                }
                rows++;
            }
            if (grid.size() < 2) {
                throw new IllegalArgumentException(src + ": the table needs at least 2 zenith values but has " + grid.size());
            }
            double[] cos = grid.keySet().stream().mapToDouble(Double::doubleValue).toArray();
            double[] lnE = grid.firstEntry().getValue().keySet().stream().mapToDouble(Double::doubleValue).toArray();
            if (lnE.length < 2) {
                throw new IllegalArgumentException(src + ": the table needs at least 2 energies but has " + lnE.length);
            }
            double[][][] f = new double[names.size()][cos.length][lnE.length];
            int ci = 0;
            for (var zr : grid.entrySet()) {
                double[] le = zr.getValue().keySet().stream().mapToDouble(Double::doubleValue).toArray();
                if (!Arrays.equals(le, lnE)) {
                    throw new IllegalArgumentException(src + ": not a rectangular grid: zenith "
                            + String.format(Locale.ROOT, "%.4g", Math.toDegrees(Math.acos(zr.getKey()))) + " deg has "
                            + le.length + " energies, zenith "
                            + String.format(Locale.ROOT, "%.4g", Math.toDegrees(Math.acos(cos[0]))) + " deg has "
                            + lnE.length + " (or their values differ)");
                }
                int ei = 0;
                for (double[] v : zr.getValue().values()) {
                    for (int k = 0; k < v.length; k++) {
                        f[k][ci][ei] = v[k];
                    }
                    ei++;
                }
                ci++;
            }
            assert rows == cos.length * lnE.length;
            return new TheoryTable(src, names, lnE, cos, f);
        }
    }

    private static double number(String cell, String src, int line, String column) {
        try {
            return Double.parseDouble(cell.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(src + ":" + line + ": column " + column + " is not a number: '"
                    + cell.strip() + "'", e);
        }
    }

    /** @return the flux columns, in file order */
    List<String> columns() {
        return columns;
    }

    /** @return the file the table was read from */
    String source() {
        return source;
    }

    /** @return lowest tabulated energy, GeV */
    double energyMinGev() {
        return Math.exp(lnEnergy[0]);
    }

    /** @return highest tabulated energy, GeV */
    double energyMaxGev() {
        return Math.exp(lnEnergy[lnEnergy.length - 1]);
    }

    /** @return smallest tabulated cosθ (largest zenith) */
    double cosZenithMin() {
        return cosZenith[0];
    }

    /**
     * @return the column {@code name} as a flux in m⁻² s⁻¹ sr⁻¹ GeV⁻¹
     * @throws IllegalArgumentException if there is no such column (naming the ones there are)
     */
    SurfaceFlux column(String name) {
        int k = columns.indexOf(name);
        if (k < 0) {
            throw new IllegalArgumentException(source + ": no flux column '" + name + "'; columns: " + columns);
        }
        double[][] f = flux[k];
        double eMax = energyMaxGev();
        return new SurfaceFlux() {
            @Override
            public double flux(double energyGeV, double cosZenith) {
                return interpolate(f, energyGeV, cosZenith);
            }

            @Override
            public double maxEnergyGev() {
                return eMax;
            }
        };
    }

    private double interpolate(double[][] f, double energyGeV, double cos) {
        double le = Math.log(energyGeV);
        double tol = 1e-9;
        if (!(energyGeV > 0) || Double.isInfinite(energyGeV)) {
            throw new IllegalArgumentException(source + ": energy " + energyGeV + " GeV is not a positive finite energy");
        }
        // outside the energy grid the end segments' power laws are extrapolated (a fit's trial
        // parameters may reach there; the flux is negligible in either direction)
        if (!(cos >= cosZenith[0] - tol && cos <= cosZenith[cosZenith.length - 1] + tol)) {
            throw new IllegalArgumentException(source + ": zenith " + Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, cos))))
                    + " deg is outside the table's zenith range");
        }
        int i = segment(lnEnergy, le), j = segment(cosZenith, cos);
        double te = (le - lnEnergy[i]) / (lnEnergy[i + 1] - lnEnergy[i]);
        double tc = (cos - cosZenith[j]) / (cosZenith[j + 1] - cosZenith[j]);
        tc = Math.max(0, Math.min(1, tc));
        return (1 - tc) * logLog(f[j], i, te) + tc * logLog(f[j + 1], i, te);
    }

    private static double logLog(double[] row, int i, double t) {
        double a = row[i], b = row[i + 1];
        if (a > 0 && b > 0) {
            return a * Math.pow(b / a, t);
        }
        return a + t * (b - a);
    }

    private static int segment(double[] grid, double x) {
        int i = Arrays.binarySearch(grid, x);
        if (i < 0) {
            i = -i - 2;
        }
        return Math.max(0, Math.min(grid.length - 2, i));
    }
}
