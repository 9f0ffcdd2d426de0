package org.nocturne.device.api.camera;

/** What the camera's sensor is doing. IDLE → EXPOSING → DOWNLOADING → IDLE; any of them → ERROR on a failure. */
public enum ExposureStatus {
    IDLE, EXPOSING, DOWNLOADING, ERROR
}
