package org.nocturne.device.api.mount;

/** Directions of a guide pulse, on the sky: north and south in declination, east and west in right ascension. */
public enum GuideDirection {
    NORTH, SOUTH, EAST, WEST
}
