package org.nocturne.core.night;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.nocturne.core.sky.Equatorial;

/**
 * How one fixed object (a deep-sky target) fares during a night at a site: see {@link NightSky#target}.
 *
 * <p>Rise, transit and set belong to one passage: the upper transit nearest the middle of the night, the rise before it
 * and the set after it, so they may fall outside the night (a target that rose in the afternoon). Rising and setting
 * are on the standard horizon, the centre at geometric altitude −34′ (Meeus' h₀ for stars). Times are good to a few
 * seconds; altitudes to about 0.05° (refraction near the horizon dominates).
 *
 * @param icrs the object's ICRS (J2000) position
 * @param visibility whether it rises and sets, never sets or never rises at the site
 * @param rise rising before {@code transit}; empty unless {@link Visibility#RISES_AND_SETS}
 * @param transit upper culmination (on the meridian, highest) nearest the middle of the night
 * @param set setting after {@code transit}; empty unless {@link Visibility#RISES_AND_SETS}
 * @param transitAltitudeDegrees observed altitude at transit, degrees: 90° − |latitude − apparent declination| plus
 *            refraction
 * @param maxAltitudeDegrees highest observed altitude between sunset and sunrise, degrees
 * @param minimumAltitudeDegrees the observed altitude the caller asked about, degrees
 * @param darkTimeAboveMinimum how long the object stands above {@code minimumAltitudeDegrees} during astronomical
 *            darkness; zero when the night has none
 * @param best when the object stands highest during astronomical darkness; empty when the night has none
 */
public record TargetNight(Equatorial icrs, Visibility visibility, Optional<Instant> rise, Instant transit, Optional<Instant> set,
        double transitAltitudeDegrees, double maxAltitudeDegrees, double minimumAltitudeDegrees, Duration darkTimeAboveMinimum,
        Optional<BestMoment> best) {

    /**
     * The highest moment of a target during astronomical darkness, and the Moon then.
     *
     * @param time the instant: the transit when it falls in darkness, else the end of darkness nearer to it
     * @param altitudeDegrees observed altitude of the target then, degrees (negative if it stays below the horizon)
     * @param moonSeparationDegrees angle between the target and the Moon's centre seen from the site, degrees (to
     *            about 0.01°)
     * @param moonAltitudeDegrees observed altitude of the Moon's centre from the site, degrees
     */
    public record BestMoment(Instant time, double altitudeDegrees, double moonSeparationDegrees, double moonAltitudeDegrees) {
    }
}
