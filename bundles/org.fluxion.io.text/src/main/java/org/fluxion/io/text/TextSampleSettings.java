package org.fluxion.io.text;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fluxion.api.workflow.InvalidSettingsException;
import org.fluxion.api.workflow.Setting;

/**
 * How to read one sample from delimited text files (KCDC ASCII exports and CSV). Immutable; the
 * collections are copied (insertion order kept).
 *
 * @param path      a file, or a glob in the file-name part (e.g. {@code data/kcdc_*.txt}); several
 *                  matching files are concatenated in sorted file-name order and must share the header.
 *                  Relative paths are relative to the configuration file's folder.
 * @param columns   columns to read, in output order; empty = every column of the header
 * @param delimiter field separator; {@code auto}: comma if the header line contains one, else whitespace
 * @param onBadLine what to do with a malformed line (wrong field count, unparsable value)
 * @param units     column → unit, overriding the defaults of {@link TextTableReader#defaultUnit}
 * @param types     column → storage type, overriding inference from the first lines
 */
public record TextSampleSettings(
        @Setting(description = "file or glob (file-name part only); several files are concatenated in sorted order") String path,
        @Setting(description = "columns to read, in this order; empty = all", defaultValue = "[]") List<String> columns,
        @Setting(description = "field separator: auto (comma if the header has one), whitespace or comma",
                defaultValue = "auto") Delimiter delimiter,
        @Setting(description = "malformed lines: error (stop with file and line) or skip (count and warn)",
                defaultValue = "error") BadLinePolicy onBadLine,
        @Setting(description = "column -> unit, overriding the defaults (Ze/Az: deg, X/Y/CoreDist: m, E/lgE: lg(E/eV), ...)",
                defaultValue = "{}") Map<String, String> units,
        @Setting(description = "column -> double|float|long|int|categorical|timestamp, overriding inference",
                defaultValue = "{}") Map<String, ValueType> types) {

    /** Field separator. */
    public enum Delimiter {
        /** Comma if the header line contains a comma, else whitespace. */
        AUTO,
        /** Runs of spaces and tabs; leading and trailing whitespace ignored. */
        WHITESPACE,
        /** A comma; spaces and tabs around a field are trimmed. No quoting. */
        COMMA
    }

    /** What to do with a malformed line. */
    public enum BadLinePolicy {
        /** Fail with file, line number, content and what was expected. */
        ERROR,
        /** Skip it; the count and the first line numbers are reported as a warning. */
        SKIP
    }

    /** Storage type of a column. */
    public enum ValueType {
        /** 64-bit float, exactly as {@link Double#parseDouble}. */
        DOUBLE,
        /** 32-bit float: the double value narrowed with a cast. */
        FLOAT,
        /** 64-bit integer (decimal digits, optional sign). */
        LONG,
        /** 32-bit integer. */
        INT,
        /** Text categories, coded in order of first appearance. */
        CATEGORICAL,
        /** {@code YYYY-MM-DD[ T]HH:MM:SS[Z]} or {@code YYYY-MM-DD}, UTC, stored as LONG seconds since the epoch. */
        TIMESTAMP
    }

    public TextSampleSettings {
        if (path == null || path.isBlank()) {
            throw new InvalidSettingsException("path", "'path' must name a file or glob but was "
                    + (path == null ? "missing" : "'" + path + "'"));
        }
        columns = columns == null ? List.of() : List.copyOf(columns);
        Set<String> seen = new HashSet<>();
        for (String c : columns) {
            if (c == null || c.isBlank()) {
                throw new InvalidSettingsException("columns", "'columns' must hold column names but contains a blank entry: "
                        + columns);
            }
            if (!seen.add(c)) {
                throw new InvalidSettingsException("columns", "'columns' lists '" + c + "' twice: " + columns);
            }
        }
        delimiter = delimiter == null ? Delimiter.AUTO : delimiter;
        onBadLine = onBadLine == null ? BadLinePolicy.ERROR : onBadLine;
        units = copy("units", units);
        types = copy("types", types);
    }

    private static <V> Map<String, V> copy(String key, Map<String, V> m) {
        if (m == null) {
            return Map.of();
        }
        Map<String, V> out = new LinkedHashMap<>();
        for (Map.Entry<String, V> e : m.entrySet()) {
            if (e.getKey() == null || e.getKey().isBlank() || e.getValue() == null) {
                throw new InvalidSettingsException(key, "'" + key + "' maps column names to values but has entry "
                        + e.getKey() + " -> " + e.getValue());
            }
            out.put(e.getKey(), e.getValue());
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    /** @return settings for {@code path} with every other option at its default */
    public static TextSampleSettings of(String path) {
        return new TextSampleSettings(path, List.of(), Delimiter.AUTO, BadLinePolicy.ERROR, Map.of(), Map.of());
    }

    /** @return a copy reading only {@code cols} */
    public TextSampleSettings withColumns(String... cols) {
        return new TextSampleSettings(path, List.of(cols), delimiter, onBadLine, units, types);
    }

    /** @return a copy with another delimiter */
    public TextSampleSettings withDelimiter(Delimiter d) {
        return new TextSampleSettings(path, columns, d, onBadLine, units, types);
    }

    /** @return a copy with another bad-line policy */
    public TextSampleSettings withOnBadLine(BadLinePolicy p) {
        return new TextSampleSettings(path, columns, delimiter, p, units, types);
    }

    /** @return a copy with the given type overrides */
    public TextSampleSettings withTypes(Map<String, ValueType> t) {
        return new TextSampleSettings(path, columns, delimiter, onBadLine, units, t);
    }

    /** @return a copy with the given unit overrides */
    public TextSampleSettings withUnits(Map<String, String> u) {
        return new TextSampleSettings(path, columns, delimiter, onBadLine, u, types);
    }
}
