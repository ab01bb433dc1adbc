package org.fluxion.ui.internal;

import java.nio.file.Path;
import java.util.Map;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.MUIElement;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.fluxion.synth.KascadeSamples;

import jakarta.inject.Named;

/**
 * Run → Masterclass: prepares the KASCADE masterclass with the small synthetic samples in
 * {@code fluxion-demo-small} under the working folder (samples generated once, shared with File →
 * Open demo) unless it is already open, and shows the Masterclass part with room for its plots.
 */
public final class OpenMasterclassHandler {
    /** Column widths (per cent) of the main window while the masterclass is on show. */
    private static final Map<String, String> WIDE = Map.of("org.fluxion.ui.sash.left", "16", "org.fluxion.ui.sash.centre",
            "22", "org.fluxion.ui.stack.results", "62");

    /** @return the folder the menu entry prepares the masterclass in */
    static Path defaultFolder() {
        return Path.of("fluxion-demo-small").toAbsolutePath().normalize();
    }

    @Execute
    void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, AnalysisSession session, EPartService parts,
            EModelService models, MApplication app) {
        try {
            Path config = defaultFolder().resolve("masterclass.yaml");
            if (!config.equals(session.file())) {
                session.openMasterclass(defaultFolder(), KascadeSamples.Size.SMALL, 0);
            }
            show(parts, models, app);
        } catch (RuntimeException e) {
            MessageDialog.openError(shell, "Cannot open the masterclass", e.getMessage());
        }
    }

    @CanExecute
    boolean canExecute(AnalysisSession session) {
        return !session.busy();
    }

    /**
     * Brings the Masterclass part to the front and widens the results column for it.
     *
     * @return the part's object
     */
    public static MasterclassPart show(EPartService parts, EModelService models, MApplication app) {
        MPart part = parts.showPart(MasterclassPart.ID, PartState.ACTIVATE);
        WIDE.forEach((id, weight) -> {
            MUIElement e = models.find(id, app);
            if (e != null) {
                e.setContainerData(weight);
            }
        });
        return part == null ? null : (MasterclassPart) part.getObject();
    }
}
