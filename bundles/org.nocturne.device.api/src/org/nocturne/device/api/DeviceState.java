package org.nocturne.device.api;

/** What every device's state snapshot carries. Snapshots are immutable records. */
public interface DeviceState {

    ConnectionState connection();

    /** The last problem the device reported, for the user; empty when none. */
    String message();
}
