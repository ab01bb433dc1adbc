package org.fluxion.effarea.internal;

import org.fluxion.api.data.Column;
import org.fluxion.api.data.EventTable;

/**
 * A 64-bit fingerprint of some columns of a table: FNV-1a over the column names and the raw IEEE
 * bits of every value (as doubles), rows in order, finished with a SplitMix64 avalanche. Detects
 * changed inputs for reloads; not cryptographic. Stateless.
 */
final class ColumnHash {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private ColumnHash() {
    }

    /** @return the hash of {@code columns} of {@code t} (every name must exist), as 16 hex digits */
    static String of(EventTable t, Iterable<String> columns) {
        long h = FNV_OFFSET;
        h = mix(h, t.rowCount());
        for (String name : columns) {
            for (int i = 0; i < name.length(); i++) {
                h = mix(h, name.charAt(i));
            }
            Column c = t.column(name);
            for (int r = 0, n = c.size(); r < n; r++) {
                h = mix(h, Double.doubleToLongBits(c.getDouble(r)));
            }
        }
        h ^= h >>> 31;
        h *= 0x7fb5d329728ea185L;
        h ^= h >>> 27;
        h *= 0x81dadef4bc2dd44dL;
        h ^= h >>> 33;
        return String.format("%016x", h);
    }

    private static long mix(long h, long v) {
        for (int b = 0; b < 64; b += 8) {
            h ^= (v >>> b) & 0xff;
            h *= FNV_PRIME;
        }
        return h;
    }
}
