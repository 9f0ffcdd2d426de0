package org.nocturne.device.api.mount;

/**
 * What a mount is doing. PARKED → (unpark) STOPPED; STOPPED ↔ TRACKING (tracking on/off); STOPPED or TRACKING →
 * SLEWING → TRACKING (a slew ends tracking); any → PARKING → PARKED; STOPPED or TRACKING → MOVING (move axis) → the
 * state before.
 */
public enum MountActivity {
    STOPPED, TRACKING, SLEWING, MOVING, PARKING, PARKED
}
