package org.fluxion.core.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.fluxion.api.workflow.StepProvider;
import org.fluxion.core.RegisteredStep;
import org.fluxion.core.StepCatalog;
import org.fluxion.core.StepRegistry;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** DS whiteboard: collects every StepProvider service with its id, ranking and bundle. */
@Component(service = StepCatalog.class)
public final class StepCatalogComponent implements StepCatalog {
    private final Map<Long, RegisteredStep> steps = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addProvider(StepProvider<?> provider, ServiceReference<?> ref) {
        Object id = ref.getProperty(StepProvider.STEP_ID);
        String stepId = id == null ? provider.descriptor().id() : id.toString();
        Object r = ref.getProperty(Constants.SERVICE_RANKING);
        int ranking = r instanceof Integer i ? i : 0;
        long serviceId = (Long) ref.getProperty(Constants.SERVICE_ID);
        Bundle b = ref.getBundle();
        steps.put(serviceId, new RegisteredStep(provider, stepId, ranking, serviceId,
                b == null ? "" : b.getSymbolicName(), b == null ? "" : b.getVersion().toString()));
    }

    void removeProvider(StepProvider<?> provider, ServiceReference<?> ref) {
        steps.remove((Long) ref.getProperty(Constants.SERVICE_ID));
    }

    @Override
    public StepRegistry snapshot() {
        return StepRegistry.of(new ArrayList<>(List.copyOf(steps.values())));
    }
}
