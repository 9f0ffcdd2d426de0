package org.nocturne.core.night;

import java.time.Instant;

import org.nocturne.core.sky.TwilightPhase;

/**
 * The sky shared by every target at one sample of the night.
 *
 * @param time the instant
 * @param localSiderealTimeHours local apparent sidereal time, hours [0, 24)
 * @param sunAltitudeDegrees geometric (airless) altitude of the Sun's centre, degrees: the quantity the twilight limits
 *            are defined on
 * @param moonAltitudeDegrees observed altitude of the Moon's centre from the site, parallax and refraction included,
 *            degrees
 * @param twilight the phase of the sky for that Sun altitude
 */
public record NightSample(Instant time, double localSiderealTimeHours, double sunAltitudeDegrees, double moonAltitudeDegrees,
        TwilightPhase twilight) {
}
