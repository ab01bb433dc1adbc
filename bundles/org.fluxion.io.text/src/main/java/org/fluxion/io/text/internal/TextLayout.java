package org.fluxion.io.text.internal;

import java.util.List;

import org.fluxion.io.text.TextSampleSettings.ValueType;

/**
 * The resolved shape of a text sample: delimiter, header, which fields are read into which output
 * column, and each output column's type. Immutable (arrays are not exposed outside this package).
 *
 * @param comma      true for comma-separated, false for whitespace-separated fields
 * @param header     the header's column names, in file order
 * @param target     per header field the output column index, or -1 if the field is not read
 * @param names      output column names, in output order
 * @param types      output column types
 */
record TextLayout(boolean comma, List<String> header, int[] target, List<String> names, List<ValueType> types) {
    /** @return number of fields every line must have */
    int fieldCount() {
        return header.size();
    }

    /** @return number of output columns */
    int columnCount() {
        return names.size();
    }
}
