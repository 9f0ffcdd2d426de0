package org.nocturne.ui.site;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.model.application.MApplication;

import jakarta.annotation.PostConstruct;

/** Application add-on: puts the one {@link SiteStore} into the application context, where every part can inject it. */
public final class SiteAddon {

    @PostConstruct
    public void start(MApplication application, IEventBroker eventBroker) {
        IEclipseContext context = application.getContext();
        context.set(SiteStore.class, new SiteStore(InstanceScope.INSTANCE.getNode("org.nocturne.ui"), eventBroker));
    }
}
