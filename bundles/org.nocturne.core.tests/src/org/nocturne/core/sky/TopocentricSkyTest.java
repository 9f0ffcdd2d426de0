package org.nocturne.core.sky;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class TopocentricSkyTest {

    private static final double ARCSECOND = 1.0 / 3600.0;
    private static final ObserverSite LA_PALMA = new ObserverSite("Roque de los Muchachos", 28.7606, -17.8816, 2396.0);

    @Test
    void greenwichSiderealTimeAtJ2000MatchesTheDefinition() {
        // GMST at 2000-01-01 12:00 UT1 is 18h 41m 50.54841s by the IAU definition, and the equation of the equinoxes
        // was -0.852 s of time (nutation in longitude -13.93" times cos 23.44°). AstroTime takes UT1 = UTC, so the
        // instant below is 12:00 UT1 for it. Tolerance: 0.05 s of time.
        ObserverSite greenwichMeridian = new ObserverSite("Greenwich meridian", 51.4769, 0.0, 0.0);
        double lst = new TopocentricSky(greenwichMeridian).localSiderealTimeHours(AstroTime.of(Instant.parse("2000-01-01T12:00:00Z")));
        double expected = 18.0 + 41.0 / 60 + (50.54841 - 0.852) / 3600;
        assertEquals(expected, lst, 0.05 / 3600.0);
    }

    @Test
    void localSiderealTimeAdvancesWithEastLongitude() {
        AstroTime time = AstroTime.of(Instant.parse("2026-11-25T21:00:00Z"));
        double atZero = new TopocentricSky(new ObserverSite("A", 45, 0, 0)).localSiderealTimeHours(time);
        double atNinetyEast = new TopocentricSky(new ObserverSite("B", 45, 90, 0)).localSiderealTimeHours(time);
        assertEquals(6.0, ((atNinetyEast - atZero) + 24.0) % 24.0, 1e-9);
    }

    @Test
    void observedAltitudeAndAzimuthAgreeWithSphericalTrigonometryPlusRefraction() {
        TopocentricSky sky = new TopocentricSky(LA_PALMA);
        AstroTime time = AstroTime.of(Instant.parse("2026-11-25T23:30:00Z"));
        double phi = Math.toRadians(LA_PALMA.latitudeDegrees());
        // Betelgeuse, Vega, Polaris, Canopus (low), Rigel
        Equatorial[] stars = { Equatorial.ofHoursDegrees(5.919529, 7.407064), Equatorial.ofHoursDegrees(18.615649, 38.783689),
                PoleStar.POLARIS.icrs(), Equatorial.ofHoursDegrees(6.399197, -52.695661), Equatorial.ofHoursDegrees(5.242298, -8.201639) };
        for (Equatorial star : stars) {
            ObservedPlace place = sky.observe(star, time);
            double h = place.hourAngleHours() * Math.PI / 12.0;
            double delta = place.apparent().decRadians();
            double geometricAltitude = Math.toDegrees(Math.asin(Math.sin(phi) * Math.sin(delta) + Math.cos(phi) * Math.cos(delta) * Math.cos(h)));
            double azimuth = Math.toDegrees(Math.atan2(-Math.cos(delta) * Math.sin(h),
                    Math.sin(delta) * Math.cos(phi) - Math.cos(delta) * Math.cos(h) * Math.sin(phi)));
            if (geometricAltitude > 10) {
                // Bennett's refraction (arc-minutes), scaled to the standard pressure at 2396 m and 10 °C; good to ~5" above 10°.
                double pressure = 1013.25 * Math.exp(-LA_PALMA.elevationMeters() / (29.3 * 283.15));
                double refraction = 1.0 / Math.tan(Math.toRadians(geometricAltitude + 7.31 / (geometricAltitude + 4.4))) / 60.0
                        * (pressure / 1010.0) * (283.0 / 283.15);
                assertEquals(geometricAltitude + refraction, place.altitudeDegrees(), 10 * ARCSECOND, "altitude of " + star);
                assertEquals(0.0, Math.IEEEremainder(azimuth - place.azimuthDegrees(), 360.0), 10 * ARCSECOND / Math.cos(Math.toRadians(geometricAltitude)),
                        "azimuth of " + star);
            } else {
                assertEquals(geometricAltitude, place.altitudeDegrees(), 1.0, "low star " + star);
            }
        }
    }

    @Test
    void apparentPlaceIsPrecessedToTheDate() {
        // Polaris moves about +0.23 h per decade in RA by precession near the pole; by 2026 its apparent RA is past 3h.
        ObservedPlace polaris = new TopocentricSky(LA_PALMA).observe(PoleStar.POLARIS.icrs(), AstroTime.of(Instant.parse("2026-11-25T00:00:00Z")));
        assertTrue(polaris.apparent().raHours() > 3.0 && polaris.apparent().raHours() < 3.2, "apparent RA " + polaris.apparent().raHours());
        assertEquals(89.37, polaris.apparent().decDegrees(), 0.02);
    }

    @Test
    void sunStandsAtSixHoursRightAscensionAtTheJuneSolstice() {
        // The 2024 June solstice was at 20:51 UT on June 20: apparent ecliptic longitude 90°, hence RA 6h exactly and
        // declination equal to the true obliquity of date, 23.43839° (IAU 2006 mean obliquity plus nutation). The
        // place is topocentric, so it may differ from the geocentric almanac by the solar parallax, 8.8".
        ObservedPlace sun = new TopocentricSky(LA_PALMA).observeSun(AstroTime.of(Instant.parse("2024-06-20T20:51:00Z")));
        assertEquals(6.0, sun.apparent().raHours(), 1.0 / 3600.0);
        assertEquals(23.43839, sun.apparent().decDegrees(), 10 * ARCSECOND);
    }

    @Test
    void sunAltitudeGivesTheTwilightPhase() {
        TopocentricSky greenwich = new TopocentricSky(ObserverSite.GREENWICH);
        ObservedPlace noon = greenwich.observeSun(AstroTime.of(Instant.parse("2024-06-21T12:02:00Z")));
        assertEquals(90 - 51.4769 + 23.43, noon.altitudeDegrees(), 0.1, "midsummer noon at Greenwich");
        ObservedPlace midnight = greenwich.observeSun(AstroTime.of(Instant.parse("2024-12-21T00:00:00Z")));
        assertEquals(-(90 - 51.4769 + 23.44), midnight.altitudeDegrees(), 0.2, "midwinter midnight at Greenwich");
        assertEquals(TwilightPhase.DAY, TwilightPhase.of(noon.altitudeDegrees()));
        assertEquals(TwilightPhase.NIGHT, TwilightPhase.of(midnight.altitudeDegrees()));
    }

    @Test
    void twilightPhaseLimits() {
        assertEquals(TwilightPhase.DAY, TwilightPhase.of(-0.8));
        assertEquals(TwilightPhase.CIVIL_TWILIGHT, TwilightPhase.of(-0.9));
        assertEquals(TwilightPhase.NAUTICAL_TWILIGHT, TwilightPhase.of(-6.1));
        assertEquals(TwilightPhase.ASTRONOMICAL_TWILIGHT, TwilightPhase.of(-12.1));
        assertEquals(TwilightPhase.NIGHT, TwilightPhase.of(-18.1));
    }

    @Test
    void hoursToMeridianAreClockHours() {
        ObservedPlace east = new ObservedPlace(Equatorial.ofHoursDegrees(0, 0), -2.0, 40, 120);
        assertEquals(2.0 / 1.00273790935, east.hoursToMeridian(), 1e-9);
        ObservedPlace west = new ObservedPlace(Equatorial.ofHoursDegrees(0, 0), 1.0, 40, 240);
        assertEquals(23.0 / 1.00273790935, west.hoursToMeridian(), 1e-9);
    }

    @Test
    void poleStarClockPositions() {
        assertEquals(0.0, PoleStar.POLARIS.nakedEyeClock(0.0), 1e-9, "upper culmination: above the pole");
        assertEquals(9.0, PoleStar.POLARIS.nakedEyeClock(6.0), 1e-9, "six hours later it has turned anticlockwise to 9");
        assertEquals(6.0, PoleStar.POLARIS.invertedScopeClock(0.0), 1e-9);
        assertEquals(3.0, PoleStar.SIGMA_OCTANTIS.nakedEyeClock(6.0), 1e-9, "south: clockwise");
        assertEquals(PoleStar.SIGMA_OCTANTIS, PoleStar.forSite(new ObserverSite("Siding Spring", -31.27, 149.06, 1165)));
    }

    @Test
    void siteRangesAreCheckedWithTheFieldNamed() {
        IllegalArgumentException latitude = assertThrows(IllegalArgumentException.class, () -> new ObserverSite("X", 91, 0, 0));
        assertTrue(latitude.getMessage().startsWith("Latitude 91.0°"), latitude.getMessage());
        IllegalArgumentException longitude = assertThrows(IllegalArgumentException.class, () -> new ObserverSite("X", 0, 200, 0));
        assertTrue(longitude.getMessage().startsWith("Longitude"), longitude.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ObserverSite(" ", 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new ObserverSite("X", Double.NaN, 0, 0));
    }
}
