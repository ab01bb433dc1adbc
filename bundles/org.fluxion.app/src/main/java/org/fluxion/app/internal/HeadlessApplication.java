package org.fluxion.app.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.fluxion.api.artifact.PlotRenderer;
import org.fluxion.app.FluxionCommand;
import org.fluxion.core.StepCatalog;
import org.fluxion.unfolding.api.UnfolderCatalog;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The headless Equinox application {@code org.fluxion.app.run}: takes the services it needs from
 * the registry and hands the command line to {@link FluxionCommand}. The exit code is the
 * application's result.
 */
public final class HeadlessApplication implements IApplication {
    private final AtomicBoolean cancel = new AtomicBoolean();

    @Override
    public Object start(IApplicationContext context) throws Exception {
        String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        List<String> argList = args == null ? List.of() : Arrays.asList(args);
        context.applicationRunning();
        Bundle self = FrameworkUtil.getBundle(HeadlessApplication.class);
        BundleContext bc = self.getBundleContext();
        ServiceTracker<StepCatalog, StepCatalog> catalogs = new ServiceTracker<>(bc, StepCatalog.class, null);
        ServiceTracker<PlotRenderer, PlotRenderer> renderers = new ServiceTracker<>(bc, PlotRenderer.class, null);
        ServiceTracker<UnfolderCatalog, UnfolderCatalog> unfolders = new ServiceTracker<>(bc, UnfolderCatalog.class,
                null);
        catalogs.open();
        renderers.open();
        unfolders.open();
        Thread hook = new Thread(() -> cancel.set(true), "fluxion-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            StepCatalog catalog = catalogs.waitForService(10_000);
            if (catalog == null) {
                System.err.println("fluxion: the engine service (org.fluxion.core StepCatalog) did not start within 10 s;"
                        + " is bundle org.fluxion.core in the product and is Felix SCR started?");
                return Integer.valueOf(FluxionCommand.FAILED);
            }
            Map<String, String> platform = new LinkedHashMap<>();
            platform.put("application", self.getSymbolicName() + " " + self.getVersion());
            Bundle fw = bc.getBundle(0);
            platform.put("framework", fw.getSymbolicName() + " " + fw.getVersion());
            for (Bundle b : bc.getBundles()) {
                if (b.getSymbolicName() != null && b.getSymbolicName().startsWith("org.fluxion.")) {
                    platform.put("bundle." + b.getSymbolicName(), b.getVersion().toString());
                }
            }
            FluxionCommand cmd = new FluxionCommand(catalog.snapshot(), unfolders.getService(), renderers.getService(),
                    System.out, System.err, platform, cancel);
            int code = cmd.execute(argList);
            System.out.flush();
            return Integer.valueOf(code);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // already shutting down
            }
            catalogs.close();
            renderers.close();
            unfolders.close();
        }
    }

    @Override
    public void stop() {
        cancel.set(true);
    }
}
