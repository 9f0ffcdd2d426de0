package org.nocturne.device.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.nocturne.device.api.DeviceKind;
import org.nocturne.device.api.DeviceProvider;
import org.nocturne.device.core.ProviderChange.Type;
import org.nocturne.device.core.testing.FakeProvider;

class DeviceRegistryTest {

    private final FakeProvider simulator = new FakeProvider("org.nocturne.device.sim", "Sky simulator");
    private final FakeProvider indi = new FakeProvider("org.nocturne.device.indi", "INDI",
            EnumSet.of(DeviceKind.CAMERA, DeviceKind.MOUNT, DeviceKind.FOCUSER));
    private final FakeProvider alpaca = new FakeProvider("org.nocturne.device.alpaca", "ASCOM Alpaca", EnumSet.of(DeviceKind.WEATHER));

    @Test
    void listsProvidersByNameAndFindsThemByIdAndKind() {
        DeviceRegistry registry = new DeviceRegistry();
        registry.addProvider(simulator);
        registry.addProvider(indi);
        registry.addProvider(alpaca);

        assertEquals(List.of(alpaca, indi, simulator), registry.providers());
        assertEquals(List.of(indi, simulator), registry.providers(DeviceKind.MOUNT));
        assertEquals(List.of(alpaca, simulator), registry.providers(DeviceKind.WEATHER));
        assertEquals(List.of(simulator), registry.providers(DeviceKind.FLAT_PANEL));
        assertSame(indi, registry.provider("org.nocturne.device.indi").orElseThrow());
        assertTrue(registry.provider("org.x.y").isEmpty());
    }

    @Test
    void removedProvidersAreForgottenAndTheListsAreSnapshots() {
        DeviceRegistry registry = new DeviceRegistry();
        registry.addProvider(simulator);
        registry.addProvider(indi);
        List<DeviceProvider> before = registry.providers();

        registry.removeProvider(indi);

        assertEquals(List.of(simulator), registry.providers());
        assertTrue(registry.provider("org.nocturne.device.indi").isEmpty());
        assertEquals(List.of(indi, simulator), before, "an earlier answer does not change under the caller");
        assertThrows(UnsupportedOperationException.class, () -> registry.providers().add(alpaca));
    }

    @Test
    void listenersHearEachChangeOnceInOrderUntilTheyUnsubscribe() {
        DeviceRegistry registry = new DeviceRegistry();
        List<ProviderChange> heard = new ArrayList<>();
        DeviceRegistry.Subscription subscription = registry.subscribe(heard::add);

        registry.addProvider(simulator);
        registry.addProvider(simulator);
        registry.addProvider(indi);
        registry.removeProvider(simulator);
        registry.removeProvider(simulator);
        registry.removeProvider(alpaca);
        subscription.close();
        registry.addProvider(alpaca);
        subscription.close();

        assertEquals(List.of(new ProviderChange(Type.ADDED, simulator), new ProviderChange(Type.ADDED, indi),
                new ProviderChange(Type.REMOVED, simulator)), heard);
        assertEquals(List.of(alpaca, indi), registry.providers());
    }

    @Test
    void aListenerThatThrowsDoesNotKeepTheOthersFromHearingNorUndoTheChange() {
        DeviceRegistry registry = new DeviceRegistry();
        List<ProviderChange> heard = new ArrayList<>();
        registry.subscribe(change -> {
            throw new IllegalStateException("listener bug");
        });
        registry.subscribe(heard::add);

        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> registry.addProvider(simulator));

        assertEquals("listener bug", thrown.getMessage());
        assertEquals(List.of(new ProviderChange(Type.ADDED, simulator)), heard);
        assertEquals(List.of(simulator), registry.providers());
    }

    @Test
    void providersComingAndGoingOnManyThreadsAreNeitherLostNorHeardTwice() throws Exception {
        DeviceRegistry registry = new DeviceRegistry();
        List<ProviderChange> heard = new CopyOnWriteArrayList<>();
        registry.subscribe(heard::add);
        List<FakeProvider> providers = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            providers.add(new FakeProvider("test.provider" + i, "Provider " + i));
        }
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < providers.size(); i++) {
                FakeProvider provider = providers.get(i);
                boolean keep = i % 2 == 0;
                work.add(threads.submit(() -> {
                    start.await();
                    registry.addProvider(provider);
                    registry.providers(DeviceKind.CAMERA);
                    if (!keep) {
                        registry.removeProvider(provider);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : work) {
                future.get(30, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }

        assertEquals(100, registry.providers().size());
        assertTrue(registry.providers().stream().allMatch(provider -> providers.indexOf(provider) % 2 == 0));
        assertEquals(200, heard.stream().filter(change -> change.type() == Type.ADDED).count());
        assertEquals(100, heard.stream().filter(change -> change.type() == Type.REMOVED).count());
        for (FakeProvider provider : providers.subList(0, 10)) {
            List<Type> changes = heard.stream().filter(change -> change.provider() == provider).map(ProviderChange::type).toList();
            assertEquals(providers.indexOf(provider) % 2 == 0 ? List.of(Type.ADDED) : List.of(Type.ADDED, Type.REMOVED), changes,
                    provider.id());
        }
    }
}
