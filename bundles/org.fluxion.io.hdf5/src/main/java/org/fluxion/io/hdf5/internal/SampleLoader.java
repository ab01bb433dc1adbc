package org.fluxion.io.hdf5.internal;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

import org.fluxion.api.data.ColumnType;
import org.fluxion.api.data.EventTable;
import org.fluxion.api.workflow.InputException;
import org.fluxion.api.workflow.ProgressMonitor;
import org.fluxion.io.hdf5.Hdf5InputSettings;
import org.fluxion.io.hdf5.Hdf5LoadSettings.MissingRows;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;

/**
 * Reads one sample from its files: detects each file's layout, reads the requested columns (plus the
 * flux-model weight for MC), checks the weight, concatenates the files and merges their metadata.
 * One instance per sample; not thread-safe (it uses worker threads internally).
 */
public final class SampleLoader {
    /** Attributes summed over the files of a sample. */
    private static final List<String> SUMMED = List.of("n_generated", FlatLayout.LIVETIME);
    /** Name of the column that repeats the flux-model weight. */
    public static final String WEIGHT = "weight";

    private final String sample;
    private final Hdf5InputSettings input;
    private final List<List<String>> keys;
    private final String model;
    private final boolean cutException;
    private final Layout.Context ctx;

    /**
     * @param sample       sample (table) name
     * @param input        where and what the sample is
     * @param keys         {@code [name_to_save, name_in_hdf5]} pairs, or null for every column
     * @param model        weight column of the flux model, "" for none (only used for MC)
     * @param missingRows  handling of hdfwriter rows with {@code exists == 0}
     * @param cutException whether the later cuts skip this sample
     * @param threads      decoding threads, >= 1
     * @param monitor      progress in decoded bytes and cancellation
     * @param warnings     receives warnings
     */
    public SampleLoader(String sample, Hdf5InputSettings input, List<List<String>> keys, String model,
            MissingRows missingRows, boolean cutException, int threads, ProgressMonitor monitor, Consumer<String> warnings) {
        this.sample = Objects.requireNonNull(sample, "sample");
        this.input = Objects.requireNonNull(input, "input");
        this.keys = keys;
        this.model = input.type() == Hdf5InputSettings.Type.MC ? Objects.requireNonNullElse(model, "") : "";
        this.cutException = cutException;
        this.ctx = new Layout.Context(threads, monitor, warnings, missingRows);
    }

    /** Reads and concatenates {@code files} (in this order). */
    public EventTable read(List<Path> files) throws InputException, IOException {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("sample '" + sample + "': no files to read");
        }
        ctx.monitor().begin("reading sample '" + sample + "' from " + files.size() + " HDF5 file(s)", -1);
        List<Layout.Part> parts = new ArrayList<>();
        for (Path f : files) {
            parts.add(readFile(f));
        }
        return assemble(parts);
    }

    private Layout.Part readFile(Path file) throws InputException, IOException {
        if (!input.hdf5()) {
            throw new InputException(file, -1, "input '" + sample + "' is configured with 'hdf5: false' (a .pickle "
                    + "file); Java cannot read Python pickles. " + Hdf5Files.PICKLE_RECIPE
                    + ", then set 'hdf5: true' and point 'path' at the new file");
        }
        try (HdfFile hdf = Hdf5Files.open(file)) {
            Layout layout = detect(file, hdf);
            List<Layout.Request> requests = new ArrayList<>();
            if (keys != null) {
                for (List<String> p : keys) {
                    requests.add(new Layout.Request(p.get(0), p.get(1)));
                }
            } else {
                for (String c : layout.columns()) {
                    requests.add(new Layout.Request(c, c));
                }
            }
            int modelIndex = -1;
            if (!model.isEmpty()) {
                for (int i = 0; i < requests.size() && modelIndex < 0; i++) {
                    if (requests.get(i).name().equals(model)) {
                        modelIndex = i;
                    }
                }
                if (modelIndex < 0) {
                    String address = layout.modelAddress(model);
                    if (address == null && input.level() == Hdf5InputSettings.Level.L2) {
                        throw new InputException(file, -1, "MC sample '" + sample + "' has no weight column for flux model '"
                                + model + "' (config key 'model'); available: " + Hdf5Files.list(layout.columns()));
                    }
                    if (address == null) {
                        ctx.warn().accept(file + ": L0 sample '" + sample + "' has no weight column '" + model
                                + "'; it is loaded without weights");
                    } else {
                        modelIndex = requests.size();
                        requests.add(new Layout.Request(model, address));
                    }
                }
            }
            if (requests.isEmpty()) {
                throw new InputException(file, -1, "empty table: the " + layout.name() + " layout of sample '" + sample
                        + "' has no numeric columns");
            }
            Layout.Part part = layout.read(requests);
            int rows = part.columns().get(0).size();
            if (rows == 0) {
                throw new InputException(file, -1, "empty table: sample '" + sample + "' (" + layout.name()
                        + " layout) has 0 events in " + requests.get(0).address() + "; expected at least one");
            }
            if (modelIndex >= 0) {
                checkWeight(file, part.columns().get(modelIndex), requests.get(modelIndex).address());
            }
            return part;
        } catch (HdfException | BufferUnderflowException e) {
            if (Hdf5Files.isNegativeEnum(e)) {
                throw NegativeEnum.error(file, "?", "?", e);
            }
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            throw new InputException(file, -1, "cannot read the HDF5 structure: " + e.getMessage()
                    + (root != e ? " (" + root.getMessage() + ")" : "")
                    + (String.valueOf(root.getMessage()).contains("more bytes than available")
                            ? "; the file is truncated or damaged" : ""), e);
        }
    }

    private Layout detect(Path file, HdfFile hdf) throws InputException {
        Map<String, Node> ch;
        try {
            ch = hdf.getChildren();
        } catch (HdfException e) {
            if (Hdf5Files.isNegativeEnum(e)) {
                ctx.warn().accept(file + ": a table has an HDF5 ENUM with a negative member value, which jhdf 0.13.0 "
                        + "cannot parse; opening the hdfwriter keys one by one");
                return new HdfWriterLayout(file, hdf, null, ctx);
            }
            throw e;
        }
        if (ch.containsKey(HdfWriterLayout.INDEX)) {
            return new HdfWriterLayout(file, hdf, ch, ctx);
        }
        List<String> groups = new ArrayList<>();
        boolean compoundAtRoot = false;
        for (Node n : ch.values()) {
            if (n instanceof Group) {
                groups.add(n.getName());
            } else if (n instanceof Dataset d && d.isCompound()) {
                compoundAtRoot = true;
            }
        }
        Group g;
        String wanted = input.group().startsWith("/") ? input.group().substring(1) : input.group();
        if (!wanted.isEmpty()) {
            Node n = wanted.contains("/") ? safeByPath(hdf, wanted) : ch.get(wanted);
            if (!(n instanceof Group gg)) {
                throw new InputException(file, -1, "no group '" + input.group() + "' (config key 'group' of input '"
                        + sample + "'); groups at the root: " + groups);
            }
            g = gg;
        } else if (ch.get(sample) instanceof Group gg) {
            g = gg;
        } else if (groups.size() == 1) {
            g = (Group) ch.get(groups.get(0));
        } else if (compoundAtRoot) {
            return new HdfWriterLayout(file, hdf, ch, ctx);
        } else {
            throw new InputException(file, -1, groups.isEmpty()
                    ? "no sample group and no hdfwriter tables at the root (expected /<sample>/<column> datasets, "
                            + "IceCube hdfwriter tables or a pandas HDFStore); root holds: " + ch.keySet()
                    : "cannot tell which group holds sample '" + sample + "': groups " + groups
                            + "; set 'group' in input '" + sample + "'");
        }
        Attribute pandas = g.getAttribute("pandas_type");
        if (pandas != null) {
            return new PandasLayout(file, g, Hdf5Files.text(scalar(pandas.getData())), ctx);
        }
        return new FlatLayout(file, hdf, g, ctx);
    }

    private static Node safeByPath(HdfFile hdf, String path) {
        try {
            return hdf.getByPath(path);
        } catch (HdfException e) {
            return null;
        }
    }

    private static Object scalar(Object v) {
        if (v != null && v.getClass().isArray() && java.lang.reflect.Array.getLength(v) == 1) {
            return java.lang.reflect.Array.get(v, 0);
        }
        return v;
    }

    private void checkWeight(Path file, ColumnData w, String address) throws InputException {
        if (w.type != ColumnType.DOUBLE && w.type != ColumnType.FLOAT) {
            throw new InputException(file, -1, "weight column '" + address + "' of flux model '" + model + "' is "
                    + w.type.name().toLowerCase(java.util.Locale.ROOT) + "; expected floating-point weights (float64 or "
                    + "float32, in Hz per event)");
        }
        int bad = 0;
        int first = -1;
        for (int i = 0, n = w.size(); i < n; i++) {
            double v = w.getDouble(i);
            if (!Double.isFinite(v)) {
                bad++;
                if (first < 0) {
                    first = i;
                }
            }
        }
        if (bad > 0) {
            throw new InputException(file, -1, "weight column '" + address + "' of flux model '" + model + "' has " + bad
                    + " NaN or infinite value(s), the first in row " + first + " (0-based) of " + w.size()
                    + "; expected finite weights for every event");
        }
    }

    private EventTable assemble(List<Layout.Part> parts) throws InputException {
        Layout.Part first = parts.get(0);
        int nCols = first.columns().size();
        List<ColumnData> merged = new ArrayList<>();
        for (int j = 0; j < nCols; j++) {
            List<ColumnData> pieces = new ArrayList<>();
            ColumnData ref = first.columns().get(j);
            for (Layout.Part p : parts) {
                if (p.columns().size() != nCols) {
                    throw new InputException(p.file(), -1, "has " + p.columns().size() + " columns but " + first.file()
                            + " has " + nCols + " for sample '" + sample + "'");
                }
                ColumnData c = p.columns().get(j);
                if (c.type != ref.type) {
                    throw new InputException(p.file(), -1, "column '" + c.name + "' is " + c.type + " here but " + ref.type
                            + " in " + first.file() + "; the files of sample '" + sample + "' must share column types");
                }
                pieces.add(c);
            }
            merged.add(ColumnData.concat(pieces));
        }
        EventTable.Builder b = EventTable.builder(sample);
        boolean weighted = !model.isEmpty() && merged.stream().anyMatch(c -> c.name.equals(model));
        for (ColumnData c : merged) {
            b.add(c.toColumn());
        }
        if (weighted && merged.stream().noneMatch(c -> c.name.equals(WEIGHT))) {
            ColumnData w = merged.stream().filter(c -> c.name.equals(model)).findFirst().orElseThrow();
            b.add(w.renamed(WEIGHT).toColumn()); // shares the immutable array
        }
        Map<String, Object> attrs = mergeAttributes(parts);
        attrs.remove(FlatLayout.LIVETIME);
        String fileType = attrs.get("data_type") instanceof String s ? s : null;
        String fileLevel = attrs.get("data_level") instanceof String s ? s : null;
        if (fileType != null && !fileType.equalsIgnoreCase(input.type().label())) {
            ctx.warn().accept("sample '" + sample + "': the files say data_type '" + fileType + "' but the configuration says '"
                    + input.type().label() + "'; using the configuration");
        }
        if (fileLevel != null && !fileLevel.equalsIgnoreCase(input.level().name())) {
            ctx.warn().accept("sample '" + sample + "': the files say data_level '" + fileLevel + "' but the configuration says '"
                    + input.level().name() + "'; using the configuration");
        }
        attrs.put("data_type", input.type().label());
        attrs.put("data_level", input.level().name());
        if (input.readLivetime()) {
            double sum = 0;
            for (Layout.Part p : parts) {
                if (p.livetimeS() == null) {
                    throw new InputException(p.file(), -1, "no livetime for sample '" + sample + "' (read_livetime: true): "
                            + "expected a group or root attribute 'livetime_s' or a side table dataset 'livetime_s' "
                            + "(seconds; give 'livetime_s' in the configuration instead if the files have none)");
                }
                sum += p.livetimeS();
            }
            attrs.put(FlatLayout.LIVETIME, sum);
        } else if (input.livetimeS() != null) {
            attrs.put(FlatLayout.LIVETIME, input.livetimeS());
        }
        if (weighted) {
            attrs.put("weight_column", model);
        }
        attrs.put("cut_exception", cutException);
        attrs.put("layout", first.layout());
        List<String> names = new ArrayList<>();
        for (Layout.Part p : parts) {
            names.add(p.file().getFileName().toString());
        }
        attrs.put("source_files", String.join(", ", names));
        attrs.put("row_count", (long) merged.get(0).size());
        for (Map.Entry<String, Object> e : attrs.entrySet()) {
            b.attribute(e.getKey(), e.getValue());
        }
        return b.build();
    }

    private Map<String, Object> mergeAttributes(List<Layout.Part> parts) {
        Map<String, Object> out = new LinkedHashMap<>(parts.get(0).attributes());
        Set<String> differing = new LinkedHashSet<>();
        for (Layout.Part p : parts.subList(1, parts.size())) {
            for (Map.Entry<String, Object> e : p.attributes().entrySet()) {
                Object mine = out.get(e.getKey());
                if (SUMMED.contains(e.getKey()) && mine instanceof Number a && e.getValue() instanceof Number c) {
                    out.put(e.getKey(), a instanceof Long && c instanceof Long ? (Object) (a.longValue() + c.longValue())
                            : (Object) (a.doubleValue() + c.doubleValue()));
                } else if (!Objects.equals(mine, e.getValue())) {
                    differing.add(e.getKey());
                }
            }
        }
        if (!differing.isEmpty()) {
            ctx.warn().accept("sample '" + sample + "': attributes " + differing + " differ between its files; "
                    + "keeping the values of " + parts.get(0).file().getFileName());
        }
        return out;
    }
}
