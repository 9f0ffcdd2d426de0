package org.nocturne.core.night;

/** Whether a fixed object rises and sets at a site, on the standard horizon (centre at geometric altitude −34′). */
public enum Visibility {
    /** Crosses the horizon twice a day. */
    RISES_AND_SETS,
    /** Never sets: its lower culmination is above the horizon (declination beyond 90° − |latitude| on the pole's side). */
    CIRCUMPOLAR,
    /** Never rises: its upper culmination is below the horizon (declination beyond 90° − |latitude| on the other side). */
    NEVER_RISES
}
