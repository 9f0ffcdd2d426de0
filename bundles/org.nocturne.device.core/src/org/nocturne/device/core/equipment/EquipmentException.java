package org.nocturne.device.core.equipment;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Some devices of the equipment could not be made, connected or disconnected. The message says what was being done and
 * then, one per line, each device that failed and why; the causes, where there are any, are attached as suppressed
 * exceptions for the log.
 */
public final class EquipmentException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<DeviceFailure> failures;

    /**
     * @param summary what could not be done, for example "Could not connect 2 of 5 devices"
     * @param failures at least one
     */
    public EquipmentException(String summary, List<DeviceFailure> failures) {
        super(summary + ":\n" + failures.stream().map(DeviceFailure::message).collect(Collectors.joining("\n")));
        if (failures.isEmpty()) {
            throw new IllegalArgumentException("An equipment failure needs at least one failed device");
        }
        this.failures = List.copyOf(failures);
    }

    /** Every device that failed, in {@link org.nocturne.device.api.DeviceKind} order. */
    public List<DeviceFailure> failures() {
        return failures;
    }
}
