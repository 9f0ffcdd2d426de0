package org.nocturne.device.sim;

/** Trouble the simulator can be told to make, so that reliability code can be tested against it. */
public enum Fault {
    /** The device stops answering: its next command fails and the device is marked faulted. */
    DISCONNECT,
    /** The device swallows commands: they never complete until cancelled. */
    TIMEOUT,
    /** The guide star is lost (clouds, a satellite, a bump): the guider stops correcting and says so. */
    LOST_STAR
}
