package org.nocturne.device.sim;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.nocturne.core.sky.ObserverSite;
import org.nocturne.device.api.Device;
import org.nocturne.device.api.DeviceContext;
import org.nocturne.device.api.DeviceKind;

/**
 * Fresh simulated devices for tests: each call makes a new observatory (its own seed) that runs a thousand times
 * faster than real time, at a fixed night at a mid-northern site so that targets stand where the tests expect.
 */
final class SimDevices {

    /** 2026-11-25 22:00 UTC at 48° N: Cassiopeia high, the Pleiades in the east. */
    static final Instant NIGHT = Instant.parse("2026-11-25T22:00:00Z");
    static final ObserverSite SITE = new ObserverSite("Test site", 48.0, 11.0, 500);
    static final double TIME_SCALE = 1000;

    private static final AtomicLong SEEDS = new AtomicLong(1);

    final SimulatorProvider provider = new SimulatorProvider();
    final DeviceContext context = new DeviceContext(SITE, 400, 80, SEEDS.getAndIncrement());
    final SimulatedObservatory observatory;

    SimDevices() {
        observatory = new SimulatedObservatory(context, NIGHT, TIME_SCALE);
        provider.adopt(context, observatory);
    }

    <D extends Device<?>> D make(DeviceKind kind, Class<D> type) {
        return make(kind, type, Map.of());
    }

    <D extends Device<?>> D make(DeviceKind kind, Class<D> type, Map<String, String> settings) {
        return type.cast(provider.create(kind, settings, context));
    }
}
