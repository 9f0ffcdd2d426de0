package org.nocturne.image;

/** Which side of the pier a German equatorial mount's tube was on, as FITS {@code PIERSIDE} ("EAST"/"WEST"). */
public enum PierSide {
    EAST, WEST
}
