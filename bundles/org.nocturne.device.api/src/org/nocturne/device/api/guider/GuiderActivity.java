package org.nocturne.device.api.guider;

/** What a guider is doing, as PHD2 names its states. */
public enum GuiderActivity {
    STOPPED, LOOPING, CALIBRATING, GUIDING, SETTLING, LOST_STAR
}
