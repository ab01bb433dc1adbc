package org.fluxion.ui.tests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExtension;
import org.eclipse.core.runtime.Platform;
import org.eclipse.e4.ui.internal.workbench.E4Workbench;
import org.eclipse.e4.ui.internal.workbench.swt.E4Application;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.eclipse.swt.SWT;
import org.eclipse.swt.SWTError;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.osgi.framework.Bundle;

/**
 * Starts the Fluxion e4 workbench exactly as the product does (E4Application with the
 * org.fluxion.ui.product branding: model, life cycle, options) on a UI thread of its own, and lets
 * the test thread run code on the UI thread and wait for conditions. Tests only.
 */
final class WorkbenchHarness {
    private static final String PRODUCT = "org.fluxion.ui.product";

    private final Thread uiThread;
    private volatile Display display;
    private volatile E4Workbench workbench;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final CountDownLatch created = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile String noDisplay;
    final long startedNanos = System.nanoTime();

    private WorkbenchHarness() {
        uiThread = new Thread(this::runUi, "fluxion-ui-test");
        uiThread.setDaemon(true);
    }

    /** Why the UI tests cannot run here (no display can be made), or null. */
    static volatile String skipReason;

    /**
     * Starts the workbench.
     *
     * @return the running workbench, or null if no display can be made ({@link #skipReason} says why)
     */
    static WorkbenchHarness start() throws InterruptedException {
        String d = System.getenv("DISPLAY");
        if (d == null || d.isBlank()) {
            skipReason = "UI smoke tests skipped: no X display (DISPLAY is not set); run them under xvfb-run as .ci/run does";
            return null;
        }
        WorkbenchHarness h = new WorkbenchHarness();
        h.uiThread.start();
        if (!h.created.await(120, TimeUnit.SECONDS)) {
            throw new AssertionError("the workbench did not start within 120 s");
        }
        if (h.noDisplay != null) {
            skipReason = "UI smoke tests skipped: no display can be made on DISPLAY=" + d + ": " + h.noDisplay;
            return null;
        }
        if (h.failure.get() != null) {
            throw new AssertionError("the workbench failed to start", h.failure.get());
        }
        return h;
    }

    private void runUi() {
        try {
            try {
                display = new Display();
            } catch (SWTError | UnsatisfiedLinkError e) {
                noDisplay = e.toString();
                created.countDown();
                return;
            }
            E4Application app = new E4Application();
            workbench = app.createE4Workbench(new BrandedContext(), display);
            created.countDown();
            workbench.createAndRunUI(workbench.getApplication());
        } catch (Throwable t) {
            failure.compareAndSet(null, t);
            created.countDown();
        } finally {
            if (display != null && !display.isDisposed()) {
                display.dispose();
            }
            finished.countDown();
        }
    }

    /** Runs code on the UI thread and returns its result; rethrows its failure. */
    <T> T ui(Supplier<T> code) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        display.syncExec(() -> {
            try {
                result.set(code.get());
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        if (thrown.get() instanceof RuntimeException re) {
            throw re;
        }
        if (thrown.get() instanceof Error er) {
            throw er;
        }
        return result.get();
    }

    /** Waits until a condition (checked on the UI thread) holds. */
    void await(String what, long seconds, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            if (failure.get() != null) {
                throw new AssertionError("the workbench failed", failure.get());
            }
            if (ui(() -> condition.getAsBoolean())) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("timed out after " + seconds + " s waiting for: " + what);
    }

    MApplication application() {
        return workbench.getApplication();
    }

    /** @return the object of a rendered part of the model, null if not rendered */
    Object part(String id) {
        return ui(() -> {
            MApplication app = application();
            EModelService models = app.getContext().get(EModelService.class);
            MPart p = (MPart) models.find(id, app);
            return p == null ? null : p.getObject();
        });
    }

    Display display() {
        return display;
    }

    /** @return the workbench's main window */
    Shell mainShell() {
        return ui(() -> {
            for (Shell s : display.getShells()) {
                if (s.isVisible() && "Fluxion".equals(s.getText())) {
                    return s;
                }
            }
            return null;
        });
    }

    /** Writes a PNG of the screen area of a shell (call after the shell has painted). */
    void screenshot(Shell shell, Path file) throws Exception {
        Files.createDirectories(file.getParent());
        ui(() -> {
            shell.update();
            Rectangle b = shell.getBounds();
            Image img = new Image(display, b.width, b.height);
            GC gc = new GC(display);
            try {
                gc.copyArea(img, b.x, b.y);
            } finally {
                gc.dispose();
            }
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] { img.getImageData() };
            loader.save(file.toString(), SWT.IMAGE_PNG);
            img.dispose();
            return null;
        });
    }

    /** Closes the workbench and waits for the UI thread to end. */
    void close() throws InterruptedException {
        if (display != null && !display.isDisposed() && workbench != null) {
            try {
                display.syncExec(() -> workbench.close());
            } catch (RuntimeException e) {
                // already gone
            }
        }
        finished.await(60, TimeUnit.SECONDS);
    }

    /** The application context E4Application reads: no extra arguments, branding from the product extension. */
    private static final class BrandedContext implements IApplicationContext {
        private final Map<String, String> properties = new HashMap<>();
        private final Bundle bundle;

        BrandedContext() {
            IExtension ext = Platform.getExtensionRegistry().getExtension("org.eclipse.core.runtime.products", PRODUCT);
            if (ext == null) {
                throw new IllegalStateException("product extension " + PRODUCT + " not found: is org.fluxion.ui installed?");
            }
            IConfigurationElement product = ext.getConfigurationElements()[0];
            for (IConfigurationElement p : product.getChildren("property")) {
                properties.put(p.getAttribute("name"), p.getAttribute("value"));
            }
            bundle = Platform.getBundle(ext.getContributor().getName());
        }

        @Override
        public Map<String, Object> getArguments() {
            Map<String, Object> m = new HashMap<>();
            m.put(IApplicationContext.APPLICATION_ARGS, new String[0]);
            return m;
        }

        @Override
        public void applicationRunning() {
        }

        @Override
        public String getBrandingApplication() {
            return "org.eclipse.e4.ui.workbench.swt.E4Application";
        }

        @Override
        public String getBrandingName() {
            return properties.getOrDefault("appName", "Fluxion");
        }

        @Override
        public String getBrandingDescription() {
            return "";
        }

        @Override
        public String getBrandingId() {
            return PRODUCT;
        }

        @Override
        public String getBrandingProperty(String key) {
            return properties.get(key);
        }

        @Override
        public Bundle getBrandingBundle() {
            return bundle;
        }

        @Override
        public void setResult(Object result, IApplication application) {
        }
    }
}
