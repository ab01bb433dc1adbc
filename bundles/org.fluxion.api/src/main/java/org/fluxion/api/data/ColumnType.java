package org.fluxion.api.data;

/** Storage type of a {@link Column}. */
public enum ColumnType {
    /** 64-bit floating point. */
    DOUBLE,
    /** 32-bit floating point. */
    FLOAT,
    /** 64-bit signed integer; also used for timestamps (seconds since the epoch, UTC). */
    LONG,
    /** 32-bit signed integer. */
    INT,
    /** true/false flags, e.g. a filter bit. */
    BOOLEAN,
    /** Categorical strings (e.g. a primary's name), stored as int codes into a list of levels. */
    CATEGORICAL
}
