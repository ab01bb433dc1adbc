package org.fluxion.ui.internal;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;

/** Run → Cancel run. */
public final class CancelRunHandler {
    @Execute
    void execute(AnalysisSession session) {
        session.cancel();
    }

    @CanExecute
    boolean canExecute(AnalysisSession session) {
        return session.busy();
    }
}
