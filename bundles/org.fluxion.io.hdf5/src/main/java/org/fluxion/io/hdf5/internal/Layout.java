package org.fluxion.io.hdf5.internal;

import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.fluxion.api.workflow.InputException;
import org.fluxion.api.workflow.ProgressMonitor;
import org.fluxion.io.hdf5.Hdf5LoadSettings.MissingRows;

import io.jhdf.api.Attribute;
import io.jhdf.api.Node;

/** One way events are laid out in an HDF5 file (flat, hdfwriter, pandas table, pandas fixed). */
interface Layout {

    /** A column to read: saved as {@code name}, found at {@code address} (layout-specific). */
    record Request(String name, String address) {
    }

    /** Everything a layout needs besides the file. */
    record Context(int threads, ProgressMonitor monitor, Consumer<String> warn, MissingRows missingRows) {
    }

    /**
     * What one file contributed.
     *
     * @param columns    in request order, all of one length
     * @param attributes metadata found in the file (String, Long, Double, Boolean)
     * @param livetimeS  livetime found in the file (attribute or side table), or null
     */
    record Part(Path file, String layout, List<ColumnData> columns, Map<String, Object> attributes, Double livetimeS) {
    }

    /** @return the layout's name for messages and the {@code layout} attribute */
    String name();

    /** @return every column address of the file, in file order (used when no keys are configured) */
    List<String> columns() throws InputException;

    /** @return the address of the weight column of flux model {@code model}, or null if the file has none */
    String modelAddress(String model) throws InputException;

    /** Reads the requested columns. */
    Part read(List<Request> requests) throws InputException;

    /** @return the scalar metadata attributes of a node (1-element arrays unwrapped; others skipped) */
    static Map<String, Object> attributes(Node node, List<String> skip) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Attribute> e : new java.util.TreeMap<>(node.getAttributes()).entrySet()) {
            if (skip.contains(e.getKey())) {
                continue;
            }
            Object v;
            try {
                v = e.getValue().getData();
            } catch (RuntimeException ex) {
                continue; // an attribute jhdf cannot decode is not metadata we use
            }
            if (v != null && v.getClass().isArray() && Array.getLength(v) == 1) {
                v = Array.get(v, 0);
            }
            Object plain = plain(v);
            if (plain != null) {
                out.put(e.getKey(), plain);
            }
        }
        return out;
    }

    private static Object plain(Object v) {
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Double || v instanceof Float) {
            return ((Number) v).doubleValue();
        }
        if (v instanceof Number n) {
            return n.longValue();
        }
        if (v instanceof byte[] b) {
            return Hdf5Files.text(b);
        }
        return null;
    }
}
