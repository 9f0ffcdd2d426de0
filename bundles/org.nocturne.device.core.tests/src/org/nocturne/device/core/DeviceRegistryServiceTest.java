package org.nocturne.device.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.nocturne.device.api.DeviceProvider;
import org.nocturne.device.core.ProviderChange.Type;
import org.nocturne.device.core.testing.FakeProvider;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.ServiceTracker;

/** The registry as the product gets it: a Declarative Services component that Felix SCR binds to provider services. */
class DeviceRegistryServiceTest {

    @Test
    void serviceComponentRuntimeBindsProvidersAsTheirServicesComeAndGo() throws Exception {
        Bundle bundle = FrameworkUtil.getBundle(DeviceRegistry.class);
        assertNotNull(bundle, "the tests run inside OSGi");
        BundleContext context = bundle.getBundleContext();
        assertNotNull(context, "org.nocturne.device.core is not started (state " + bundle.getState() + ")");
        ServiceTracker<DeviceRegistry, DeviceRegistry> tracker = new ServiceTracker<>(context, DeviceRegistry.class, null);
        tracker.open();
        try {
            DeviceRegistry registry = tracker.waitForService(10_000);
            assertNotNull(registry, "no DeviceRegistry service: is Felix SCR running, and OSGI-INF/ in the bundle?");
            List<ProviderChange> heard = new CopyOnWriteArrayList<>();
            registry.subscribe(heard::add);
            FakeProvider provider = new FakeProvider("test.declarative.services", "Driver bundle");

            ServiceRegistration<DeviceProvider> registration = context.registerService(DeviceProvider.class, provider, null);
            try {
                waitFor(() -> registry.provider(provider.id()).isPresent());
                assertSame(provider, registry.provider(provider.id()).orElseThrow());
            } finally {
                registration.unregister();
            }
            waitFor(() -> registry.provider(provider.id()).isEmpty());

            assertEquals(List.of(new ProviderChange(Type.ADDED, provider), new ProviderChange(Type.REMOVED, provider)), heard);
            assertSame(registry, tracker.getService(), "one registry while the bundle runs");
        } finally {
            tracker.close();
        }
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(condition.getAsBoolean(), "not within 10 s");
    }
}
