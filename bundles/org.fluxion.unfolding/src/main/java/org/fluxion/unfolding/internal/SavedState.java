package org.fluxion.unfolding.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fluxion.api.artifact.TableArtifact;

/**
 * The numbers of an unfolding from which every artifact of {@code unfold_flux} is made, as one
 * long-format table {@code unfolding_state} (columns {@code block, i, j, value, key, text}): matrices
 * (one row per element, {@code value} printed by {@code Double.toString}, which reads back exactly)
 * and named maps (numbers, booleans and strings, typed in {@code text}). Reading the CSV back gives
 * the same numbers, so a reloaded run writes the same artifacts. Not thread-safe.
 */
final class SavedState {
    /** Artifact name of the table. */
    static final String NAME = "unfolding_state";
    private final Map<String, double[][]> matrices = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> maps = new LinkedHashMap<>();

    /** Stores a matrix (kept by reference; do not modify it afterwards). Null is not stored. */
    void put(String block, double[][] m) {
        if (m != null) {
            matrices.put(block, m);
        }
    }

    /** Stores a vector as a one-row matrix. Null is not stored. */
    void put(String block, double[] v) {
        if (v != null) {
            matrices.put(block, new double[][] { v });
        }
    }

    /** Stores a map of String, Number or Boolean values (copied, order kept). */
    void put(String block, Map<String, ?> m) {
        maps.put(block, new LinkedHashMap<>(m));
    }

    /** @return the matrix, or null */
    double[][] matrix(String block) {
        return matrices.get(block);
    }

    /** @return the vector, or null */
    double[] vector(String block) {
        double[][] m = matrices.get(block);
        return m == null ? null : m[0];
    }

    /** @return the map, or null */
    Map<String, Object> map(String block) {
        return maps.get(block);
    }

    /** @return the table */
    TableArtifact table() {
        TableArtifact.Builder t = TableArtifact.builder().column("block", "").column("i", "").column("j", "")
                .column("value", "").column("key", "").column("text", "");
        for (Map.Entry<String, double[][]> e : matrices.entrySet()) {
            double[][] m = e.getValue();
            for (int i = 0; i < m.length; i++) {
                for (int j = 0; j < m[i].length; j++) {
                    t.row(e.getKey(), i, j, m[i][j], "", "");
                }
            }
        }
        for (Map.Entry<String, Map<String, Object>> e : maps.entrySet()) {
            for (Map.Entry<String, Object> v : e.getValue().entrySet()) {
                t.row(e.getKey(), 0, 0, Double.NaN, v.getKey(), encode(v.getValue()));
            }
        }
        return t.build();
    }

    private static String encode(Object v) {
        if (v instanceof Double d) {
            return "d:" + d;
        }
        if (v instanceof Integer i) {
            return "i:" + i;
        }
        if (v instanceof Long l) {
            return "l:" + l;
        }
        if (v instanceof Boolean b) {
            return "b:" + b;
        }
        if (v instanceof String s) {
            return "s:" + s.replace('\n', ' ').replace('\r', ' ');
        }
        if (v == null) {
            return "n:";
        }
        throw new IllegalArgumentException("cannot save a " + v.getClass().getName() + " (" + v + ")");
    }

    private static Object decode(String t) {
        String v = t.substring(2);
        return switch (t.charAt(0)) {
        case 'd' -> Double.parseDouble(v);
        case 'i' -> Integer.parseInt(v);
        case 'l' -> Long.parseLong(v);
        case 'b' -> Boolean.parseBoolean(v);
        case 's' -> v;
        case 'n' -> null;
        default -> throw new IllegalArgumentException("unknown value type in '" + t + "'");
        };
    }

    /**
     * Reads the CSV written from {@link #table()} (header {@code block,i,j,value,key,text}).
     *
     * @throws IOException              if the file cannot be read
     * @throws IllegalArgumentException naming the line if it is malformed
     */
    static SavedState read(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals("block,i,j,value,key,text")) {
            throw new IllegalArgumentException(csv + " is not an unfolding state table (header '"
                    + (lines.isEmpty() ? "" : lines.get(0)) + "')");
        }
        Map<String, List<double[]>> cells = new LinkedHashMap<>();
        SavedState s = new SavedState();
        for (int l = 1; l < lines.size(); l++) {
            List<String> c = cells(lines.get(l));
            if (c.size() != 6) {
                throw new IllegalArgumentException(csv + " line " + (l + 1) + ": expected 6 cells but read " + c.size());
            }
            try {
                if (!c.get(4).isEmpty()) {
                    s.maps.computeIfAbsent(c.get(0), k -> new LinkedHashMap<>()).put(c.get(4), decode(c.get(5)));
                } else {
                    cells.computeIfAbsent(c.get(0), k -> new ArrayList<>()).add(new double[] { Integer.parseInt(c.get(1)),
                            Integer.parseInt(c.get(2)), Double.parseDouble(c.get(3)) });
                }
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(csv + " line " + (l + 1) + ": " + e.getMessage(), e);
            }
        }
        for (Map.Entry<String, List<double[]>> e : cells.entrySet()) {
            int ni = 0, nj = 0;
            for (double[] c : e.getValue()) {
                ni = Math.max(ni, (int) c[0] + 1);
                nj = Math.max(nj, (int) c[1] + 1);
            }
            double[][] m = new double[ni][nj];
            for (double[] c : e.getValue()) {
                m[(int) c[0]][(int) c[1]] = c[2];
            }
            s.matrices.put(e.getKey(), m);
        }
        return s;
    }

    /** Splits a CSV line with RFC 4180 quoting (no line breaks inside cells). */
    static List<String> cells(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int k = 0; k < line.length(); k++) {
            char ch = line.charAt(k);
            if (quoted) {
                if (ch == '"') {
                    if (k + 1 < line.length() && line.charAt(k + 1) == '"') {
                        cur.append('"');
                        k++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cur.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
