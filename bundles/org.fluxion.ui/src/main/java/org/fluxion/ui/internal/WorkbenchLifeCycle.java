package org.fluxion.ui.internal;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.lifecycle.PostContextCreate;
import org.eclipse.equinox.app.IApplicationContext;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Display;
import org.fluxion.synth.KascadeSamples;
import org.osgi.framework.FrameworkUtil;

/**
 * Life cycle of the Fluxion workbench: creates the {@link AnalysisSession} in the application
 * context before the model is rendered, acts on the command line once the window is up
 * ({@code --open FILE}, {@code --demo [--masterclass] [--out DIR] [--size small|full]}), reports the time from
 * start to the first window, and cancels a running job and releases the services at shutdown.
 */
public final class WorkbenchLifeCycle {
    /** System property set by the launcher script: epoch milliseconds when the user started it. */
    static final String LAUNCH_TIME_PROPERTY = "fluxion.launch.millis";

    private OsgiInstalledServices services;
    private AnalysisSession session;

    @PostContextCreate
    void postContextCreate(IEclipseContext context, IApplicationContext application, IEventBroker broker) {
        services = new OsgiInstalledServices(FrameworkUtil.getBundle(WorkbenchLifeCycle.class).getBundleContext());
        session = new AnalysisSession(services);
        context.set(AnalysisSession.class, session);
        Object a = application.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        StartupRequest request;
        String argumentError = null;
        try {
            request = StartupRequest.parse(a instanceof String[] s ? s : new String[0]);
        } catch (IllegalArgumentException e) {
            request = StartupRequest.NONE;
            argumentError = e.getMessage();
            System.err.println("fluxion: " + argumentError);
        }
        // tool items ask their handlers again whenever a run starts or ends or the document changes
        session.addListener(topic -> {
            if (topic == AnalysisSession.Topic.RUN || topic == AnalysisSession.Topic.DOCUMENT
                    || topic == AnalysisSession.Topic.VALIDATION) {
                broker.post(UIEvents.REQUEST_ENABLEMENT_UPDATE_TOPIC, UIEvents.ALL_ELEMENT_ID);
            }
        });
        StartupRequest startup = request;
        String error = argumentError;
        broker.subscribe(UIEvents.UILifeCycle.APP_STARTUP_COMPLETE, event -> {
            reportStartupTime();
            started(context, startup, error);
        });
        broker.subscribe(UIEvents.UILifeCycle.APP_SHUTDOWN_STARTED, event -> shutdown());
    }

    private static void reportStartupTime() {
        long now = System.currentTimeMillis();
        long jvm = ManagementFactory.getRuntimeMXBean().getStartTime();
        String launch = System.getProperty(LAUNCH_TIME_PROPERTY);
        StringBuilder sb = new StringBuilder("fluxion: workbench window open ");
        sb.append(now - jvm).append(" ms after JVM start");
        if (launch != null && launch.matches("\\d+")) {
            sb.append(String.format(Locale.ROOT, ", %d ms after launch", now - Long.parseLong(launch)));
        }
        System.out.println(sb);
    }

    private void started(IEclipseContext context, StartupRequest request, String argumentError) {
        Display display = Display.getCurrent();
        if (argumentError != null) {
            MessageDialog.openError(display.getActiveShell(), "Fluxion", argumentError);
        }
        try {
            if (request.demo() != null && request.masterclass()) {
                session.openMasterclass(request.demo(), request.size(), request.threads());
                MApplication app = context.get(MApplication.class);
                if (!app.getChildren().isEmpty() && app.getChildren().get(0).getContext() != null) {
                    OpenMasterclassHandler.show(app.getChildren().get(0).getContext().get(EPartService.class),
                            context.get(EModelService.class), app);
                }
            } else if (request.demo() != null) {
                session.openDemo(request.demo(), request.size(), request.threads());
            } else if (request.open() != null) {
                session.open(request.open());
            }
        } catch (Exception e) {
            System.err.println("fluxion: " + e.getMessage());
            MessageDialog.openError(display.getActiveShell(), "Fluxion", e.getMessage());
        }
    }

    private void shutdown() {
        if (session != null) {
            session.cancel();
        }
        if (services != null) {
            services.close();
        }
    }

    /**
     * What the command line asks the workbench to open.
     *
     * @param open a configuration file to open, or null
     * @param demo the demo folder to prepare and open, or null
     * @param size demo sample size
     * @param threads threads for generating the demo samples (0 = all cores)
     * @param masterclass whether the demo folder gets the KASCADE masterclass (shown lesson by lesson)
     *                    instead of the demo workflow
     */
    record StartupRequest(Path open, Path demo, KascadeSamples.Size size, int threads, boolean masterclass) {
        static final StartupRequest NONE = new StartupRequest(null, null, KascadeSamples.Size.FULL, 0, false);

        /**
         * Parses the workbench's own options; single-dash Eclipse options ({@code -clearPersistedState},
         * {@code -applicationXMI X}, ...) are left to the platform.
         *
         * @throws IllegalArgumentException for an unknown or incomplete {@code --} option
         */
        static StartupRequest parse(String[] args) {
            Path open = null;
            Path out = null;
            boolean demo = false;
            boolean masterclass = false;
            KascadeSamples.Size size = KascadeSamples.Size.FULL;
            int threads = 0;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (!a.startsWith("--")) {
                    continue;
                }
                switch (a) {
                    case "--demo" -> demo = true;
                    case "--masterclass" -> masterclass = true;
                    case "--open", "--out", "--size", "--threads" -> {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException("option " + a + " needs a value");
                        }
                        String v = args[++i];
                        if (a.equals("--open")) {
                            open = Path.of(v);
                        } else if (a.equals("--out")) {
                            out = Path.of(v);
                        } else if (a.equals("--threads")) {
                            threads = threads(v);
                        } else {
                            size = DemoFolder.size(v);
                        }
                    }
                    default -> throw new IllegalArgumentException("unknown workbench option '" + a
                            + "'; the workbench takes --open FILE, or --demo [--masterclass] [--out DIR] [--size small|full] [--threads N]");
                }
            }
            if (masterclass && !demo) {
                throw new IllegalArgumentException("--masterclass is an option of --demo (fluxion demo masterclass --ui)");
            }
            if (demo) {
                return new StartupRequest(null, (out == null ? Path.of("fluxion-demo") : out).toAbsolutePath().normalize(), size,
                        threads, masterclass);
            }
            if (out != null) {
                throw new IllegalArgumentException("--out is an option of --demo");
            }
            return new StartupRequest(open == null ? null : open.toAbsolutePath().normalize(), null, size, threads, false);
        }

        private static int threads(String v) {
            try {
                int n = Integer.parseInt(v);
                if (n >= 1) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException("--threads must be an integer >= 1 but was '" + v + "'");
        }
    }
}
