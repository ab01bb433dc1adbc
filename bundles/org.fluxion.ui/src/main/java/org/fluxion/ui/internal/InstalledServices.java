package org.fluxion.ui.internal;

import java.util.List;
import java.util.Map;

import org.fluxion.api.artifact.PlotRenderer;
import org.fluxion.core.StepRegistry;
import org.fluxion.unfolding.api.RegisteredUnfolder;

/**
 * The services the workbench uses, looked up when needed so that bundles installed or started later
 * are picked up. Implementations are thread-safe.
 */
public interface InstalledServices {
    /** @return the installed steps now (empty registry if the engine has not started yet), never null */
    StepRegistry steps();

    /** @return the installed unfolders now, by id, winner first; empty if none, never null */
    List<RegisteredUnfolder> unfolders();

    /** @return the plot renderer, or null if none is installed */
    PlotRenderer renderer();

    /** @return facts for the provenance record (application, framework, bundle versions) */
    Map<String, String> platform();

    /**
     * Registers a callback for changes of the installed steps, unfolders or renderer; called on
     * any thread.
     */
    void onChange(Runnable callback);
}
