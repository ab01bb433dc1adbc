package org.fluxion.cuts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.fluxion.api.data.Column;
import org.fluxion.api.data.ColumnType;
import org.fluxion.api.data.EventTable;
import org.fluxion.api.data.Selection;

/**
 * An immutable, ordered list of {@link Cut}s combined with AND, parsed from the cut syntax of the
 * {@code cuts} setting (also used for the systematics step's detector {@code sectors}).
 *
 * <p>Syntax: a map from column name to one of
 * <ul>
 * <li>a number {@code x}: lower bound, {@code value >= x} (the seed's "cut value");</li>
 * <li>a boolean: {@code value == 1} (true) or {@code value == 0} (false), for flag columns;</li>
 * <li>{@code [min, max]}: {@code min <= value <= max}; either end may be null (unbounded);</li>
 * <li>a map of operators {@code ">", ">=", "<", "<=", "==", "!="} to numbers, all of which must
 * hold (the tighter of two lower or two upper bounds wins).</li>
 * </ul>
 * NaN values fail every cut. The cuts keep the map's iteration (configuration) order, which is the
 * order of the cut flow.
 */
public final class CutSet {
    private static final List<String> OPERATORS = List.of(">", ">=", "<", "<=", "==", "!=");
    private static final CutSet EMPTY = new CutSet(List.of());

    private final List<Cut> cuts;

    private CutSet(List<Cut> cuts) {
        this.cuts = cuts;
    }

    /** @return the AND of {@code cuts}, in list order */
    public static CutSet of(List<Cut> cuts) {
        return cuts.isEmpty() ? EMPTY : new CutSet(List.copyOf(cuts));
    }

    /**
     * Parses a cut specification.
     *
     * @param spec column → cut (see the class comment); null or empty gives no cuts
     * @param key  the configuration path of {@code spec} used in error messages, e.g. {@code cuts}
     *             or {@code sectors.upper}
     * @throws IllegalArgumentException naming {@code key.column} and the offending value
     */
    public static CutSet parse(Map<String, ?> spec, String key) {
        if (spec == null || spec.isEmpty()) {
            return EMPTY;
        }
        List<Cut> out = new ArrayList<>(spec.size());
        for (Map.Entry<String, ?> e : spec.entrySet()) {
            String column = e.getKey();
            if (column == null || column.isBlank()) {
                throw new IllegalArgumentException(key + ": cut column name must not be empty (value "
                        + e.getValue() + ")");
            }
            String where = key + "." + column;
            try {
                out.add(parseOne(column, e.getValue(), where));
            } catch (IllegalArgumentException ex) {
                if (ex.getMessage() != null && ex.getMessage().startsWith(where)) {
                    throw ex;
                }
                throw new IllegalArgumentException(where + ": " + ex.getMessage(), ex);
            }
        }
        return new CutSet(List.copyOf(out));
    }

    private static Cut parseOne(String column, Object value, String where) {
        if (value == null) {
            throw new IllegalArgumentException(where + ": no cut value; expected a number (lower bound), "
                    + "[min, max] or a map of operators " + OPERATORS);
        }
        if (value instanceof Boolean b) {
            return Cut.equalTo(column, b ? 1 : 0);
        }
        if (value instanceof Number n) {
            return Cut.atLeast(column, bound(n, where));
        }
        if (value instanceof List<?> list) {
            if (list.size() != 2) {
                throw new IllegalArgumentException(where + ": an interval cut needs exactly [min, max] but got "
                        + list.size() + " values " + list);
            }
            Object lo = list.get(0);
            Object hi = list.get(1);
            if (lo == null && hi == null) {
                throw new IllegalArgumentException(where + ": interval [null, null] sets no bound");
            }
            double min = lo == null ? Double.NEGATIVE_INFINITY : bound(number(lo, where + "[0]"), where + "[0]");
            double max = hi == null ? Double.POSITIVE_INFINITY : bound(number(hi, where + "[1]"), where + "[1]");
            if (min > max) {
                throw new IllegalArgumentException(where + ": interval " + list + " has min above max");
            }
            return new Cut(column, min, true, max, true, null, null);
        }
        if (value instanceof Map<?, ?> ops) {
            return parseOperators(column, ops, where);
        }
        throw new IllegalArgumentException(where + ": cannot read cut '" + value + "' ("
                + value.getClass().getSimpleName() + "); expected a number (lower bound), [min, max] or a map of "
                + "operators " + OPERATORS);
    }

    private static Cut parseOperators(String column, Map<?, ?> ops, String where) {
        if (ops.isEmpty()) {
            throw new IllegalArgumentException(where + ": empty operator map; use any of " + OPERATORS);
        }
        double min = Double.NEGATIVE_INFINITY;
        boolean minInclusive = true;
        double max = Double.POSITIVE_INFINITY;
        boolean maxInclusive = true;
        Double equalTo = null;
        Double notEqualTo = null;
        for (Map.Entry<?, ?> op : ops.entrySet()) {
            String name = String.valueOf(op.getKey()).strip();
            String opWhere = where + "." + name;
            Object raw = op.getValue();
            double v = raw instanceof Boolean b ? (b ? 1 : 0) : bound(number(raw, opWhere), opWhere);
            switch (name) {
                case ">", ">=" -> {
                    boolean inclusive = name.equals(">=");
                    if (v > min || (v == min && !inclusive)) {
                        min = v;
                        minInclusive = inclusive;
                    }
                }
                case "<", "<=" -> {
                    boolean inclusive = name.equals("<=");
                    if (v < max || (v == max && !inclusive)) {
                        max = v;
                        maxInclusive = inclusive;
                    }
                }
                case "==" -> {
                    if (Double.isInfinite(v)) {
                        throw new IllegalArgumentException(opWhere + ": value must be finite but was " + raw);
                    }
                    equalTo = v;
                }
                case "!=" -> notEqualTo = v;
                default -> throw new IllegalArgumentException(where + ": unknown operator '" + name
                        + "'; use any of " + OPERATORS);
            }
        }
        if (min > max || (min == max && !(minInclusive && maxInclusive))) {
            throw new IllegalArgumentException(where + ": operators " + ops + " exclude every value");
        }
        return new Cut(column, min, minInclusive, max, maxInclusive, equalTo, notEqualTo);
    }

    private static Number number(Object raw, String where) {
        if (raw instanceof Number n) {
            return n;
        }
        throw new IllegalArgumentException(where + ": expected a number but got '" + raw + "'"
                + (raw == null ? "" : " (" + raw.getClass().getSimpleName() + ")"));
    }

    private static double bound(Number n, String where) {
        double v = n.doubleValue();
        if (Double.isNaN(v)) {
            throw new IllegalArgumentException(where + ": cut value must not be NaN");
        }
        return v;
    }

    /** @return the cuts in order (unmodifiable) */
    public List<Cut> cuts() {
        return cuts;
    }

    /** @return number of cuts */
    public int size() {
        return cuts.size();
    }

    /** @return whether there are no cuts (every row passes) */
    public boolean isEmpty() {
        return cuts.isEmpty();
    }

    /**
     * @return the rows of {@code table} passing all cuts
     * @throws IllegalArgumentException naming the table, the column and the available columns if a
     *                                  cut column is missing, or a categorical column is cut on
     */
    public Selection select(EventTable table) {
        return select(table, cuts.size());
    }

    /**
     * @param firstN how many of the cuts, from the first, to apply (0 = every row passes)
     * @return the rows of {@code table} passing the first {@code firstN} cuts
     */
    public Selection select(EventTable table, int firstN) {
        if (firstN < 0 || firstN > cuts.size()) {
            throw new IllegalArgumentException("firstN must be in [0, " + cuts.size() + "] but was " + firstN);
        }
        Column[] columns = new Column[firstN];
        for (int k = 0; k < firstN; k++) {
            columns[k] = column(table, cuts.get(k).column());
        }
        int n = table.rowCount();
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        int m = n;
        for (int k = 0; k < firstN; k++) {
            m = filter(cuts.get(k), columns[k], rows, m);
        }
        return Selection.ofRows(n, m == n ? rows : Arrays.copyOf(rows, m));
    }

    /**
     * Keeps, in place, those of the first {@code m} entries of {@code rows} whose value passes.
     *
     * @return the number of rows kept
     */
    static int filter(Cut cut, Column column, int[] rows, int m) {
        int w = 0;
        if (column instanceof Column.Doubles d) {
            for (int j = 0; j < m; j++) {
                int r = rows[j];
                if (cut.test(d.get(r))) {
                    rows[w++] = r;
                }
            }
        } else {
            for (int j = 0; j < m; j++) {
                int r = rows[j];
                if (cut.test(column.getDouble(r))) {
                    rows[w++] = r;
                }
            }
        }
        return w;
    }

    /**
     * @return the numeric column {@code name} of {@code table}
     * @throws IllegalArgumentException naming table, column and the available columns
     */
    static Column column(EventTable table, String name) {
        if (!table.hasColumn(name)) {
            throw new IllegalArgumentException("cut on column '" + name + "': sample '" + table.name()
                    + "' has no such column; available: " + table.columnNames());
        }
        Column c = table.column(name);
        if (c.spec().type() == ColumnType.CATEGORICAL) {
            throw new IllegalArgumentException("cut on column '" + name + "' of sample '" + table.name()
                    + "': the column is categorical (levels " + ((Column.Categorical) c).levels()
                    + "), numeric cuts would compare level codes");
        }
        return c;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CutSet s && s.cuts.equals(cuts);
    }

    @Override
    public int hashCode() {
        return cuts.hashCode();
    }

    /** @return the cuts joined by {@code &&}, e.g. {@code score >= 0.7 && reco_stop_z in [0, 500]}; "" if none */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Cut c : cuts) {
            if (sb.length() > 0) {
                sb.append(" && ");
            }
            sb.append(c.describe());
        }
        return sb.toString();
    }
}
