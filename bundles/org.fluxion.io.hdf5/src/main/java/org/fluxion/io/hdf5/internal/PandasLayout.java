package org.fluxion.io.hdf5.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fluxion.api.workflow.InputException;

import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.object.datatype.ArrayDataType;
import io.jhdf.object.datatype.CompoundDataType;
import io.jhdf.object.datatype.CompoundDataType.CompoundDataMember;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.datatype.VariableLength;

/**
 * pandas {@code HDFStore} frames written by PyTables. {@code format='table'}
 * ({@code pandas_type = frame_table}): one compound dataset {@code <key>/table} whose packed
 * {@code values_block_N} array fields hold the columns listed in the pickled {@code values_block_N_kind}
 * attribute, and one scalar field per data column. {@code format='fixed'} ({@code pandas_type = frame}):
 * per dtype block a 2-D {@code blockN_values} dataset with the column names in {@code blockN_items}.
 * Columns are addressed by their pandas name. Pickled object blocks cannot be read from Java: asking
 * for one of their columns gives an error naming the dataset and the fix.
 */
final class PandasLayout implements Layout {
    private final Path file;
    private final Group group;
    private final Context ctx;
    private final boolean table;
    /** column name → where it is. */
    private final Map<String, Slot> slots = new LinkedHashMap<>();

    /** Where a pandas column is: a dataset, the byte offset in its record, the element type, a flag. */
    private record Slot(Dataset dataset, int recordSize, Element element, int offset, boolean bool, String objectBlock) {
    }

    PandasLayout(Path file, Group group, String pandasType, Context ctx) throws InputException {
        this.file = file;
        this.group = group;
        this.ctx = ctx;
        switch (pandasType) {
            case "frame_table" -> {
                table = true;
                indexTable();
            }
            case "frame" -> {
                table = false;
                indexFixed();
            }
            default -> throw new InputException(file, -1, "pandas key '" + Hdf5Files.path(group) + "' holds a '" + pandasType
                    + "'; only DataFrames (pandas_type 'frame' or 'frame_table') can be read as event tables");
        }
    }

    private void indexTable() throws InputException {
        Node n = group.getChildren().get("table");
        if (!(n instanceof Dataset d) || !d.isCompound()) {
            throw new InputException(file, -1, "pandas table '" + Hdf5Files.path(group) + "' has no compound dataset 'table'");
        }
        Hdf5Files.filters(file, d);
        int record = d.getDataType().getSize();
        for (CompoundDataMember m : ((CompoundDataType) d.getDataType()).getMembers()) {
            if (m.getName().equals("index")) {
                continue;
            }
            List<String> names = kind(d, m.getName());
            String dtype = attributeText(d, m.getName() + "_dtype");
            DataType t = m.getDataType();
            DataType base = t instanceof ArrayDataType a ? a.getBaseType() : t;
            Element e = Element.of(base);
            int stride = base.getSize();
            for (int j = 0; j < names.size(); j++) {
                boolean bool = "bool".equals(dtype) || (e != null && e.kind() == Element.Kind.BOOL8);
                slots.put(names.get(j), new Slot(d, record, e, m.getOffset() + j * stride, bool,
                        e == null ? d.getPath() + " field " + m.getName() + " (" + (dtype == null ? Element.describe(base) : dtype) + ")" : null));
            }
        }
    }

    private List<String> kind(Dataset d, String field) throws InputException {
        String pickled = attributeText(d, field + "_kind");
        if (pickled == null) {
            return List.of(field); // a data column without a kind attribute
        }
        try {
            return PandasPickle.stringList(pickled);
        } catch (RuntimeException e) {
            throw new InputException(file, -1, "pandas table '" + d.getPath() + "': attribute '" + field + "_kind' "
                    + "should be a pickled list of column names but cannot be read: " + e.getMessage(), e);
        }
    }

    private static String attributeText(Node n, String name) {
        Attribute a = n.getAttribute(name);
        if (a == null) {
            return null;
        }
        Object v = a.getData();
        if (v != null && v.getClass().isArray() && java.lang.reflect.Array.getLength(v) == 1) {
            v = java.lang.reflect.Array.get(v, 0);
        }
        return Hdf5Files.text(v);
    }

    private void indexFixed() throws InputException {
        Map<String, Node> ch = group.getChildren();
        for (int b = 0; ch.containsKey("block" + b + "_items"); b++) {
            Node items = ch.get("block" + b + "_items");
            Node values = ch.get("block" + b + "_values");
            if (!(items instanceof Dataset id) || !(values instanceof Dataset vd)) {
                throw new InputException(file, -1, "pandas fixed frame '" + Hdf5Files.path(group) + "': block " + b
                        + " lacks 'block" + b + "_values'");
            }
            List<String> names = new ArrayList<>();
            Object data = id.getData();
            if (data instanceof String[] s) {
                names.addAll(List.of(s));
            } else {
                throw new InputException(file, -1, "pandas fixed frame: '" + id.getPath()
                        + "' should hold the column names as strings but is " + Element.describe(id.getDataType()));
            }
            DataType t = vd.getDataType();
            Element e = Element.of(t);
            int[] dims = vd.getDimensions();
            boolean objects = t instanceof VariableLength || "object".equals(attributeText(vd, "PSEUDOATOM"));
            for (int j = 0; j < names.size(); j++) {
                if (objects || e == null || dims.length != 2) {
                    slots.put(names.get(j), new Slot(vd, 0, null, 0, false,
                            vd.getPath() + (objects ? " (pickled Python objects)" : " (" + Element.describe(t) + ")")));
                } else {
                    slots.put(names.get(j), new Slot(vd, dims[1] * t.getSize(), e, j * t.getSize(),
                            e.kind() == Element.Kind.BOOL8, null));
                }
            }
        }
        if (ch.get("axis0") instanceof Dataset axis && axis.getData() instanceof String[] order) {
            Map<String, Slot> ordered = new LinkedHashMap<>();
            for (String c : order) {
                if (slots.containsKey(c)) {
                    ordered.put(c, slots.get(c));
                }
            }
            ordered.putAll(slots);
            slots.clear();
            slots.putAll(ordered);
        }
    }

    @Override
    public String name() {
        return table ? "pandas table" : "pandas fixed";
    }

    @Override
    public List<String> columns() {
        return new ArrayList<>(slots.keySet());
    }

    @Override
    public String modelAddress(String model) {
        return slots.containsKey(model) ? model : null;
    }

    @Override
    public Part read(List<Request> requests) throws InputException {
        Map<Dataset, List<FieldRead>> byDataset = new LinkedHashMap<>();
        List<ColumnData> columns = new ArrayList<>();
        int rows = -1;
        for (Request r : requests) {
            Slot s = slots.get(r.address());
            if (s == null) {
                throw new InputException(file, -1, "pandas frame '" + Hdf5Files.path(group) + "' has no column '" + r.address()
                        + "' (for column '" + r.name() + "'); available: " + Hdf5Files.list(columns()));
            }
            if (s.objectBlock() != null) {
                throw new InputException(file, -1, "pandas column '" + r.address() + "' is stored in " + s.objectBlock()
                        + ", which Java cannot read. Fix: convert it in pandas before saving, e.g. "
                        + "df['" + r.address() + "'] = df['" + r.address() + "'].astype('category').cat.codes "
                        + "(or to a numeric dtype), or leave it out of 'keys'");
            }
            int n = s.dataset().getDimensions()[0];
            if (rows >= 0 && n != rows) {
                throw new InputException(file, -1, "length mismatch in pandas frame '" + Hdf5Files.path(group) + "': '"
                        + s.dataset().getPath() + "' has " + n + " rows but an earlier block has " + rows);
            }
            rows = n;
            ColumnData c = FieldRead.target(r.name(), "", s.element(), s.bool(), n);
            byDataset.computeIfAbsent(s.dataset(), k -> new ArrayList<>()).add(new FieldRead(s.element(), s.offset(), c));
            columns.add(c);
        }
        List<BlockDecoder.Job> jobs = new ArrayList<>();
        for (Map.Entry<Dataset, List<FieldRead>> e : byDataset.entrySet()) {
            Dataset d = e.getKey();
            int record = slots.values().stream().filter(s -> s.dataset() == d).findFirst().orElseThrow().recordSize();
            jobs.add(new BlockDecoder.Job(new BlockSource(file, d, record), e.getValue()));
        }
        new BlockDecoder(ctx.threads(), ctx.monitor()).run(jobs);
        return new Part(file, name(), columns, Map.of("pandas_key", Hdf5Files.path(group)), null);
    }
}
