package org.nocturne.ui.equipment;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;

import org.eclipse.core.runtime.Platform;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.model.application.MApplication;
import org.nocturne.device.core.DeviceRegistry;
import org.nocturne.core.sky.ObserverSite;
import org.nocturne.device.core.profile.ProfileStore;
import org.nocturne.ui.site.SiteStore;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

/**
 * Application add-on: finds the device registry (a Declarative Services component of org.nocturne.device.core),
 * opens the profiles under the workbench's data folder ({@code profiles/}, with the Simulator profile on first
 * start), puts the {@link EquipmentSession} into the application context, and keeps the site of the
 * {@link SiteStore} and of the profile the same. Must run after the site add-on.
 */
public final class EquipmentAddon {

    private ServiceTracker<DeviceRegistry, DeviceRegistry> tracker;
    private EquipmentSession session;

    @PostConstruct
    public void start(MApplication application, IEventBroker events) throws IOException, InterruptedException {
        BundleContext bundle = FrameworkUtil.getBundle(EquipmentAddon.class).getBundleContext();
        tracker = new ServiceTracker<>(bundle, DeviceRegistry.class, null);
        tracker.open();
        // The registry is an immediate component: it is there once Declarative Services has seen its bundle.
        DeviceRegistry registry = tracker.waitForService(5000);
        if (registry == null) {
            throw new IllegalStateException("The device registry service did not start: is Declarative Services (org.apache.felix.scr) running?");
        }
        IEclipseContext context = application.getContext();
        session = new EquipmentSession(registry, ProfileStore.open(dataFolder().resolve("profiles")), events);
        context.set(EquipmentSession.class, session);
        keepSiteInStep(context.get(SiteStore.class), events);
    }

    /**
     * One site for everything: the profile's. The site the Setup perspective saves goes into the profile (whose
     * devices are then remade for it), and choosing another profile makes its site the one every part shows.
     */
    private void keepSiteInStep(SiteStore sites, IEventBroker events) {
        if (!sites.site().equals(session.profile().site())) {
            sites.save(session.profile().site());
        }
        events.subscribe(SiteStore.TOPIC_SITE_CHANGED, event -> {
            if (event.getProperty(IEventBroker.DATA) instanceof ObserverSite site && !site.equals(session.profile().site())) {
                session.edit(profile -> profile.withSite(site));
            }
        });
        events.subscribe(EquipmentSession.TOPIC_CHANGED, event -> {
            ObserverSite site = session.profile().site();
            if (!site.equals(sites.site())) {
                sites.save(site);
            }
        });
    }

    @PreDestroy
    public void stop() {
        if (session != null) {
            session.disconnectAll();
        }
        if (tracker != null) {
            tracker.close();
        }
    }

    /** The workbench's data folder (the instance location, ~/.nocturne by default). */
    private static Path dataFolder() throws IOException {
        try {
            return Path.of(Platform.getInstanceLocation().getURL().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            throw new IOException("The workbench has no usable data folder: " + e.getMessage(), e);
        }
    }
}
