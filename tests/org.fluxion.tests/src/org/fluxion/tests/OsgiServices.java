package org.fluxion.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** Waits for services of the running framework (tests only). */
final class OsgiServices {
    private OsgiServices() {
    }

    static BundleContext context() {
        BundleContext bc = FrameworkUtil.getBundle(OsgiServices.class).getBundleContext();
        assertNotNull(bc, "tests must run inside an OSGi framework");
        return bc;
    }

    static <T> T await(Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> t = new ServiceTracker<>(context(), type, null);
        t.open();
        T s = t.waitForService(10_000);
        assertNotNull(s, type.getName() + " service not registered within 10 s");
        return s;
    }
}
