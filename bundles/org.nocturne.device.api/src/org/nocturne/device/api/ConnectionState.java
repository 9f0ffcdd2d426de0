package org.nocturne.device.api;

/**
 * Where a device's connection stands. Transitions: DISCONNECTED → CONNECTING → CONNECTED → DISCONNECTING →
 * DISCONNECTED; CONNECTING or CONNECTED → FAULTED when the device stops answering or answers nonsense; FAULTED →
 * CONNECTING on a new connect, or → DISCONNECTED on disconnect.
 */
public enum ConnectionState {
    DISCONNECTED("Disconnected"),
    CONNECTING("Connecting"),
    CONNECTED("Connected"),
    DISCONNECTING("Disconnecting"),
    FAULTED("Faulted");

    private final String label;

    ConnectionState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** True when commands may be sent. */
    public boolean isConnected() {
        return this == CONNECTED;
    }
}
