package org.fluxion.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.TreeMap;

import org.fluxion.api.artifact.PlotRenderer;
import org.fluxion.core.StepCatalog;
import org.fluxion.core.StepRegistry;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

/** The product's bundles resolve in Equinox and every step provider is registered through DS. */
class ProductBundlesTest {
    static final String[] PRODUCT_BUNDLES = { "org.fluxion.api", "org.fluxion.core", "org.fluxion.app",
            "org.fluxion.plot", "org.fluxion.io.text", "org.fluxion.io.hdf5", "org.fluxion.synth", "org.fluxion.histogram",
            "org.fluxion.unfolding.api", "org.fluxion.unfolding", "org.fluxion.unfolding.llh", "org.fluxion.unfolding.ibu",
            "org.fluxion.unfolding.gold" };

    @Test
    void everyFluxionBundleResolves() {
        Map<String, Bundle> byName = new TreeMap<>();
        for (Bundle b : OsgiServices.context().getBundles()) {
            byName.put(b.getSymbolicName(), b);
        }
        for (String name : PRODUCT_BUNDLES) {
            Bundle b = byName.get(name);
            assertNotNull(b, name + " is not installed; installed: " + byName.keySet());
            assertTrue(b.getState() != Bundle.INSTALLED && b.getState() != Bundle.UNINSTALLED,
                    name + " did not resolve (state " + b.getState() + ")");
        }
    }

    @Test
    void everyStepProviderIsRegistered() throws Exception {
        StepRegistry reg = OsgiServices.await(StepCatalog.class).snapshot();
        for (String id : new String[] { "load_text", "load_hdf5", "histogram", "unfold_histograms" }) {
            assertNotNull(reg.resolve(id), "no provider for step '" + id + "'; installed: " + reg.ids());
        }
        assertEquals("org.fluxion.histogram", reg.resolve("histogram").bundle());
        assertNotNull(OsgiServices.await(PlotRenderer.class));
    }
}
