package org.fluxion.io.hdf5;

import java.util.List;

import org.fluxion.api.workflow.InvalidSettingsException;
import org.fluxion.api.workflow.Setting;

/**
 * One entry of the seed configuration's {@code inputs} dictionary: where a sample is and what it is.
 * Immutable.
 *
 * @param path         one file, a glob in the file-name part, or a list of files/globs; every match is
 *                     read and the rows are concatenated in list order (globs sorted by file name)
 * @param hdf5         true for HDF5 files; false for the seed's ".pickle" alternative, which Java cannot
 *                     read (the step fails with the conversion recipe of docs/inputs.md)
 * @param level        data level of the sample ({@code L0} untriggered MC, {@code L2} after filtering)
 * @param type         {@code MC} (simulation, weighted with the flux model) or {@code data} (measured)
 * @param readLivetime read the livetime from the files (group attribute {@code livetime_s} or a side
 *                     table {@code livetime_s}; summed over files); only for measured data
 * @param livetimeS    livetime in seconds given in the configuration instead; null if not given
 * @param group        group (flat layout) or pandas key to read; "" = the group named like the sample,
 *                     or the only group of the file. Ignored for hdfwriter files.
 */
public record Hdf5InputSettings(
        @Setting(description = "file, glob (file-name part) or list of them; matches are concatenated") List<String> path,
        @Setting(description = "saved as HDF5 (true) or as a .pickle file (false: not readable from Java)",
                defaultValue = "true") boolean hdf5,
        @Setting(description = "data level: L0 (untriggered MC) or L2", defaultValue = "L2") Level level,
        @Setting(description = "data type: MC or data") Type type,
        @Setting(description = "read the livetime from the files (attribute or side table livetime_s)",
                defaultValue = "false") boolean readLivetime,
        @Setting(description = "livetime given in the configuration instead of the files", unit = "s",
                defaultValue = "null", min = 0) Double livetimeS,
        @Setting(description = "group (flat layout) or pandas key; empty = the sample name or the only group",
                defaultValue = "''") String group) {

    /** Data level. */
    public enum Level {
        /** Untriggered simulation (effective area denominators). */
        L0,
        /** After trigger, filter and level-2 processing. */
        L2
    }

    /** Data type. */
    public enum Type {
        /** Simulation: the flux-model weight column is read. */
        MC,
        /** Measured data: a livetime may be attached. */
        DATA;

        /** @return the spelling used in the configuration and in the {@code data_type} attribute */
        public String label() {
            return this == MC ? "MC" : "data";
        }
    }

    public Hdf5InputSettings {
        if (path == null || path.isEmpty()) {
            throw new InvalidSettingsException("path", "'path' must name a file, a glob or a list of them but was "
                    + (path == null ? "missing" : "an empty list"));
        }
        for (String p : path) {
            if (p == null || p.isBlank()) {
                throw new InvalidSettingsException("path", "'path' must not contain blank entries: " + path);
            }
        }
        path = List.copyOf(path);
        if (level == null) {
            level = Level.L2;
        }
        if (type == null) {
            throw new InvalidSettingsException("type", "'type' must be MC or data but was missing");
        }
        if (livetimeS != null && (livetimeS.isNaN() || livetimeS <= 0 || livetimeS.isInfinite())) {
            throw new InvalidSettingsException("livetime_s", "'livetime_s' must be a positive number of seconds but was "
                    + livetimeS);
        }
        if (readLivetime && livetimeS != null) {
            throw new InvalidSettingsException("livetime_s", "give either 'read_livetime: true' (livetime from the files) "
                    + "or 'livetime_s' (" + livetimeS + " s from the configuration), not both");
        }
        if ((readLivetime || livetimeS != null) && type == Type.MC) {
            throw new InvalidSettingsException(readLivetime ? "read_livetime" : "livetime_s",
                    "a livetime belongs to measured data, but this input has 'type: MC'");
        }
        group = group == null ? "" : group.strip();
    }

    /** @return settings for an HDF5 sample at {@code path} with every option at its default */
    public static Hdf5InputSettings of(Type type, String... path) {
        return new Hdf5InputSettings(List.of(path), true, Level.L2, type, false, null, "");
    }

    /** @return a copy with another data level */
    public Hdf5InputSettings withLevel(Level l) {
        return new Hdf5InputSettings(path, hdf5, l, type, readLivetime, livetimeS, group);
    }

    /** @return a copy reading the livetime from the files */
    public Hdf5InputSettings withReadLivetime() {
        return new Hdf5InputSettings(path, hdf5, level, type, true, null, group);
    }

    /** @return a copy with a configured livetime in seconds */
    public Hdf5InputSettings withLivetime(double seconds) {
        return new Hdf5InputSettings(path, hdf5, level, type, false, seconds, group);
    }

    /** @return a copy reading group (or pandas key) {@code g} */
    public Hdf5InputSettings withGroup(String g) {
        return new Hdf5InputSettings(path, hdf5, level, type, readLivetime, livetimeS, g);
    }

    /** @return a copy with the {@code hdf5} flag set to {@code h} */
    public Hdf5InputSettings withHdf5(boolean h) {
        return new Hdf5InputSettings(path, h, level, type, readLivetime, livetimeS, group);
    }
}
