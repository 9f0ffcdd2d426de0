package org.nocturne.device.api.mount;

/** The rates mounts track at. */
public enum TrackingRate {
    SIDEREAL, LUNAR, SOLAR, KING
}
