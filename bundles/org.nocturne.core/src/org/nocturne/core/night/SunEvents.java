package org.nocturne.core.night;

import java.time.Instant;
import java.util.Optional;

/**
 * When the Sun sets, rises and crosses the twilight limits during one night, with the almanac (USNO) definitions, on
 * the geometric (airless) altitude of the Sun's centre seen from the site: sunset and sunrise at −0.8333° (upper limb
 * on the horizon: 34′ of standard refraction plus 16′ of semidiameter), civil −6°, nautical −12°, astronomical −18°.
 * Times come from SOFA's full place of the Sun ({@link org.nocturne.core.sky.TopocentricSky#observeSun}) and are good to
 * a few seconds; almanacs round them to the minute.
 *
 * <p>Each event is searched for within the 24 hours around the night's midnight: a dusk is the first time the Sun goes
 * down through its limit, the matching dawn the first time it comes back up after that. When the Sun is already below
 * a limit as the 24 hours begin (polar winter), that dusk is empty and the dawn is its first rise through the limit. An
 * event is also empty when the Sun does not cross the limit that night: there is no astronomical dusk in a northern
 * June at 51°, and no sunset at all under the midnight Sun.
 *
 * @param sunset upper limb down through the horizon
 * @param civilDusk centre down through −6°
 * @param nauticalDusk centre down through −12°
 * @param astronomicalDusk centre down through −18°: astronomical darkness begins
 * @param astronomicalDawn centre up through −18°: astronomical darkness ends
 * @param nauticalDawn centre up through −12°
 * @param civilDawn centre up through −6°
 * @param sunrise upper limb up through the horizon
 * @param darkness when the Sun stays below −18°: from astronomical dusk to dawn, or from the start or to the end of the
 *            24 hours when the Sun is already below or stays below; empty when the night has no astronomical darkness
 *            (polar and high-latitude summer)
 */
public record SunEvents(Optional<Instant> sunset, Optional<Instant> civilDusk, Optional<Instant> nauticalDusk,
        Optional<Instant> astronomicalDusk, Optional<Instant> astronomicalDawn, Optional<Instant> nauticalDawn,
        Optional<Instant> civilDawn, Optional<Instant> sunrise, Optional<TimeWindow> darkness) {
}
