package org.fluxion.ui.internal;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

/** File → Save configuration. */
public final class SaveConfigHandler {
    @Execute
    void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, AnalysisSession session) {
        try {
            session.save();
        } catch (Exception e) {
            MessageDialog.openError(shell, "Cannot save " + session.file(), e.getMessage());
        }
    }

    @CanExecute
    boolean canExecute(AnalysisSession session) {
        return session.dirty();
    }
}
