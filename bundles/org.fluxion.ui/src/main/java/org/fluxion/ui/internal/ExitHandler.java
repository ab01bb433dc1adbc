package org.fluxion.ui.internal;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.workbench.IWorkbench;

/** File → Exit. */
public final class ExitHandler {
    @Execute
    void execute(IWorkbench workbench) {
        workbench.close();
    }
}
