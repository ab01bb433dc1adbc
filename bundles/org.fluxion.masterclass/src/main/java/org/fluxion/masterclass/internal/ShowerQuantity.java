package org.fluxion.masterclass.internal;

import java.util.List;
import java.util.Locale;

/**
 * The air-shower quantities the masterclass steps read, with the KCDC column names each is found
 * under when no column is configured (first match wins). Immutable and thread-safe.
 */
enum ShowerQuantity {
    /** Primary energy, lg(E/eV): the reconstructed estimate in data, the true energy in simulations. */
    LG_E("Energy", "lg(E/eV)", List.of("E", "lgE", "energy", "lg_e")),
    /** Electron number (shower size), lg(Ne). */
    LG_NE("Electron number", "lg(Ne)", List.of("Ne", "lgNe", "electron_number", "lg_ne")),
    /** Muon number, lg(Nμ). */
    LG_NMU("Muon number", "lg(Nμ)", List.of("Nmu", "lgNmu", "muon_number", "lg_nmu")),
    /** Zenith angle, degrees. */
    ZENITH("Zenith angle", "deg", List.of("Ze", "zenith")),
    /** Primary particle: KCDC name or CORSIKA code. */
    PRIMARY("Primary", "", List.of("Particle", "particle_id", "primary"));

    private final String label;
    private final String unit;
    private final List<String> kcdcNames;

    ShowerQuantity(String label, String unit, List<String> kcdcNames) {
        this.label = label;
        this.unit = unit;
        this.kcdcNames = kcdcNames;
    }

    /** @return axis label, e.g. "Electron number" */
    String label() {
        return label;
    }

    /** @return unit as used on axes, e.g. "lg(Ne)" */
    String unit() {
        return unit;
    }

    /** @return the KCDC column names tried in order */
    List<String> kcdcNames() {
        return kcdcNames;
    }

    /** @return the configuration key: lg_e, lg_ne, lg_nmu, zenith, primary */
    String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the quantity with configuration key {@code key}, or null */
    static ShowerQuantity ofKey(String key) {
        for (ShowerQuantity q : values()) {
            if (q.key().equals(key)) {
                return q;
            }
        }
        return null;
    }
}
