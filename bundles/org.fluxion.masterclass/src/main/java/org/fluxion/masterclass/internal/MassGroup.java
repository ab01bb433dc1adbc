package org.fluxion.masterclass.internal;

import java.util.Locale;

/**
 * The five primary mass groups of the KASCADE simulations, with the names and CORSIKA particle
 * codes KCDC uses for them (PHYSICS.md §5). Immutable and thread-safe.
 */
enum MassGroup {
    /** Protons (A = 1). */
    PROTON("p", 1),
    /** Helium (A = 4). */
    HELIUM("He", 4),
    /** Carbon, nitrogen, oxygen (A ≈ 12–16). */
    CNO("CNO", 14),
    /** Silicon (A = 28). */
    SILICON("Si", 28),
    /** Iron (A = 56). */
    IRON("Fe", 56);

    private final String symbol;
    private final int massNumber;

    MassGroup(String symbol, int massNumber) {
        this.symbol = symbol;
        this.massNumber = massNumber;
    }

    /** @return the label used in plots and tables: p, He, CNO, Si, Fe */
    String symbol() {
        return symbol;
    }

    /** @return a representative mass number A */
    int massNumber() {
        return massNumber;
    }

    /**
     * @param name a KCDC primary name (p, h, he, c, o, n, co, c/o, cno, si, fe, or proton, helium,
     *             carbon, oxygen, silicon, iron; any case) or a CORSIKA code written as text
     * @return the group, or null if the name is not known
     */
    static MassGroup ofName(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        return switch (n) {
            case "p", "h", "proton", "hydrogen" -> PROTON;
            case "he", "helium", "alpha" -> HELIUM;
            case "c", "n", "o", "co", "c/o", "cno", "carbon", "nitrogen", "oxygen" -> CNO;
            case "si", "silicon", "mg", "magnesium" -> SILICON;
            case "fe", "iron" -> IRON;
            default -> {
                try {
                    double code = Double.parseDouble(n);
                    yield ofCorsikaCode(code);
                } catch (NumberFormatException e) {
                    yield null;
                }
            }
        };
    }

    /**
     * @param code CORSIKA particle code 100·A + Z: 14 (p), 402 (He), 1206, 1407, 1608 (CNO), 2412, 2814 (Si),
     *             5626 (Fe)
     * @return the group, or null if the code is not one of these
     */
    static MassGroup ofCorsikaCode(double code) {
        if (code == 14) {
            return PROTON;
        } else if (code == 402) {
            return HELIUM;
        } else if (code == 1206 || code == 1407 || code == 1608) {
            return CNO;
        } else if (code == 2412 || code == 2814) {
            return SILICON;
        } else if (code == 5626) {
            return IRON;
        }
        return null;
    }

    /**
     * @param text a group as written in a configuration: its symbol or any name of {@link #ofName}
     * @return the group, or null if unknown
     */
    static MassGroup parse(String text) {
        for (MassGroup g : values()) {
            if (g.symbol.equalsIgnoreCase(text.strip()) || g.name().equalsIgnoreCase(text.strip())) {
                return g;
            }
        }
        return ofName(text);
    }
}
