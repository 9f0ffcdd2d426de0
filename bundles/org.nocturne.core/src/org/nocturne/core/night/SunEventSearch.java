package org.nocturne.core.night;

import java.time.Instant;
import java.util.Optional;

import org.nocturne.core.sky.AstroTime;
import org.nocturne.core.sky.ObservedPlace;
import org.nocturne.core.sky.ObserverSite;
import org.nocturne.core.sky.TopocentricSky;

/**
 * Finds a night's {@link SunEvents} on its {@link NightGrid}: each limit is bracketed on the sampled Sun altitude, then
 * refined on SOFA's full topocentric place of the Sun ({@link TopocentricSky#observeSun}, about a millisecond a call,
 * five calls per event), taking its geometric altitude from the hour angle and apparent declination, without
 * refraction, as the almanac definitions of the limits require. Not thread-safe; used once while a night is built.
 */
final class SunEventSearch {

    private static final double SUNSET_DEGREES = -0.8333;
    private static final double CIVIL_DEGREES = -6.0;
    private static final double NAUTICAL_DEGREES = -12.0;
    private static final double ASTRONOMICAL_DEGREES = -18.0;

    private final NightGrid grid;
    private final TopocentricSky sky;
    private final double sinLatitude;
    private final double cosLatitude;
    private final CrossingSearch sun;

    SunEventSearch(NightGrid grid, ObserverSite site) {
        this.grid = grid;
        this.sky = new TopocentricSky(site);
        this.sinLatitude = Math.sin(Math.toRadians(site.latitudeDegrees()));
        this.cosLatitude = Math.cos(Math.toRadians(site.latitudeDegrees()));
        this.sun = new CrossingSearch(grid, grid::sunAltitudeDegrees, this::geometricAltitude);
    }

    SunEvents events() {
        DuskAndDawn horizon = duskAndDawn(SUNSET_DEGREES);
        DuskAndDawn civil = duskAndDawn(CIVIL_DEGREES);
        DuskAndDawn nautical = duskAndDawn(NAUTICAL_DEGREES);
        DuskAndDawn astronomical = duskAndDawn(ASTRONOMICAL_DEGREES);
        Optional<TimeWindow> darkness = Optional.empty();
        if (astronomical.dusk().isPresent() || astronomical.belowAtStart()) {
            darkness = Optional.of(new TimeWindow(astronomical.dusk().orElse(Instant.ofEpochMilli(grid.millis(0))),
                    astronomical.dawn().orElse(Instant.ofEpochMilli(grid.millis(grid.size() - 1)))));
        }
        return new SunEvents(horizon.dusk(), civil.dusk(), nautical.dusk(), astronomical.dusk(), astronomical.dawn(), nautical.dawn(),
                civil.dawn(), horizon.dawn(), darkness);
    }

    /** When the Sun goes down through one altitude and comes back up; whether it was already below at the start. */
    private record DuskAndDawn(boolean belowAtStart, Optional<Instant> dusk, Optional<Instant> dawn) {
    }

    /**
     * The first downward crossing of a Sun altitude and the first upward one after it; when the Sun is already below
     * at the start of the 24 hours, no dusk and its first upward crossing.
     */
    private DuskAndDawn duskAndDawn(double levelDegrees) {
        int last = grid.size() - 1;
        if (grid.sunAltitudeDegrees(0) < levelDegrees) {
            return new DuskAndDawn(true, Optional.empty(), sun.first(levelDegrees, true, 0, last));
        }
        Optional<Instant> dusk = sun.first(levelDegrees, false, 0, last);
        int dawnFrom = dusk.map(instant -> grid.indexAtOrBefore(instant.toEpochMilli())).orElse(last);
        return new DuskAndDawn(false, dusk, sun.first(levelDegrees, true, dawnFrom, last));
    }

    /** Geometric altitude of the Sun's centre from SOFA's full topocentric place, degrees. */
    private double geometricAltitude(long millis) {
        ObservedPlace place = sky.observeSun(AstroTime.of(Instant.ofEpochMilli(millis)));
        double hourAngle = Math.toRadians(place.hourAngleHours() * 15.0);
        double declination = place.apparent().decRadians();
        return Math.toDegrees(Math.asin(sinLatitude * Math.sin(declination) + cosLatitude * Math.cos(declination) * Math.cos(hourAngle)));
    }
}
