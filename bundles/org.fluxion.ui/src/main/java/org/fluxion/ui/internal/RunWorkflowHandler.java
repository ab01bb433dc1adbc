package org.fluxion.ui.internal;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

/** Run → Run workflow. */
public final class RunWorkflowHandler {
    @Execute
    void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, AnalysisSession session) {
        try {
            session.run();
        } catch (Exception e) {
            MessageDialog.openError(shell, "Cannot run", e.getMessage());
        }
    }

    @CanExecute
    boolean canExecute(AnalysisSession session) {
        ConfigValidation v = session.validation();
        return !session.busy() && v != null && v.valid();
    }
}
