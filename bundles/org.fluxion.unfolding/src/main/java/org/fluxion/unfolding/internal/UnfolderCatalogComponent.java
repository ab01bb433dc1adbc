package org.fluxion.unfolding.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.fluxion.unfolding.api.RegisteredUnfolder;
import org.fluxion.unfolding.api.UnfolderCatalog;
import org.fluxion.unfolding.api.UnfolderProvider;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** DS whiteboard of every UnfolderProvider, with id, ranking and bundle. */
@Component(service = UnfolderCatalog.class)
public final class UnfolderCatalogComponent implements UnfolderCatalog {
    static final Comparator<RegisteredUnfolder> ORDER = Comparator.comparing(RegisteredUnfolder::id)
            .thenComparing(Comparator.comparingInt(RegisteredUnfolder::ranking).reversed())
            .thenComparingLong(RegisteredUnfolder::serviceId);
    private final Map<Long, RegisteredUnfolder> unfolders = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addUnfolder(UnfolderProvider<?> provider, ServiceReference<?> ref) {
        Object id = ref.getProperty(UnfolderProvider.UNFOLDER_ID);
        Object r = ref.getProperty(Constants.SERVICE_RANKING);
        long serviceId = (Long) ref.getProperty(Constants.SERVICE_ID);
        Bundle b = ref.getBundle();
        unfolders.put(serviceId, new RegisteredUnfolder(provider,
                id == null ? provider.descriptor().id() : id.toString(), r instanceof Integer i ? i : 0, serviceId,
                b == null ? "" : b.getSymbolicName(), b == null ? "" : b.getVersion().toString()));
    }

    void removeUnfolder(UnfolderProvider<?> provider, ServiceReference<?> ref) {
        unfolders.remove((Long) ref.getProperty(Constants.SERVICE_ID));
    }

    @Override
    public List<RegisteredUnfolder> all() {
        List<RegisteredUnfolder> l = new ArrayList<>(unfolders.values());
        l.sort(ORDER);
        return List.copyOf(l);
    }

    @Override
    public RegisteredUnfolder resolve(String id) {
        for (RegisteredUnfolder u : all()) {
            if (u.id().equals(id)) {
                return u;
            }
        }
        return null;
    }
}
