package org.nocturne.device.core.testing;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.nocturne.device.api.Device;
import org.nocturne.device.api.DeviceContext;
import org.nocturne.device.api.DeviceKind;
import org.nocturne.device.api.DeviceProvider;
import org.nocturne.device.api.SettingDescriptor;

/**
 * A test double for a driver family: makes {@link FakeDevice}s of the kinds it is given, connecting as configured per
 * kind, and remembers what it made and with which context. Thread-safe enough for the tests.
 */
public final class FakeProvider implements DeviceProvider {

    /** The camera settings every fake provider declares. */
    public static final List<SettingDescriptor> CAMERA_SETTINGS = List.of(
            SettingDescriptor.of("gain", "Gain", SettingDescriptor.Type.INTEGER, "100", "", "Sensor gain"),
            new SettingDescriptor("readout", "Readout mode", SettingDescriptor.Type.CHOICE, "fast", List.of("fast", "quality"), "",
                    "How the sensor is read"),
            SettingDescriptor.of("port", "Server port", SettingDescriptor.Type.PORT, "7624", "", "TCP port of the server"));

    private final String id;
    private final String name;
    private final Set<DeviceKind> kinds;
    private final Map<DeviceKind, FakeDevice.Connect> connects = new EnumMap<>(DeviceKind.class);
    private final Map<DeviceKind, String> createFailures = new EnumMap<>(DeviceKind.class);
    private final List<FakeDevice> made = new CopyOnWriteArrayList<>();
    private final List<DeviceContext> contexts = new CopyOnWriteArrayList<>();

    public FakeProvider(String id, String name, Set<DeviceKind> kinds) {
        this.id = id;
        this.name = name;
        this.kinds = Set.copyOf(kinds);
    }

    /** Makes every kind. */
    public FakeProvider(String id, String name) {
        this(id, name, EnumSet.allOf(DeviceKind.class));
    }

    /** Devices of {@code kind} made from now on connect as {@code connect} says (default: at once). */
    public FakeProvider connecting(DeviceKind kind, FakeDevice.Connect connect) {
        connects.put(kind, connect);
        return this;
    }

    /** create() of {@code kind} throws an IllegalStateException with {@code message} from now on. */
    public FakeProvider failingToCreate(DeviceKind kind, String message) {
        createFailures.put(kind, message);
        return this;
    }

    public List<FakeDevice> made() {
        return List.copyOf(made);
    }

    public FakeDevice made(DeviceKind kind) {
        return made.stream().filter(device -> device.kind() == kind).findFirst().orElseThrow();
    }

    public List<DeviceContext> contexts() {
        return List.copyOf(contexts);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Set<DeviceKind> kinds() {
        return kinds;
    }

    @Override
    public List<SettingDescriptor> settings(DeviceKind kind) {
        return kind == DeviceKind.CAMERA ? CAMERA_SETTINGS : List.of();
    }

    @Override
    public Device<?> create(DeviceKind kind, Map<String, String> settings, DeviceContext context) {
        if (!kinds.contains(kind)) {
            throw new IllegalArgumentException(name + " makes no " + kind.label());
        }
        String failure = createFailures.get(kind);
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
        FakeDevice device = new FakeDevice(kind, id, connects.getOrDefault(kind, FakeDevice.Connect.AT_ONCE));
        made.add(device);
        contexts.add(context);
        return device.device();
    }

    @Override
    public String toString() {
        return id;
    }
}
