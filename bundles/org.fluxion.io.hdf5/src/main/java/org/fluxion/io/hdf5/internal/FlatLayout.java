package org.fluxion.io.hdf5.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.fluxion.api.data.ColumnType;
import org.fluxion.api.workflow.InputException;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;

/**
 * The Fluxion flat layout: one group per sample, one 1-D dataset per column (float64, float32,
 * int64, int32, uint8 booleans), metadata as group attributes, optional {@code unit} attribute per
 * dataset, and an optional {@code livetime_s} side table (1-D, summed) in the group or at the root.
 * Columns are addressed by dataset name (a path below the group also works).
 */
final class FlatLayout implements Layout {
    static final String LIVETIME = "livetime_s";

    private final Path file;
    private final HdfFile hdf;
    private final Group group;
    private final Context ctx;

    FlatLayout(Path file, HdfFile hdf, Group group, Context ctx) {
        this.file = file;
        this.hdf = hdf;
        this.group = group;
        this.ctx = ctx;
    }

    @Override
    public String name() {
        return "flat";
    }

    @Override
    public List<String> columns() {
        List<String> out = new ArrayList<>();
        for (Node n : group.getChildren().values()) {
            if (n instanceof Dataset d && !n.getName().equals(LIVETIME) && !d.isCompound()
                    && Element.of(d.getDataType()) != null) {
                out.add(n.getName());
            }
        }
        return out;
    }

    @Override
    public String modelAddress(String model) {
        return group.getChildren().get(model) instanceof Dataset ? model : null;
    }

    @Override
    public Part read(List<Request> requests) throws InputException {
        List<BlockDecoder.Job> jobs = new ArrayList<>();
        List<ColumnData> columns = new ArrayList<>();
        Dataset firstSet = null;
        for (Request r : requests) {
            Node n = find(r.address());
            if (!(n instanceof Dataset d)) {
                throw new InputException(file, -1, "group '" + Hdf5Files.path(group) + "' has no dataset '" + r.address()
                        + "' (for column '" + r.name() + "'); available: " + Hdf5Files.list(columns()));
            }
            int[] dims = d.getDimensions();
            Element e = Element.of(d.getDataType());
            if (dims.length != 1 || e == null) {
                throw new InputException(file, -1, "dataset '" + d.getPath() + "' must be a 1-D numeric column "
                        + "(float64, float32, int64, int32, uint8) but is " + Element.describe(d.getDataType())
                        + " of shape " + java.util.Arrays.toString(dims));
            }
            if (firstSet != null && dims[0] != firstSet.getDimensions()[0]) {
                throw new InputException(file, -1, "length mismatch in group '" + Hdf5Files.path(group) + "': dataset '"
                        + d.getName() + "' has " + dims[0] + " rows but '" + firstSet.getName() + "' has "
                        + firstSet.getDimensions()[0] + "; every column of a sample must have the same length");
            }
            if (firstSet == null) {
                firstSet = d;
            }
            boolean bool = e.kind() == Element.Kind.U8 || e.kind() == Element.Kind.BOOL8;
            ColumnData c = FieldRead.target(r.name(), unit(d), e, bool, dims[0]);
            columns.add(c);
            jobs.add(new BlockDecoder.Job(new BlockSource(file, d, e.kind().size), List.of(new FieldRead(e, 0, c))));
        }
        new BlockDecoder(ctx.threads(), ctx.monitor()).run(jobs);
        return new Part(file, name(), columns, Layout.attributes(group, List.of()), livetime());
    }

    private Node find(String address) {
        Node n = group.getChildren().get(address);
        if (n == null && address.contains("/")) {
            try {
                n = group.getByPath(address);
            } catch (RuntimeException e) {
                n = null;
            }
        }
        return n;
    }

    private static String unit(Dataset d) {
        Attribute u = d.getAttribute("unit");
        if (u == null) {
            return "";
        }
        Object v = u.getData();
        if (v != null && v.getClass().isArray() && java.lang.reflect.Array.getLength(v) == 1) {
            v = java.lang.reflect.Array.get(v, 0);
        }
        return Hdf5Files.text(v).strip();
    }

    /** @return the livetime from the group attribute, else the side table in the group or at the root, else null */
    private Double livetime() throws InputException {
        Map<String, Object> attrs = Layout.attributes(group, List.of());
        Object a = attrs.get(LIVETIME);
        if (a instanceof Number n) {
            return n.doubleValue();
        }
        Node side = group.getChildren().get(LIVETIME);
        if (side == null && hdf.getChildren().get(LIVETIME) != null) {
            side = hdf.getChildren().get(LIVETIME);
        }
        return side instanceof Dataset d ? sideTable(file, d) : null;
    }

    /** @return the sum of a 1-D numeric side table */
    static double sideTable(Path file, Dataset d) throws InputException {
        Element e = Element.of(d.getDataType());
        if (e == null || d.getDimensions().length > 1) {
            throw new InputException(file, -1, "livetime side table '" + d.getPath() + "' must be a scalar or 1-D "
                    + "numeric dataset of seconds but is " + Element.describe(d.getDataType()));
        }
        int n = d.getDimensions().length == 0 ? 1 : d.getDimensions()[0];
        ColumnData c = ColumnData.allocate(LIVETIME, ColumnType.DOUBLE, "s", n);
        BlockSource s = new BlockSource(file, d, e.kind().size);
        for (int k = 0; k < s.blockCount(); k++) {
            new FieldRead(e, 0, c).decode(s.block(k), s.blockRows(k), e.kind().size, s.blockFirstRow(k));
        }
        double sum = 0;
        for (double v : (double[]) c.values) {
            sum += v;
        }
        if (!(sum > 0) || Double.isInfinite(sum)) {
            throw new InputException(file, -1, "livetime side table '" + d.getPath() + "' sums to " + sum
                    + " s; expected a positive livetime");
        }
        return sum;
    }
}
