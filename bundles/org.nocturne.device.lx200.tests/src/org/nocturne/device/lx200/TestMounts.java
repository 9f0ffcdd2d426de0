package org.nocturne.device.lx200;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.nocturne.core.sky.ApparentFrame;
import org.nocturne.core.sky.AstroTime;
import org.nocturne.core.sky.Equatorial;
import org.nocturne.core.sky.ObserverSite;
import org.nocturne.core.sky.TopocentricSky;
import org.nocturne.device.api.DeviceContext;
import org.nocturne.device.api.DeviceKind;
import org.nocturne.device.api.mount.Mount;

/** LX200 mounts for tests, on a pseudo-terminal or a loopback TCP port, and a target that is up now. */
final class TestMounts {

    static final ObserverSite SITE = new ObserverSite("Test site", 48.0, 11.0, 500);

    private TestMounts() {
    }

    static Mount serial(Path port, Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>(Map.of("connection", "serial", "serialPort", port.toString(), "timeout", "1"));
        settings.putAll(extra);
        return make(settings);
    }

    static Mount tcp(int port, Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>(Map.of("connection", "tcp", "host", "127.0.0.1", "tcpPort", Integer.toString(port),
                "timeout", "1"));
        settings.putAll(extra);
        return make(settings);
    }

    /** A mount on a loopback TCP port whose computer clock and time zone are {@code clock}'s. */
    static Lx200Mount tcp(int port, Clock clock) {
        return new Lx200Mount(Lx200Settings.of(Map.of("connection", "tcp", "host", "127.0.0.1", "tcpPort", Integer.toString(port))),
                context(), clock);
    }

    private static Mount make(Map<String, String> settings) {
        return (Mount) new Lx200Provider().create(DeviceKind.MOUNT, settings, context());
    }

    private static DeviceContext context() {
        return new DeviceContext(SITE, 800, 200, 1);
    }

    /** An ICRS place an hour east of the meridian at declination +40°, high in the sky at the test site now. */
    static Equatorial reachableTarget() {
        AstroTime now = AstroTime.of(Instant.now());
        double lst = new TopocentricSky(SITE).localSiderealTimeHours(now);
        return ApparentFrame.toIcrs(Equatorial.ofHoursDegrees(lst + 1, 40), now);
    }
}
