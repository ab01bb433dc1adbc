package org.fluxion.unfolding.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

import org.fluxion.api.hist.Binning;
import org.fluxion.api.hist.ResponseMatrix;
import org.fluxion.api.workflow.InputException;

/**
 * Reads the histogram-level CSV inputs of {@code fluxion unfold}. Lines starting with '#' are
 * comments; the first other line is the header; column names may carry a unit ("low [GeV]").
 *
 * <ul>
 * <li>binned values (observed, truth, background): {@code low,high,value} — contiguous bins in
 * increasing order;</li>
 * <li>efficiency: {@code low,high,efficiency[,thrown]};</li>
 * <li>response: {@code proxy_low,proxy_high,true_low,true_high,sumw[,sumw2]} — one line per
 * non-empty cell, any order; absent cells are 0; sumw2 defaults to sumw (unit weights).</li>
 * </ul>
 */
final class HistogramCsv {
    private HistogramCsv() {
    }

    /** Binned values: edges and one or more value columns. */
    record Binned(Binning binning, double[][] columns) {
    }

    private record Row(long line, double[] values) {
    }

    private static List<Row> read(Path file, List<String> required, List<String> optional) throws InputException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InputException(file, -1, "file not found");
        } catch (IOException e) {
            throw new InputException(file, -1, "cannot read: " + e.getMessage(), e);
        }
        List<Row> rows = new ArrayList<>();
        String[] header = null;
        int width = 0;
        for (int k = 0; k < lines.size(); k++) {
            String line = lines.get(k).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (header == null) {
                header = f;
                List<String> names = new ArrayList<>();
                for (String h : f) {
                    String n = h.strip();
                    int u = n.indexOf('[');
                    names.add((u >= 0 ? n.substring(0, u) : n).strip().toLowerCase(Locale.ROOT));
                }
                List<String> expected = new ArrayList<>(required);
                List<String> withOptional = new ArrayList<>(required);
                withOptional.addAll(optional);
                if (!(names.equals(expected) || (!optional.isEmpty() && names.equals(withOptional)))) {
                    throw new InputException(file, k + 1, "header must be '" + String.join(",", required)
                            + (optional.isEmpty() ? "" : "[," + String.join(",", optional) + "]") + "' but was '" + line + "'");
                }
                width = names.size();
                continue;
            }
            if (f.length != width) {
                throw new InputException(file, k + 1, "expected " + width + " comma-separated fields but found "
                        + f.length + ": '" + line + "'");
            }
            double[] v = new double[width];
            for (int i = 0; i < width; i++) {
                try {
                    v[i] = Double.parseDouble(f[i].strip());
                } catch (NumberFormatException e) {
                    throw new InputException(file, k + 1, "field " + (i + 1) + " ('" + header[i].strip()
                            + "') is not a number: '" + f[i].strip() + "'");
                }
                if (!Double.isFinite(v[i])) {
                    throw new InputException(file, k + 1, "field " + (i + 1) + " ('" + header[i].strip()
                            + "') must be finite but was " + f[i].strip());
                }
            }
            rows.add(new Row(k + 1, v));
        }
        if (header == null) {
            throw new InputException(file, -1, "empty file: expected a header '" + String.join(",", required) + "'");
        }
        if (rows.isEmpty()) {
            throw new InputException(file, -1, "no data lines after the header");
        }
        return rows;
    }

    private static Binning edges(Path file, List<Row> rows, int lowCol) throws InputException {
        double[] e = new double[rows.size() + 1];
        for (int k = 0; k < rows.size(); k++) {
            double lo = rows.get(k).values()[lowCol], hi = rows.get(k).values()[lowCol + 1];
            if (!(hi > lo)) {
                throw new InputException(file, rows.get(k).line(), "bin upper edge " + hi + " must be > lower edge " + lo);
            }
            if (k > 0 && lo != e[k]) {
                throw new InputException(file, rows.get(k).line(), "bins must be contiguous and increasing: lower edge "
                        + lo + " does not continue the previous upper edge " + e[k]);
            }
            e[k] = lo;
            e[k + 1] = hi;
        }
        return Binning.ofEdges(e);
    }

    /** Reads {@code low,high,<valueName>[,<optional>]}. */
    static Binned binned(Path file, String valueName, String optional) throws InputException {
        List<Row> rows = read(file, List.of("low", "high", valueName), optional == null ? List.of() : List.of(optional));
        Binning b = edges(file, rows, 0);
        int extra = rows.get(0).values().length - 2;
        double[][] cols = new double[extra][rows.size()];
        for (int k = 0; k < rows.size(); k++) {
            for (int c = 0; c < extra; c++) {
                cols[c][k] = rows.get(k).values()[2 + c];
            }
        }
        return new Binned(b, cols);
    }

    /** Reads a response in long format. */
    static ResponseMatrix response(Path file) throws InputException {
        List<Row> rows = read(file, List.of("proxy_low", "proxy_high", "true_low", "true_high", "sumw"), List.of("sumw2"));
        TreeMap<Double, Double> proxy = new TreeMap<>(), truth = new TreeMap<>();
        for (Row r : rows) {
            interval(file, r, proxy, 0);
            interval(file, r, truth, 2);
        }
        Binning p = contiguous(file, proxy, "proxy"), t = contiguous(file, truth, "true");
        double[][] c = new double[p.bins()][t.bins()], c2 = new double[p.bins()][t.bins()];
        boolean[][] seen = new boolean[p.bins()][t.bins()];
        for (Row r : rows) {
            double[] v = r.values();
            int i = p.findBin(v[0]), j = t.findBin(v[2]);
            if (seen[i][j]) {
                throw new InputException(file, r.line(), "cell (proxy bin " + i + ", true bin " + j + ") appears twice");
            }
            seen[i][j] = true;
            if (v[4] < 0 || (v.length > 5 && v[5] < 0)) {
                throw new InputException(file, r.line(), "sumw and sumw2 must be >= 0 but were " + v[4]
                        + (v.length > 5 ? ", " + v[5] : ""));
            }
            c[i][j] = v[4];
            c2[i][j] = v.length > 5 ? v[5] : v[4];
        }
        return ResponseMatrix.of(p, t, c, c2);
    }

    private static void interval(Path file, Row r, TreeMap<Double, Double> m, int col) throws InputException {
        double lo = r.values()[col], hi = r.values()[col + 1];
        if (!(hi > lo)) {
            throw new InputException(file, r.line(), "bin upper edge " + hi + " must be > lower edge " + lo);
        }
        Double known = m.putIfAbsent(lo, hi);
        if (known != null && known != hi) {
            throw new InputException(file, r.line(), "bin starting at " + lo + " ends at " + hi
                    + " here but at " + known + " on an earlier line");
        }
    }

    private static Binning contiguous(Path file, TreeMap<Double, Double> m, String axis) throws InputException {
        double[] e = new double[m.size() + 1];
        int k = 0;
        for (var entry : m.entrySet()) {
            if (k > 0 && entry.getKey() != e[k]) {
                throw new InputException(file, -1, axis + " bins are not contiguous: a bin ends at " + e[k]
                        + " but the next starts at " + entry.getKey() + " (give every bin at least one cell, even 0)");
            }
            e[k] = entry.getKey();
            e[++k] = entry.getValue();
        }
        return Binning.ofEdges(e);
    }
}
