package org.fluxion.io.hdf5.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.fluxion.api.workflow.InputException;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.exceptions.HdfException;
import io.jhdf.exceptions.HdfFilterException;
import io.jhdf.filter.PipelineFilterWithData;

/**
 * Opening HDF5 files with jhdf and turning jhdf's failures into {@link InputException}s that name the
 * file, the dataset and what was expected. Stateless.
 */
final class Hdf5Files {
    private static final byte[] SIGNATURE = { (byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n' };
    private static final byte[] PICKLE_PROTO = { (byte) 0x80 };

    private Hdf5Files() {
    }

    /** Where docs/inputs.md explains the pickle conversion. */
    static final String PICKLE_RECIPE = "convert it once with Python to the Fluxion flat HDF5 layout, e.g. "
            + "python3 -c \"import pandas as pd, h5py; d = pd.read_pickle('IN.pickle'); f = h5py.File('OUT.h5', 'w'); "
            + "g = f.create_group('SAMPLE'); [g.create_dataset(c, data=d[c].to_numpy()) for c in d]\" "
            + "(docs/inputs.md, 'Pickle inputs', has the full recipe with attributes)";

    /**
     * Opens an HDF5 file after checking that it exists, carries the HDF5 signature and is as long as
     * its superblock says.
     *
     * @throws InputException for a missing file, a pickle, a non-HDF5 file or a truncated file
     */
    static HdfFile open(Path file) throws InputException, IOException {
        if (!Files.exists(file)) {
            throw new InputException(file, -1, "file not found");
        }
        if (!Files.isRegularFile(file)) {
            throw new InputException(file, -1, "not a regular file (expected an HDF5 file)");
        }
        byte[] head = new byte[16];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        if (isPickle(file, head, n)) {
            throw new InputException(file, -1, "this is a Python pickle; Java cannot read pickles (they are Python "
                    + "object graphs). " + PICKLE_RECIPE);
        }
        boolean signature = n >= 8 && java.util.Arrays.equals(head, 0, 8, SIGNATURE, 0, 8);
        if (!signature && Files.size(file) < 512) {
            throw new InputException(file, -1, "not an HDF5 file: it is " + Files.size(file) + " bytes long and starts with '"
                    + printable(head, n) + "' instead of the HDF5 signature \\x89HDF\\r\\n\\x1a\\n");
        }
        HdfFile hdf;
        try {
            hdf = new HdfFile(file);
        } catch (HdfException e) {
            if (String.valueOf(e.getMessage()).contains("signature")) {
                throw new InputException(file, -1, "not an HDF5 file: no HDF5 signature at offset 0, 512, 1024, ... "
                        + "(starts with '" + printable(head, n) + "')", e);
            }
            throw new InputException(file, -1, "cannot open as HDF5: " + e.getMessage(), e);
        }
        try {
            long eof = hdf.getHdfBackingStorage().getSuperblock().getEndOfFileAddress()
                    + hdf.getHdfBackingStorage().getSuperblock().getBaseAddressByte();
            long size = Files.size(file);
            if (eof > 0 && size < eof) {
                hdf.close();
                throw new InputException(file, -1, "truncated HDF5 file: it has " + size + " bytes but its superblock "
                        + "says it ends at byte " + eof + " (copy it again; an interrupted transfer leaves this)");
            }
        } catch (HdfException e) {
            hdf.close();
            throw new InputException(file, -1, "damaged HDF5 superblock: " + e.getMessage(), e);
        }
        return hdf;
    }

    private static boolean isPickle(Path file, byte[] head, int n) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".pickle") || name.endsWith(".pkl") || name.endsWith(".p")) {
            return true;
        }
        return n >= 2 && head[0] == PICKLE_PROTO[0] && head[1] >= 2 && head[1] <= 5;
    }

    private static String printable(byte[] head, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            int c = head[i] & 0xFF;
            sb.append(c >= 32 && c < 127 ? String.valueOf((char) c) : String.format("\\x%02x", c));
        }
        return sb.toString();
    }

    /**
     * @return the filter pipeline of {@code dataset}
     * @throws InputException naming the dataset, the filter and the fix if jhdf lacks a filter
     */
    static List<PipelineFilterWithData> filters(Path file, Dataset dataset) throws InputException {
        try {
            return dataset.getFilters();
        } catch (HdfFilterException e) {
            throw unsupportedFilter(file, dataset.getPath(), e);
        }
    }

    static InputException unsupportedFilter(Path file, String dataset, HdfFilterException e) {
        String msg = String.valueOf(e.getMessage());
        String filter = msg;
        int at = msg.indexOf("name='");
        if (at >= 0) {
            int end = msg.indexOf('\'', at + 6);
            filter = msg.substring(at + 6, end < 0 ? msg.length() : end);
            int id = msg.indexOf("id=");
            if (id >= 0) {
                filter += " (HDF5 filter " + msg.substring(id + 3).trim() + ")";
            }
        }
        return new InputException(file, -1, "dataset '" + dataset + "' is compressed with " + filter
                + ", which jhdf cannot decode (supported: gzip/deflate, shuffle, fletcher32, lzf, lz4, bitshuffle). "
                + "Fix: rewrite the file with gzip, e.g. 'ptrepack --complib=zlib --complevel=1 IN.h5 OUT.h5' or "
                + "'h5repack -f GZIP=1 IN.h5 OUT.h5', or in pandas to_hdf(..., complib=\"zlib\")", e);
    }

    /** @return an InputException for a jhdf failure while reading {@code dataset} */
    static InputException readFailure(Path file, String dataset, HdfException e) {
        if (e instanceof HdfFilterException f && String.valueOf(f.getMessage()).contains("not available")) {
            return unsupportedFilter(file, dataset, f);
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String why = root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + root.getMessage() + ")";
        if (why.contains("more bytes than available")) {
            return new InputException(file, -1, "dataset '" + dataset + "' reaches past the end of the file: "
                    + "the file is truncated or damaged (" + why + ")", e);
        }
        return new InputException(file, -1, "cannot read dataset '" + dataset + "': " + why, e);
    }

    /** @return whether {@code t} (or a cause) is jhdf 0.13.0's failure on an ENUM with a negative member value */
    static boolean isNegativeEnum(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ArithmeticException && String.valueOf(c.getMessage()).contains("unsigned")) {
                for (StackTraceElement s : c.getStackTrace()) {
                    if (s.getClassName().endsWith("EnumDataType")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** @return names of a list for messages, at most 40 shown */
    static String list(List<String> names) {
        if (names.size() <= 40) {
            return names.toString();
        }
        List<String> first = new ArrayList<>(names.subList(0, 40));
        first.add("... " + (names.size() - 40) + " more");
        return first.toString();
    }

    /** @return the HDF5 path of a node without jhdf's trailing slash on groups */
    static String path(io.jhdf.api.Node node) {
        String p = node.getPath();
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    /** @return text of a byte string attribute or dataset element */
    static String text(Object o) {
        if (o instanceof byte[] b) {
            return new String(b, StandardCharsets.UTF_8);
        }
        return String.valueOf(o);
    }
}
