package org.fluxion.io.hdf5.internal;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import org.fluxion.api.workflow.InputException;

import io.jhdf.api.Dataset;
import io.jhdf.api.dataset.ChunkedDataset;
import io.jhdf.api.dataset.ContiguousDataset;
import io.jhdf.dataset.DatasetBase;
import io.jhdf.exceptions.HdfException;
import io.jhdf.filter.PipelineFilterWithData;

/**
 * The rows of a 1-D dataset (or a 2-D dataset read row by row) as independent blocks of raw,
 * decompressed records, so that blocks can be decoded on several threads. Chunked datasets give one
 * block per chunk: the common deflate/shuffle pipeline is decoded here (an {@link Inflater} per chunk,
 * no shared state), any other pipeline through jhdf's {@link ChunkedDataset#getDecompressedChunk}.
 * Contiguous datasets are cut into blocks of the file's mapped buffer; other layouts give one block.
 * Thread-safe: {@link #block} may be called concurrently.
 */
final class BlockSource {
    /** Rows per block of a contiguous dataset. */
    static final int CONTIGUOUS_BLOCK_BYTES = 4 << 20;

    private final Path file;
    private final Dataset dataset;
    private final int rows;
    private final int recordSize;
    private final int rowsPerBlock;
    private final Mode mode;
    private final int[] chunkDims;
    private final boolean ownPipeline;
    private final int shuffleSize;
    private final boolean deflate;
    private volatile ByteBuffer whole;

    private enum Mode { CHUNKED, CONTIGUOUS, WHOLE }

    /**
     * @param file       the file, for messages
     * @param dataset    a 1-D or 2-D dataset of fixed-size records
     * @param recordSize bytes per row (element size times the row width of a 2-D dataset)
     * @throws InputException if the dataset uses a filter jhdf cannot decode (names dataset, filter, fix)
     */
    BlockSource(Path file, Dataset dataset, int recordSize) throws InputException {
        this.file = file;
        this.dataset = dataset;
        int[] dims = dataset.getDimensions();
        this.rows = dims.length == 0 ? 1 : dims[0];
        this.recordSize = recordSize;
        List<PipelineFilterWithData> filters = Hdf5Files.filters(file, dataset);
        int[] cd = null;
        Mode m = Mode.WHOLE;
        if (dataset instanceof ChunkedDataset c && dims.length >= 1) {
            cd = c.getChunkDimensions();
            boolean fullRows = true;
            for (int i = 1; i < dims.length; i++) {
                fullRows &= cd[i] == dims[i];
            }
            if (fullRows && cd[0] > 0) {
                m = Mode.CHUNKED;
            }
        } else if (dataset instanceof ContiguousDataset && dims.length >= 1) {
            m = Mode.CONTIGUOUS;
        }
        this.mode = m;
        this.chunkDims = cd;
        if (m == Mode.CHUNKED) {
            rowsPerBlock = cd[0];
        } else if (m == Mode.CONTIGUOUS) {
            rowsPerBlock = Math.max(1, CONTIGUOUS_BLOCK_BYTES / Math.max(1, recordSize));
        } else {
            rowsPerBlock = Math.max(1, rows);
        }
        // deflate and/or shuffle only: decoded here; anything else goes through jhdf
        boolean own = m == Mode.CHUNKED;
        int shuffle = 0;
        boolean defl = false;
        for (PipelineFilterWithData f : filters) {
            if (f.getId() == 2) {
                shuffle = f.getFilterData().length > 0 ? f.getFilterData()[0] : recordSize;
                own &= !defl; // shuffle must come before deflate in the write order
            } else if (f.getId() == 1) {
                defl = true;
            } else {
                own = false;
            }
        }
        this.ownPipeline = own;
        this.shuffleSize = shuffle;
        this.deflate = defl;
    }

    int rows() {
        return rows;
    }

    int recordSize() {
        return recordSize;
    }

    int blockCount() {
        return rows == 0 ? 0 : (rows + rowsPerBlock - 1) / rowsPerBlock;
    }

    int blockFirstRow(int k) {
        return k * rowsPerBlock;
    }

    int blockRows(int k) {
        return Math.min(rowsPerBlock, rows - k * rowsPerBlock);
    }

    /** @return the bytes of block {@code k}, starting at its first record (position 0, at least rows × recordSize long) */
    ByteBuffer block(int k) throws InputException {
        try {
            return switch (mode) {
                case CHUNKED -> chunk(k);
                case CONTIGUOUS -> contiguous().slice(blockFirstRow(k) * recordSize, blockRows(k) * recordSize);
                case WHOLE -> wholeBuffer();
            };
        } catch (HdfException e) {
            throw Hdf5Files.readFailure(file, dataset.getPath(), e);
        } catch (DataFormatException e) {
            throw new InputException(file, -1, "dataset '" + dataset.getPath() + "': chunk at row " + blockFirstRow(k)
                    + " is not valid deflate data (" + e.getMessage() + "); the file is damaged", e);
        }
    }

    private ByteBuffer contiguous() {
        ByteBuffer w = whole;
        if (w == null) {
            synchronized (this) {
                if (whole == null) {
                    whole = ((ContiguousDataset) dataset).getBuffer();
                }
                w = whole;
            }
        }
        return w;
    }

    private ByteBuffer wholeBuffer() {
        ByteBuffer w = whole;
        if (w == null) {
            synchronized (this) {
                if (whole == null) {
                    whole = ((DatasetBase) dataset).getDataBuffer();
                }
                w = whole;
            }
        }
        return w.duplicate().position(0);
    }

    private ByteBuffer chunk(int k) throws DataFormatException {
        int[] offset = new int[chunkDims.length];
        offset[0] = blockFirstRow(k);
        ChunkedDataset c = (ChunkedDataset) dataset;
        if (!ownPipeline) {
            return ByteBuffer.wrap(c.getDecompressedChunk(offset));
        }
        int chunkBytes = chunkDims[0] * recordSize;
        ByteBuffer raw = c.getRawChunkBuffer(offset);
        Scratch scratch = SCRATCH.get();
        byte[] data;
        if (deflate) {
            data = scratch.inflated(chunkBytes);
            Inflater inf = scratch.inflater;
            inf.reset();
            inf.setInput(raw);
            int n = 0;
            while (n < chunkBytes && !inf.finished()) {
                int got = inf.inflate(data, n, chunkBytes - n);
                if (got == 0 && (inf.needsInput() || inf.needsDictionary())) {
                    throw new DataFormatException("stream ended after " + n + " of " + chunkBytes + " bytes");
                }
                n += got;
            }
        } else {
            data = new byte[raw.remaining()];
            raw.get(data);
        }
        if (shuffleSize > 1) {
            byte[] out = scratch.unshuffled(chunkBytes);
            unshuffle(data, chunkBytes, shuffleSize, out);
            data = out;
        }
        return ByteBuffer.wrap(data, 0, chunkBytes);
    }

    /**
     * Per-thread buffers: a block is decoded into its columns on the thread that fetched it before
     * that thread fetches the next one, so the buffers can be reused.
     */
    private static final class Scratch {
        final Inflater inflater = new Inflater();
        private byte[] inflated = new byte[0];
        private byte[] unshuffled = new byte[0];

        byte[] inflated(int n) {
            if (inflated.length < n) {
                inflated = new byte[n];
            }
            return inflated;
        }

        byte[] unshuffled(int n) {
            if (unshuffled.length < n) {
                unshuffled = new byte[n];
            }
            return unshuffled;
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** Reverses the HDF5 byte-shuffle filter: byte {@code b} of element {@code i} is at {@code b * n + i}. */
    static byte[] unshuffle(byte[] in, int size) {
        byte[] out = new byte[in.length];
        unshuffle(in, in.length, size, out);
        return out;
    }

    private static void unshuffle(byte[] in, int length, int size, byte[] out) {
        int n = length / size;
        for (int b = 0; b < size; b++) {
            int src = b * n;
            for (int i = 0, dst = b; i < n; i++, dst += size) {
                out[dst] = in[src + i];
            }
        }
        int tail = n * size;
        System.arraycopy(in, tail, out, tail, length - tail);
    }
}
