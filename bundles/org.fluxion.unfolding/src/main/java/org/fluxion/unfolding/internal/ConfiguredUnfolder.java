package org.fluxion.unfolding.internal;

import java.util.List;
import java.util.Map;

import org.fluxion.api.workflow.InvalidSettingsException;
import org.fluxion.core.ConfigException;
import org.fluxion.core.SettingsBinder;
import org.fluxion.unfolding.api.RegisteredUnfolder;
import org.fluxion.unfolding.api.Unfolder;
import org.fluxion.unfolding.api.UnfolderCatalog;
import org.fluxion.unfolding.api.UnfolderProvider;

/**
 * An installed unfolder chosen by id, with its settings bound from a step's {@code method_settings}.
 * Shared by the {@code unfold_histograms} and {@code unfold} steps. Immutable.
 *
 * @param registration the catalog entry (id, providing bundle), not null
 * @param unfolder     the configured unfolder, not null
 */
record ConfiguredUnfolder(RegisteredUnfolder registration, Unfolder unfolder) {

    /**
     * Resolves {@code method} in the catalog and binds {@code methodSettings} onto the unfolder's
     * settings record.
     *
     * @throws InvalidSettingsException for key {@code method} naming the installed unfolders, or for
     *                                  {@code method_settings} with the binder's message
     */
    @SuppressWarnings({ "unchecked", "rawtypes" })
    static ConfiguredUnfolder resolve(UnfolderCatalog catalog, String method, Map<String, Object> methodSettings) {
        RegisteredUnfolder ru = catalog.resolve(method);
        if (ru == null) {
            List<String> ids = catalog.all().stream().map(RegisteredUnfolder::id).distinct().toList();
            throw new InvalidSettingsException("method", "no unfolder '" + method + "' is installed; installed: "
                    + (ids.isEmpty() ? "(none)" : String.join(", ", ids)));
        }
        UnfolderProvider provider = ru.provider();
        Record settings;
        try {
            settings = SettingsBinder.bindPlain(provider.descriptor().settingsType(), methodSettings, "method_settings",
                    "unfolder '" + ru.id() + "'");
        } catch (ConfigException e) {
            throw new InvalidSettingsException("method_settings", e.getMessage());
        }
        return new ConfiguredUnfolder(ru, provider.create(settings));
    }
}
