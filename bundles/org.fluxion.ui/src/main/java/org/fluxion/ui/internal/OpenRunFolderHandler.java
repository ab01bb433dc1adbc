package org.fluxion.ui.internal;

import java.nio.file.Path;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

/** File → Open run folder: shows the plots, tables and provenance of an earlier run. */
public final class OpenRunFolderHandler {
    @Execute
    void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, AnalysisSession session) {
        DirectoryDialog d = new DirectoryDialog(shell);
        d.setText("Open a run folder");
        d.setMessage("Choose a run folder (output_path/unique_name, with provenance.json and steps/)");
        Path start = session.outputDirectory();
        if (start != null) {
            d.setFilterPath(start.toString());
        }
        String chosen = d.open();
        if (chosen == null) {
            return;
        }
        try {
            session.openRunFolder(Path.of(chosen));
        } catch (Exception e) {
            MessageDialog.openError(shell, "Cannot open the run folder", e.getMessage());
        }
    }
}
