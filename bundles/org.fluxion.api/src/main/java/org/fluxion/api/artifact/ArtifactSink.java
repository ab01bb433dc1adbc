package org.fluxion.api.artifact;

import java.util.Map;

/**
 * Receives a step's plots and tables. Names are file stems, unique per step
 * ({@code [A-Za-z0-9_.-]+}). Thread-safe.
 */
public interface ArtifactSink {
    /** Adds a plot, written as {@code name.png} and {@code name.pdf}. */
    void plot(String name, PlotSpec plot);

    /** Adds a table, written as {@code name.csv} and {@code name.json}. */
    void table(String name, TableArtifact table);

    /**
     * Adds a summary record (fit results, counts), written as {@code name.json}. Values: String,
     * Number, Boolean, List or Map of those.
     */
    void summary(String name, Map<String, ?> values);
}
