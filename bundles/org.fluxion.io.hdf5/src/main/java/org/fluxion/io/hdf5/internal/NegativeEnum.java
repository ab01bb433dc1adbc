package org.fluxion.io.hdf5.internal;

import java.nio.file.Path;

import org.fluxion.api.workflow.InputException;

/**
 * The message for jhdf 0.13.0's limit on HDF5 ENUM types with a negative member value (IceCube
 * I3Particle tables: {@code type}, {@code fit_status}): jhdf reads enum member values as unsigned and
 * throws while parsing the table's header, so the table cannot be opened at all.
 */
final class NegativeEnum {
    private NegativeEnum() {
    }

    /** The conversion to use. */
    static final String FIX = "Convert the enum fields to plain integers once with h5py (docs/inputs.md, "
            + "'Negative enums', has the script): for every table t, "
            + "dst.create_dataset(name, data=t[...].astype(np.dtype([(n, t.dtype[n].base.str, t.dtype[n].shape) "
            + "for n in t.dtype.names])))";

    static InputException error(Path file, String key, String column, Throwable cause) {
        return new InputException(file, -1, "table '/" + key + "' (needed for column '" + column + "') has an HDF5 "
                + "ENUM field with a negative member value (as I3Particle 'type' and 'fit_status' have), which jhdf "
                + "0.13.0 cannot parse. The other keys of the file remain readable. " + FIX, cause);
    }
}
