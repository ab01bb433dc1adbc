package org.fluxion.ui.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.fluxion.api.artifact.PlotRenderer;
import org.fluxion.api.workflow.StepProvider;
import org.fluxion.core.StepCatalog;
import org.fluxion.core.StepRegistry;
import org.fluxion.unfolding.api.RegisteredUnfolder;
import org.fluxion.unfolding.api.UnfolderCatalog;
import org.fluxion.unfolding.api.UnfolderProvider;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;

/**
 * {@link InstalledServices} from the OSGi service registry: tracks the engine's {@link StepCatalog},
 * the {@link UnfolderCatalog}, the {@link PlotRenderer}, and every step and unfolder provider (only
 * to notice changes). Thread-safe; {@link #close()} when the workbench shuts down.
 */
public final class OsgiInstalledServices implements InstalledServices, AutoCloseable {
    private final BundleContext context;
    private final List<Runnable> callbacks = new CopyOnWriteArrayList<>();
    private final ServiceTracker<StepCatalog, StepCatalog> catalogs;
    private final ServiceTracker<UnfolderCatalog, UnfolderCatalog> unfolderCatalogs;
    private final ServiceTracker<PlotRenderer, PlotRenderer> renderers;
    private final ServiceTracker<?, ?> stepProviders;
    private final ServiceTracker<?, ?> unfolderProviders;

    public OsgiInstalledServices(BundleContext context) {
        this.context = context;
        catalogs = new ServiceTracker<>(context, StepCatalog.class, notifying());
        unfolderCatalogs = new ServiceTracker<>(context, UnfolderCatalog.class, notifying());
        renderers = new ServiceTracker<>(context, PlotRenderer.class, notifying());
        stepProviders = new ServiceTracker<>(context, StepProvider.class.getName(), notifying());
        unfolderProviders = new ServiceTracker<>(context, UnfolderProvider.class.getName(), notifying());
        catalogs.open();
        unfolderCatalogs.open();
        renderers.open();
        stepProviders.open(true);
        unfolderProviders.open(true);
    }

    private <S, T> ServiceTrackerCustomizer<S, T> notifying() {
        return new ServiceTrackerCustomizer<>() {
            @Override
            public T addingService(ServiceReference<S> reference) {
                @SuppressWarnings("unchecked")
                T service = (T) context.getService(reference);
                fire();
                return service;
            }

            @Override
            public void modifiedService(ServiceReference<S> reference, T service) {
                fire();
            }

            @Override
            public void removedService(ServiceReference<S> reference, T service) {
                context.ungetService(reference);
                fire();
            }
        };
    }

    private void fire() {
        callbacks.forEach(Runnable::run);
    }

    /**
     * Waits until the engine's step catalog is registered (Felix SCR starts components
     * asynchronously).
     *
     * @return whether it appeared within the time
     */
    public boolean awaitEngine(long millis) throws InterruptedException {
        return catalogs.waitForService(millis) != null;
    }

    @Override
    public StepRegistry steps() {
        StepCatalog c = catalogs.getService();
        return c == null ? StepRegistry.of(List.of()) : c.snapshot();
    }

    @Override
    public List<RegisteredUnfolder> unfolders() {
        UnfolderCatalog c = unfolderCatalogs.getService();
        return c == null ? List.of() : c.all();
    }

    @Override
    public PlotRenderer renderer() {
        return renderers.getService();
    }

    @Override
    public Map<String, String> platform() {
        Map<String, String> m = new LinkedHashMap<>();
        Bundle self = context.getBundle();
        m.put("application", self.getSymbolicName() + " " + self.getVersion());
        Bundle fw = context.getBundle(0);
        m.put("framework", fw.getSymbolicName() + " " + fw.getVersion());
        for (Bundle b : context.getBundles()) {
            if (b.getSymbolicName() != null && b.getSymbolicName().startsWith("org.fluxion.")) {
                m.put("bundle." + b.getSymbolicName(), b.getVersion().toString());
            }
        }
        return m;
    }

    @Override
    public void onChange(Runnable callback) {
        callbacks.add(callback);
    }

    @Override
    public void close() {
        callbacks.clear();
        stepProviders.close();
        unfolderProviders.close();
        renderers.close();
        unfolderCatalogs.close();
        catalogs.close();
    }
}
