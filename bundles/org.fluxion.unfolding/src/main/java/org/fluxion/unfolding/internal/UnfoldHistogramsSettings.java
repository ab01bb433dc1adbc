package org.fluxion.unfolding.internal;

import java.util.Map;

import org.fluxion.api.workflow.InvalidSettingsException;
import org.fluxion.api.workflow.Setting;

/**
 * Settings of the {@code unfold_histograms} step (histogram-level unfolding from CSV files).
 *
 * @param response       response CSV (long format)
 * @param observed       observed counts CSV
 * @param efficiency     efficiency CSV, "" for none
 * @param background     background CSV, "" for none
 * @param truth          true counts CSV (closure tests), "" for none
 * @param method         unfolder id
 * @param methodSettings the unfolder's own settings
 * @param scan           regularisation scan
 * @param quantity       name of the unfolded quantity for axis titles
 * @param unit           its unit
 */
public record UnfoldHistogramsSettings(
        @Setting(description = "response CSV: proxy_low,proxy_high,true_low,true_high,sumw[,sumw2]") String response,
        @Setting(description = "observed counts CSV: low,high,count") String observed,
        @Setting(description = "efficiency CSV: low,high,efficiency[,thrown]; empty for none", defaultValue = "''")
        String efficiency,
        @Setting(description = "background CSV: low,high,count; empty for none", defaultValue = "''") String background,
        @Setting(description = "true counts CSV: low,high,count (selected events); empty for none",
                defaultValue = "''") String truth,
        @Setting(description = "unfolder id (fluxion list shows the installed ones)", defaultValue = "llh")
        String method,
        @Setting(description = "settings of the chosen unfolder (see its README)", defaultValue = "{}")
        Map<String, Object> methodSettings,
        @Setting(description = "regularisation scan", defaultValue = "{}") ScanSettings scan,
        @Setting(description = "name of the unfolded quantity, for axis titles", defaultValue = "True quantity")
        String quantity,
        @Setting(description = "unit of the unfolded quantity, for axis titles", defaultValue = "''") String unit) {

    /**
     * @param enabled run the scan
     * @param min     smallest regularisation parameter
     * @param max     largest
     * @param steps   number of points
     */
    public record ScanSettings(
            @Setting(description = "scan the regularisation parameter", defaultValue = "false") boolean enabled,
            @Setting(description = "smallest value (tau or iterations)", defaultValue = "1e-3") double min,
            @Setting(description = "largest value", defaultValue = "1e3") double max,
            @Setting(description = "number of points", defaultValue = "30", min = 2, max = 10000) int steps) {
        public ScanSettings {
            if (!(min > 0)) {
                throw new InvalidSettingsException("min", "must be > 0 but was " + min);
            }
            if (!(max > min)) {
                throw new InvalidSettingsException("max", "must be > min (" + min + ") but was " + max);
            }
        }
    }

    public UnfoldHistogramsSettings {
        if (response.isBlank()) {
            throw new InvalidSettingsException("response", "must name the response CSV file");
        }
        if (observed.isBlank()) {
            throw new InvalidSettingsException("observed", "must name the observed counts CSV file");
        }
        methodSettings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(methodSettings));
    }
}
