package org.nocturne.device.indi;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.nocturne.device.api.Device;
import org.nocturne.device.api.DeviceContext;
import org.nocturne.device.api.DeviceKind;
import org.nocturne.device.api.DeviceProvider;
import org.nocturne.device.api.Discovered;
import org.nocturne.device.api.SettingDescriptor;
import org.nocturne.device.indi.protocol.IndiStreamParser;

/**
 * INDI as a driver family: devices of an INDI server (indiserver, protocol 1.7, XML over TCP), registered as a
 * Declarative Services component ({@code OSGI-INF/org.nocturne.device.indi.IndiProvider.xml}). Each device keeps its
 * own connection to the server (see {@link IndiDevice}). Offers cameras, mounts, focusers, filter wheels, rotators,
 * flat panels, weather stations and safety monitors; not guiders (an autoguider such as PHD2 is not an INDI device;
 * guide pulses go through the mount) and not switches (no INDI power-box simulator to test against). Thread-safe.
 */
public final class IndiProvider implements DeviceProvider {

    public static final String ID = "org.nocturne.device.indi";

    private static final Set<DeviceKind> KINDS = EnumSet.of(DeviceKind.CAMERA, DeviceKind.MOUNT, DeviceKind.FOCUSER,
            DeviceKind.FILTER_WHEEL, DeviceKind.ROTATOR, DeviceKind.FLAT_PANEL, DeviceKind.WEATHER, DeviceKind.SAFETY_MONITOR);

    private final long maxBlobBytes;

    public IndiProvider() {
        this(IndiStreamParser.DEFAULT_MAX_BLOB_BYTES);
    }

    /** A provider whose cameras refuse images larger than {@code maxBlobBytes} (decoded bytes). */
    public IndiProvider(long maxBlobBytes) {
        this.maxBlobBytes = maxBlobBytes;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "INDI";
    }

    @Override
    public Set<DeviceKind> kinds() {
        return EnumSet.copyOf(KINDS);
    }

    @Override
    public List<SettingDescriptor> settings(DeviceKind kind) {
        supported(kind);
        return IndiSettings.descriptors(kind);
    }

    @Override
    public Device<?> create(DeviceKind kind, Map<String, String> settings, DeviceContext context) {
        supported(kind);
        IndiSettings values = IndiSettings.of(kind, settings);
        return switch (kind) {
            case CAMERA -> new IndiCamera(values, maxBlobBytes);
            case MOUNT -> new IndiMount(values, context);
            case FOCUSER -> new IndiFocuser(values);
            case FILTER_WHEEL -> new IndiFilterWheel(values);
            case ROTATOR -> new IndiRotator(values);
            case FLAT_PANEL -> new IndiFlatPanel(values);
            case WEATHER -> new IndiWeather(values);
            case SAFETY_MONITOR -> new IndiSafetyMonitor(values);
            case GUIDER, SWITCH -> throw new IllegalArgumentException("INDI offers no " + kind.label().toLowerCase() + " devices");
        };
    }

    @Override
    public CompletableFuture<List<Discovered>> discover(DeviceKind kind, Map<String, String> settings) {
        CompletableFuture<List<Discovered>> result = new CompletableFuture<>();
        if (!KINDS.contains(kind)) {
            result.complete(List.of());
            return result;
        }
        IndiSettings values;
        try {
            values = IndiSettings.ofServer(kind, settings);
        } catch (IllegalArgumentException e) {
            result.completeExceptionally(e);
            return result;
        }
        Thread.ofPlatform().daemon().name("INDI discovery " + values.address()).start(() -> {
            try {
                result.complete(IndiDiscovery.discover(kind, values));
            } catch (InterruptedException e) {
                result.cancel(false);
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    private static void supported(DeviceKind kind) {
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("INDI offers no " + kind.label().toLowerCase() + " devices");
        }
    }
}
