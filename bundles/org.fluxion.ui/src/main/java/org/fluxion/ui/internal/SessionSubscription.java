package org.fluxion.ui.internal;

import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.swt.SWTException;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;

/**
 * Connects a view to the session: when one of the given topics changes (on any thread), the view's
 * refresh runs once on the UI thread; several changes before it runs are merged into one refresh.
 * Unsubscribes itself when the owning control is disposed.
 */
final class SessionSubscription implements AnalysisSession.Listener {
    private final AnalysisSession session;
    private final Control owner;
    private final Display display;
    private final Set<AnalysisSession.Topic> topics;
    private final Runnable refresh;
    private final AtomicBoolean pending = new AtomicBoolean();

    private SessionSubscription(AnalysisSession session, Control owner, Runnable refresh, Set<AnalysisSession.Topic> topics) {
        this.session = session;
        this.owner = owner;
        this.display = owner.getDisplay();
        this.refresh = refresh;
        this.topics = topics;
    }

    /** Subscribes; call on the UI thread. */
    static void attach(AnalysisSession session, Control owner, Runnable refresh, AnalysisSession.Topic first,
            AnalysisSession.Topic... more) {
        SessionSubscription s = new SessionSubscription(session, owner, refresh, EnumSet.of(first, more));
        session.addListener(s);
        owner.addDisposeListener(e -> session.removeListener(s));
    }

    @Override
    public void changed(AnalysisSession.Topic topic) {
        if (!topics.contains(topic) || !pending.compareAndSet(false, true)) {
            return;
        }
        try {
            if (!display.isDisposed()) {
                display.asyncExec(() -> {
                    pending.set(false);
                    if (!owner.isDisposed()) {
                        refresh.run();
                    }
                });
            }
        } catch (SWTException e) {
            // the display went away during shutdown: nothing left to refresh
        }
    }
}
