package org.fluxion.ui.internal;

import java.nio.file.Path;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

/** File → Open configuration: asks for a YAML file and opens it. */
public final class OpenConfigHandler {
    @Execute
    void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, AnalysisSession session) {
        FileDialog d = new FileDialog(shell, SWT.OPEN);
        d.setText("Open a Fluxion configuration");
        d.setFilterExtensions(new String[] { "*.yaml;*.yml", "*" });
        d.setFilterNames(new String[] { "Configurations (*.yaml, *.yml)", "All files" });
        Path current = session.file();
        if (current != null) {
            d.setFilterPath(current.getParent().toString());
        }
        String chosen = d.open();
        if (chosen == null) {
            return;
        }
        try {
            session.open(Path.of(chosen));
        } catch (Exception e) {
            MessageDialog.openError(shell, "Cannot open the configuration", e.getMessage());
        }
    }

    @CanExecute
    boolean canExecute(AnalysisSession session) {
        return !session.busy();
    }
}
