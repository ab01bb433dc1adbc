package org.fluxion.ui.internal;

import java.nio.file.Path;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.fluxion.synth.KascadeSamples;

import jakarta.inject.Named;

/**
 * File → Open demo: prepares the demo with the small samples in {@code fluxion-demo-small} under the
 * working folder (generated once, in a few seconds) and opens its configuration.
 */
public final class OpenDemoHandler {
    @Execute
    void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, AnalysisSession session) {
        try {
            session.openDemo(Path.of("fluxion-demo-small").toAbsolutePath(), KascadeSamples.Size.SMALL, 0);
        } catch (RuntimeException e) {
            MessageDialog.openError(shell, "Cannot open the demo", e.getMessage());
        }
    }

    @CanExecute
    boolean canExecute(AnalysisSession session) {
        return !session.busy();
    }
}
