package org.fluxion.io.hdf5.internal;

import java.nio.ByteOrder;
import java.util.Locale;

import org.fluxion.api.data.ColumnType;

import io.jhdf.object.datatype.BitField;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.datatype.EnumDataType;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.object.datatype.FloatingPoint;

/**
 * A numeric HDF5 element type as stored in a file (size, signedness) and the column type it loads
 * into: float64 → DOUBLE, float32 → FLOAT, int8/int16/int32/uint8/uint16 → INT, uint32/int64/uint64
 * → LONG, 8-bit bitfields (numpy/PyTables booleans) → BOOLEAN. Enums load as their integer base type.
 *
 * @param kind  element kind
 * @param order byte order in the file
 */
record Element(Kind kind, ByteOrder order) {

    /** Element kinds with their size in bytes. */
    enum Kind {
        F64(8), F32(4), I8(1), U8(1), I16(2), U16(2), I32(4), U32(4), I64(8), U64(8), BOOL8(1);

        final int size;

        Kind(int size) {
            this.size = size;
        }
    }

    /** @return the column type this element loads into */
    ColumnType columnType() {
        return switch (kind) {
            case F64 -> ColumnType.DOUBLE;
            case F32 -> ColumnType.FLOAT;
            case I8, U8, I16, U16, I32 -> ColumnType.INT;
            case U32, I64, U64 -> ColumnType.LONG;
            case BOOL8 -> ColumnType.BOOLEAN;
        };
    }

    /** @return the numpy-style name, e.g. {@code float64}, {@code uint8}, {@code bool} */
    String numpyName() {
        return switch (kind) {
            case BOOL8 -> "bool";
            case F64 -> "float64";
            case F32 -> "float32";
            default -> kind.name().toLowerCase(Locale.ROOT).replace("i", "int").replace("u", "uint");
        };
    }

    /**
     * @return the element for a jhdf data type, or null if it is not a supported numeric scalar type
     */
    static Element of(DataType t) {
        if (t instanceof EnumDataType e) {
            return of(e.getBaseType());
        }
        if (t instanceof FloatingPoint f) {
            return switch (f.getSize()) {
                case 8 -> new Element(Kind.F64, f.getByteOrder());
                case 4 -> new Element(Kind.F32, f.getByteOrder());
                default -> null;
            };
        }
        if (t instanceof FixedPoint f) {
            boolean s = f.isSigned();
            Kind k = switch (f.getSize()) {
                case 1 -> s ? Kind.I8 : Kind.U8;
                case 2 -> s ? Kind.I16 : Kind.U16;
                case 4 -> s ? Kind.I32 : Kind.U32;
                case 8 -> s ? Kind.I64 : Kind.U64;
                default -> null;
            };
            return k == null ? null : new Element(k, f.getByteOrder());
        }
        if (t instanceof BitField b && b.getSize() == 1) {
            return new Element(Kind.BOOL8, ByteOrder.LITTLE_ENDIAN);
        }
        return null;
    }

    /** @return a short description of any jhdf data type for messages, e.g. {@code float64}, {@code compound} */
    static String describe(DataType t) {
        Element e = of(t);
        if (e != null) {
            return t instanceof EnumDataType ? "enum(" + e.numpyName() + ")" : e.numpyName();
        }
        String n = t.getClass().getSimpleName();
        return switch (n) {
            case "CompoundDataType" -> "compound";
            case "StringData" -> "string";
            case "VariableLength" -> "variable-length (e.g. pickled objects or strings)";
            case "ArrayDataType" -> "array";
            default -> n + " of " + t.getSize() + " bytes";
        };
    }
}
