package org.nocturne.device.api.mount;

/** The two axes of an equatorial mount. */
public enum MountAxis {
    RIGHT_ASCENSION, DECLINATION
}
