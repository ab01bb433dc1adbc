package org.fluxion.io.hdf5.internal;

import java.nio.ByteBuffer;

import org.fluxion.api.data.ColumnType;

/**
 * Decodes one field of fixed-size records (a whole 1-D dataset element, a compound member, one
 * element of an array member, or one column of a 2-D block) into a column. Stateless apart from the
 * target; {@link #decode} may run concurrently for disjoint row ranges.
 *
 * @param element element type in the file
 * @param offset  byte offset of the field within a record
 * @param target  column receiving the values (its type follows {@link Element#columnType()}, or
 *                BOOLEAN for 8-bit integers holding 0/1)
 */
record FieldRead(Element element, int offset, ColumnData target) {

    /**
     * Decodes {@code rows} records of {@code recordSize} bytes starting at byte 0 of {@code block}
     * into target rows {@code firstRow ...}.
     */
    void decode(ByteBuffer block, int rows, int recordSize, int firstRow) {
        ByteBuffer b = block.duplicate().order(element.order());
        Element.Kind k = element.kind();
        boolean packed = recordSize == k.size && offset == 0;
        switch (target.type) {
            case DOUBLE -> {
                double[] t = (double[]) target.values;
                if (k == Element.Kind.F64) {
                    if (packed) {
                        b.position(0);
                        b.asDoubleBuffer().get(t, firstRow, rows);
                    } else {
                        for (int r = 0, p = offset; r < rows; r++, p += recordSize) {
                            t[firstRow + r] = b.getDouble(p);
                        }
                    }
                } else {
                    for (int r = 0, p = offset; r < rows; r++, p += recordSize) {
                        t[firstRow + r] = asDouble(b, p, k);
                    }
                }
            }
            case FLOAT -> {
                float[] t = (float[]) target.values;
                if (packed) {
                    b.position(0);
                    b.asFloatBuffer().get(t, firstRow, rows);
                } else {
                    for (int r = 0, p = offset; r < rows; r++, p += recordSize) {
                        t[firstRow + r] = b.getFloat(p);
                    }
                }
            }
            case LONG -> {
                long[] t = (long[]) target.values;
                if (packed && (k == Element.Kind.I64 || k == Element.Kind.U64)) {
                    b.position(0);
                    b.asLongBuffer().get(t, firstRow, rows);
                } else {
                    for (int r = 0, p = offset; r < rows; r++, p += recordSize) {
                        t[firstRow + r] = asLong(b, p, k);
                    }
                }
            }
            case INT -> {
                int[] t = (int[]) target.values;
                if (packed && k == Element.Kind.I32) {
                    b.position(0);
                    b.asIntBuffer().get(t, firstRow, rows);
                } else {
                    for (int r = 0, p = offset; r < rows; r++, p += recordSize) {
                        t[firstRow + r] = (int) asLong(b, p, k);
                    }
                }
            }
            case BOOLEAN -> {
                boolean[] t = (boolean[]) target.values;
                for (int r = 0, p = offset; r < rows; r++, p += recordSize) {
                    t[firstRow + r] = b.get(p) != 0;
                }
            }
            case CATEGORICAL -> throw new IllegalStateException("categorical target");
        }
    }

    private static long asLong(ByteBuffer b, int p, Element.Kind k) {
        return switch (k) {
            case I8 -> b.get(p);
            case U8, BOOL8 -> b.get(p) & 0xFF;
            case I16 -> b.getShort(p);
            case U16 -> b.getShort(p) & 0xFFFF;
            case I32 -> b.getInt(p);
            case U32 -> b.getInt(p) & 0xFFFFFFFFL;
            case I64, U64 -> b.getLong(p);
            case F64 -> (long) b.getDouble(p);
            case F32 -> (long) b.getFloat(p);
        };
    }

    private static double asDouble(ByteBuffer b, int p, Element.Kind k) {
        return switch (k) {
            case F64 -> b.getDouble(p);
            case F32 -> b.getFloat(p);
            case U64 -> {
                long v = b.getLong(p);
                yield v >= 0 ? v : (double) (v >>> 1) * 2.0 + (v & 1);
            }
            default -> asLong(b, p, k);
        };
    }

    /** @return a column of {@code rows} rows of the natural type of {@code element} */
    static ColumnData target(String name, String unit, Element element, boolean asBoolean, int rows) {
        ColumnType t = asBoolean ? ColumnType.BOOLEAN : element.columnType();
        return ColumnData.allocate(name, t, unit, rows);
    }

}
