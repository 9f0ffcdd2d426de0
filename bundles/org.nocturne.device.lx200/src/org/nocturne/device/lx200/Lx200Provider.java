package org.nocturne.device.lx200;

import java.util.ArrayList;
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

import com.fazecast.jSerialComm.SerialPort;

/**
 * Mounts that speak Meade's LX200 protocol, over a serial line or a TCP bridge: Meade LX200 and Autostar, and the
 * many mounts that copy the protocol (OnStep, 10Micron, Losmandy Gemini, Astro-Physics in part). Registered as a
 * Declarative Services component. Thread-safe.
 */
public final class Lx200Provider implements DeviceProvider {

    public static final String ID = "org.nocturne.device.lx200";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "LX200 (serial or TCP)";
    }

    @Override
    public Set<DeviceKind> kinds() {
        return Set.of(DeviceKind.MOUNT);
    }

    @Override
    public List<SettingDescriptor> settings(DeviceKind kind) {
        requireMount(kind);
        return Lx200Settings.descriptors();
    }

    @Override
    public Device<?> create(DeviceKind kind, Map<String, String> settings, DeviceContext context) {
        requireMount(kind);
        return new Lx200Mount(Lx200Settings.of(settings), context);
    }

    /** The serial ports present, labelled with what the system says they are; runs off the caller's thread. */
    @Override
    public CompletableFuture<List<Discovered>> discover(DeviceKind kind, Map<String, String> settings) {
        if (kind != DeviceKind.MOUNT) {
            return CompletableFuture.completedFuture(List.of());
        }
        CompletableFuture<List<Discovered>> result = new CompletableFuture<>();
        Thread search = new Thread(() -> {
            try {
                List<Discovered> found = new ArrayList<>();
                for (SerialPort port : SerialPort.getCommPorts()) {
                    String path = port.getSystemPortPath();
                    String description = port.getPortDescription();
                    String label = description == null || description.isBlank() ? path : path + " — " + description;
                    found.add(new Discovered(label, Map.of(Lx200Settings.SERIAL_PORT, path, Lx200Settings.CONNECTION, Lx200Settings.SERIAL)));
                }
                result.complete(found);
            } catch (RuntimeException | LinkageError e) {
                result.completeExceptionally(new IllegalStateException("Cannot list the serial ports: " + e.getMessage(), e));
            }
        }, "Nocturne LX200 serial port search");
        search.setDaemon(true);
        search.start();
        return result;
    }

    private static void requireMount(DeviceKind kind) {
        if (kind != DeviceKind.MOUNT) {
            throw new IllegalArgumentException("The LX200 driver makes mounts only, not " + kind.label());
        }
    }
}
