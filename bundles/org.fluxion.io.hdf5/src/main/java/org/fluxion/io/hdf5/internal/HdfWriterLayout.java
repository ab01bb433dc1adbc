package org.fluxion.io.hdf5.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fluxion.api.data.ColumnType;
import org.fluxion.api.workflow.InputException;
import org.fluxion.io.hdf5.Hdf5LoadSettings.MissingRows;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;
import io.jhdf.object.datatype.ArrayDataType;
import io.jhdf.object.datatype.CompoundDataType;
import io.jhdf.object.datatype.CompoundDataType.CompoundDataMember;

/**
 * IceCube hdfwriter (tableio) files: one 1-D compound table per frame key at the root, with the
 * leading fields Run, Event, SubEvent, SubEventStream and exists, and {@code /__I3Index__/<Key>}
 * index tables. Columns are addressed as {@code Key/field}; array fields as {@code Key/field/i}, and
 * FilterMask-like fields (two uint8 [condition passed, prescale passed]) as {@code Key/filter}
 * (condition, boolean) and {@code Key/filter/prescale} (boolean). The tables read from one file must
 * list the same (Run, Event, SubEvent) row by row; rows with {@code exists == 0} are dropped or
 * become missing values ({@link MissingRows}). Units come from {@code FIELD_i_UNIT} attributes.
 * If a table has an ENUM with a negative member value (I3Particle {@code type}, {@code fit_status}),
 * jhdf 0.13.0 cannot list the root group; the keys are then opened one by one through
 * {@link GroupLinks}, so every other key stays readable and the offending key gets a clear error.
 */
final class HdfWriterLayout implements Layout {
    static final String INDEX = "__I3Index__";
    private static final List<String> HEAD = List.of("Run", "Event", "SubEvent", "SubEventStream", "exists");
    private static final List<String> PYTABLES_ATTRS = List.of("CLASS", "TITLE", "VERSION", "PYTABLES_FORMAT_VERSION");

    private final Path file;
    private final HdfFile hdf;
    private final Context ctx;
    private final Map<String, Node> children;
    private final Map<String, Long> links;
    private final Map<String, Dataset> opened = new LinkedHashMap<>();

    HdfWriterLayout(Path file, HdfFile hdf, Map<String, Node> children, Context ctx) throws InputException {
        this.file = file;
        this.hdf = hdf;
        this.ctx = ctx;
        this.children = children;
        if (children == null) {
            try {
                links = GroupLinks.of(hdf, hdf.getAddress());
            } catch (RuntimeException e) {
                throw new InputException(file, -1, "jhdf cannot list the root group (a table has an HDF5 ENUM with a "
                        + "negative member value) and the links cannot be read one by one either: " + e.getMessage()
                        + ". " + NegativeEnum.FIX, e);
            }
        } else {
            links = null;
        }
    }

    @Override
    public String name() {
        return "hdfwriter";
    }

    /** @return the frame keys (tables) at the root, in file order */
    List<String> keys() {
        List<String> out = new ArrayList<>();
        if (children != null) {
            for (Node n : children.values()) {
                if (n instanceof Dataset d && d.isCompound()) {
                    out.add(n.getName());
                }
            }
        } else {
            for (String k : links.keySet()) {
                if (!k.equals(INDEX) && !k.equals(FlatLayout.LIVETIME)) {
                    out.add(k);
                }
            }
        }
        return out;
    }

    private Dataset key(String key, String forColumn) throws InputException {
        Dataset cached = opened.get(key);
        if (cached != null) {
            return cached;
        }
        Node n;
        if (children != null) {
            n = children.get(key);
        } else {
            Long address = links.get(key);
            n = null;
            if (address != null) {
                try {
                    n = hdf.getNodeByAddress(address);
                } catch (HdfException e) {
                    if (Hdf5Files.isNegativeEnum(e)) {
                        throw NegativeEnum.error(file, key, forColumn, e);
                    }
                    throw Hdf5Files.readFailure(file, "/" + key, e);
                }
            }
        }
        if (!(n instanceof Dataset d) || !d.isCompound() || d.getDimensions().length != 1) {
            throw new InputException(file, -1, (n == null ? "no frame key '" + key + "'" : "'/" + key
                    + "' is not an hdfwriter table (a 1-D compound dataset)") + " for column '" + forColumn
                    + "'; available keys: " + Hdf5Files.list(keys()));
        }
        opened.put(key, d);
        return d;
    }

    @Override
    public List<String> columns() throws InputException {
        List<String> out = new ArrayList<>();
        for (String k : keys()) {
            Dataset d;
            try {
                d = key(k, k);
            } catch (InputException e) {
                if (Hdf5Files.isNegativeEnum(e)) {
                    ctx.warn().accept(e.getMessage() + " -- key skipped because no keys are configured");
                    continue;
                }
                throw e;
            }
            for (CompoundDataMember m : members(d)) {
                if (HEAD.contains(m.getName())) {
                    continue;
                }
                if (m.getDataType() instanceof ArrayDataType a) {
                    int n = count(a);
                    if (isFilterPair(a)) {
                        out.add(k + "/" + m.getName());
                        out.add(k + "/" + m.getName() + "/prescale");
                    } else if (Element.of(a.getBaseType()) != null) {
                        for (int i = 0; i < n; i++) {
                            out.add(k + "/" + m.getName() + "/" + i);
                        }
                    }
                } else if (Element.of(m.getDataType()) != null) {
                    out.add(k + "/" + m.getName());
                }
            }
        }
        return out;
    }

    @Override
    public String modelAddress(String model) throws InputException {
        if (model.contains("/")) {
            return model;
        }
        if (!keys().contains(model)) {
            return null;
        }
        for (CompoundDataMember m : members(key(model, model))) {
            if (m.getName().equals("value") || m.getName().equals("item")) {
                return model + "/" + m.getName();
            }
        }
        return null;
    }

    private static List<CompoundDataMember> members(Dataset d) {
        return ((CompoundDataType) d.getDataType()).getMembers();
    }

    private static int count(ArrayDataType a) {
        int n = 1;
        for (int x : a.getArrayTypeDimensions()) {
            n *= x;
        }
        return n;
    }

    private static boolean isFilterPair(ArrayDataType a) {
        Element e = Element.of(a.getBaseType());
        return count(a) == 2 && e != null && (e.kind() == Element.Kind.U8 || e.kind() == Element.Kind.I8
                || e.kind() == Element.Kind.BOOL8);
    }

    /** A resolved field: where in the record, which element type, whether it is a flag. */
    private record Field(String key, Element element, int offset, boolean bool, String unit) {
    }

    private Field resolve(Request r) throws InputException {
        String address = r.address();
        int slash = address.indexOf('/');
        if (slash <= 0 || slash == address.length() - 1) {
            throw new InputException(file, -1, "column '" + r.name() + "': '" + address + "' is not a 'Key/field' "
                    + "address of an hdfwriter file; keys: " + Hdf5Files.list(keys()));
        }
        String k = address.substring(0, slash);
        String[] rest = address.substring(slash + 1).split("/");
        Dataset d = key(k, r.name());
        CompoundDataMember m = null;
        List<String> names = new ArrayList<>();
        for (CompoundDataMember x : members(d)) {
            names.add(x.getName());
            if (x.getName().equals(rest[0])) {
                m = x;
            }
        }
        if (m == null) {
            throw new InputException(file, -1, "table '/" + k + "' has no field '" + rest[0] + "' (for column '"
                    + r.name() + "'); its fields: " + names);
        }
        String unit = unit(d, m.getName());
        if (m.getDataType() instanceof ArrayDataType a) {
            Element e = Element.of(a.getBaseType());
            int n = count(a);
            int index;
            boolean bool = false;
            if (isFilterPair(a) && (rest.length == 1 || rest[1].equals("condition") || rest[1].equals("prescale"))) {
                index = rest.length > 1 && rest[1].equals("prescale") ? 1 : 0;
                bool = true;
            } else if (rest.length == 2 && rest[1].matches("\\d+") && Integer.parseInt(rest[1]) < n && e != null) {
                index = Integer.parseInt(rest[1]);
            } else {
                throw new InputException(file, -1, "field '" + k + "/" + rest[0] + "' is an array of " + n + " "
                        + Element.describe(a.getBaseType()) + "; address one element as '" + k + "/" + rest[0]
                        + "/i' with i in [0, " + n + ")" + (isFilterPair(a) ? " or as '" + k + "/" + rest[0]
                        + "' (condition passed) and '" + k + "/" + rest[0] + "/prescale'" : "") + ", not '" + address + "'");
            }
            return new Field(k, e, m.getOffset() + index * a.getBaseType().getSize(), bool, unit);
        }
        Element e = Element.of(m.getDataType());
        if (e == null || rest.length > 1) {
            throw new InputException(file, -1, "field '" + k + "/" + rest[0] + "' is " + Element.describe(m.getDataType())
                    + (rest.length > 1 ? " and has no element '" + address + "'" : "; expected a numeric field"));
        }
        return new Field(k, e, m.getOffset(), false, unit);
    }

    private static String unit(Dataset d, String field) {
        for (Map.Entry<String, Attribute> a : d.getAttributes().entrySet()) {
            String name = a.getKey();
            if (name.startsWith("FIELD_") && name.endsWith("_NAME") && field.equals(Hdf5Files.text(scalar(a.getValue())))) {
                Attribute u = d.getAttribute(name.substring(0, name.length() - 5) + "_UNIT");
                return u == null ? "" : Hdf5Files.text(scalar(u)).strip();
            }
        }
        return "";
    }

    private static Object scalar(Attribute a) {
        Object v = a.getData();
        if (v != null && v.getClass().isArray() && java.lang.reflect.Array.getLength(v) == 1) {
            return java.lang.reflect.Array.get(v, 0);
        }
        return v;
    }

    /** Per key: the decoded row identity and exists flag. */
    private record KeyRows(String key, int rows, ColumnData run, ColumnData event, ColumnData subEvent, ColumnData exists) {
    }

    @Override
    public Part read(List<Request> requests) throws InputException {
        Map<String, List<FieldRead>> fieldsByKey = new LinkedHashMap<>();
        Map<String, KeyRows> keyRows = new LinkedHashMap<>();
        List<ColumnData> columns = new ArrayList<>();
        List<String> columnKey = new ArrayList<>();
        for (Request r : requests) {
            Field f = resolve(r);
            Dataset d = key(f.key(), r.name());
            int rows = d.getDimensions()[0];
            if (!keyRows.containsKey(f.key())) {
                List<FieldRead> reads = new ArrayList<>();
                ColumnData[] id = new ColumnData[4];
                String[] idFields = { "Run", "Event", "SubEvent", "exists" };
                for (CompoundDataMember m : members(d)) {
                    int at = List.of(idFields).indexOf(m.getName());
                    Element e = Element.of(m.getDataType());
                    if (at >= 0 && e != null) {
                        id[at] = ColumnData.allocate(m.getName(), at == 3 ? ColumnType.INT : ColumnType.LONG, "", rows);
                        reads.add(new FieldRead(e, m.getOffset(), id[at]));
                    }
                }
                if (id[0] == null || id[1] == null) {
                    throw new InputException(file, -1, "table '/" + f.key() + "' has no Run and Event fields; "
                            + "expected an hdfwriter table (Run, Event, SubEvent, SubEventStream, exists, ...)");
                }
                keyRows.put(f.key(), new KeyRows(f.key(), rows, id[0], id[1], id[2], id[3]));
                fieldsByKey.put(f.key(), reads);
            }
            ColumnData c = FieldRead.target(r.name(), f.unit(), f.element(), f.bool(), rows);
            fieldsByKey.get(f.key()).add(new FieldRead(f.element(), f.offset(), c));
            columns.add(c);
            columnKey.add(f.key());
        }
        List<BlockDecoder.Job> jobs = new ArrayList<>();
        for (Map.Entry<String, List<FieldRead>> e : fieldsByKey.entrySet()) {
            Dataset d = opened.get(e.getKey());
            jobs.add(new BlockDecoder.Job(new BlockSource(file, d, d.getDataType().getSize()), e.getValue()));
        }
        new BlockDecoder(ctx.threads(), ctx.monitor()).run(jobs);
        checkAlignment(new ArrayList<>(keyRows.values()));
        columns = handleMissing(columns, columnKey, keyRows);
        return new Part(file, name(), columns, rootAttributes(), livetime());
    }

    private void checkAlignment(List<KeyRows> keys) throws InputException {
        if (keys.isEmpty()) {
            return;
        }
        KeyRows ref = keys.get(0);
        for (KeyRows k : keys.subList(1, keys.size())) {
            if (k.rows() != ref.rows()) {
                throw new InputException(file, -1, "table '/" + k.key() + "' has " + k.rows() + " rows but '/" + ref.key()
                        + "' has " + ref.rows() + "; the tables of one file must align on (Run, Event, SubEvent) "
                        + "(one row per event; keys with several rows per event cannot be columns)");
            }
            for (int i = 0; i < k.rows(); i++) {
                if (id(ref, i) != id(k, i) || ((long[]) ref.run().values)[i] != ((long[]) k.run().values)[i]
                        || ((long[]) ref.event().values)[i] != ((long[]) k.event().values)[i]) {
                    throw new InputException(file, -1, "table '/" + k.key() + "' is not aligned with '/" + ref.key()
                            + "': row " + i + " is (Run, Event, SubEvent) = " + triple(k, i) + " but " + triple(ref, i)
                            + " in '/" + ref.key() + "'; the tables of one file must list the same events in the same order");
                }
            }
        }
    }

    private static long id(KeyRows k, int i) {
        return k.subEvent() == null ? 0 : ((long[]) k.subEvent().values)[i];
    }

    private static String triple(KeyRows k, int i) {
        return "(" + ((long[]) k.run().values)[i] + ", " + ((long[]) k.event().values)[i] + ", " + id(k, i) + ")";
    }

    private List<ColumnData> handleMissing(List<ColumnData> columns, List<String> columnKey, Map<String, KeyRows> keys) {
        Map<String, boolean[]> missing = new LinkedHashMap<>();
        int rows = keys.isEmpty() ? 0 : keys.values().iterator().next().rows();
        for (KeyRows k : keys.values()) {
            if (k.exists() == null) {
                continue;
            }
            int[] ex = (int[]) k.exists().values;
            boolean[] m = null;
            for (int i = 0; i < ex.length; i++) {
                if (ex[i] == 0) {
                    if (m == null) {
                        m = new boolean[ex.length];
                    }
                    m[i] = true;
                }
            }
            if (m != null) {
                missing.put(k.key(), m);
            }
        }
        if (missing.isEmpty()) {
            return columns;
        }
        List<ColumnData> out = new ArrayList<>();
        if (ctx.missingRows() == MissingRows.DROP) {
            boolean[] keep = new boolean[rows];
            int kept = 0;
            for (int i = 0; i < rows; i++) {
                boolean ok = true;
                for (boolean[] m : missing.values()) {
                    ok &= !m[i];
                }
                keep[i] = ok;
                kept += ok ? 1 : 0;
            }
            for (ColumnData c : columns) {
                out.add(c.filter(keep, kept));
            }
            ctx.warn().accept(file + ": dropped " + (rows - kept) + " of " + rows + " events where a key does not exist "
                    + "(exists == 0) in " + missing.keySet() + " (missing_rows: drop)");
        } else {
            for (int j = 0; j < columns.size(); j++) {
                boolean[] m = missing.get(columnKey.get(j));
                out.add(m == null ? columns.get(j) : columns.get(j).withMissing(m));
            }
        }
        return out;
    }

    private Map<String, Object> rootAttributes() {
        return Layout.attributes(hdf, PYTABLES_ATTRS);
    }

    private Double livetime() throws InputException {
        Object a = rootAttributes().get(FlatLayout.LIVETIME);
        if (a instanceof Number n) {
            return n.doubleValue();
        }
        if (children != null && children.get(FlatLayout.LIVETIME) instanceof Dataset d) {
            return FlatLayout.sideTable(file, d);
        }
        if (links != null && links.containsKey(FlatLayout.LIVETIME)
                && hdf.getNodeByAddress(links.get(FlatLayout.LIVETIME)) instanceof Dataset d) {
            return FlatLayout.sideTable(file, d);
        }
        return null;
    }
}
