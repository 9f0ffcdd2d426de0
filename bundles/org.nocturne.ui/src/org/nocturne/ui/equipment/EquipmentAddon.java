package org.nocturne.ui.equipment;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;

import org.eclipse.core.runtime.Platform;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.model.application.MApplication;
import org.nocturne.device.core.DeviceRegistry;
import org.nocturne.device.core.profile.ProfileStore;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

/**
 * Application add-on: finds the device registry (a Declarative Services component of org.nocturne.device.core),
 * opens the profiles under the workbench's data folder ({@code profiles/}, with the Simulator profile on first
 * start), and puts the {@link EquipmentSession} into the application context.
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
