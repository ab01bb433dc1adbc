package org.fluxion.histogram.internal;

import java.util.regex.Pattern;

import org.fluxion.api.workflow.InvalidSettingsException;

/**
 * The argument checks shared by the settings records of this bundle: every failure is an
 * {@link InvalidSettingsException} carrying the snake_case key, the offending value and what was
 * expected. Stateless.
 */
final class SettingChecks {
    /** Artifact names become file stems: the same characters as {@code ArtifactSink} allows. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");

    private SettingChecks() {
    }

    /** @return {@code value}, or "" for null */
    static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    static void checkName(String key, String value, String where) {
        if (value == null || !NAME.matcher(value).matches()) {
            throw new InvalidSettingsException(key, where + ": '" + key + "' must match " + NAME.pattern()
                    + " (it names the output files) but was " + quote(value));
        }
    }

    static void checkColumn(String key, String value, String where) {
        if (value == null || value.isBlank()) {
            throw new InvalidSettingsException(key, where + ": '" + key + "' must name a column but was "
                    + quote(value));
        }
    }

    static void checkBins(String key, int bins, String where) {
        if (bins < 1) {
            throw new InvalidSettingsException(key, where + ": '" + key + "' must be >= 1 but was " + bins);
        }
    }

    /** Checks a finite range {@code [min, max)}; with {@code log} the lower edge must also be > 0. */
    static void checkRange(String minKey, double min, String maxKey, double max, boolean log, String where) {
        if (!Double.isFinite(min)) {
            throw new InvalidSettingsException(minKey, where + ": '" + minKey + "' must be finite but was " + min);
        }
        if (!Double.isFinite(max)) {
            throw new InvalidSettingsException(maxKey, where + ": '" + maxKey + "' must be finite but was " + max);
        }
        if (!(max > min)) {
            throw new InvalidSettingsException(maxKey, where + ": '" + maxKey + "' (" + max
                    + ") must be strictly greater than '" + minKey + "' (" + min + ")");
        }
        if (log && !(min > 0)) {
            throw new InvalidSettingsException(minKey, where + ": '" + minKey
                    + "' must be > 0 for log-spaced bins but was " + min);
        }
    }

    static String quote(String value) {
        return value == null ? "null" : "'" + value + "'";
    }
}
