package org.nocturne.core.night;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.nocturne.core.sky.AstroTime;
import org.nocturne.core.sky.Equatorial;
import org.nocturne.core.sky.ObserverSite;
import org.nocturne.core.sky.TopocentricSky;

class MoonTest {

    /** 1992 April 12, 0h TD (TT) of Meeus' examples: TT − UTC was 32.184 s + 26 leap seconds = 58.184 s. */
    private static final AstroTime MEEUS_EXAMPLE_INSTANT = AstroTime.of(Instant.parse("1992-04-11T23:59:01.816Z"));
    private static final ObserverSite LA_PALMA = new ObserverSite("Roque de los Muchachos", 28.7606, -17.8816, 2396.0);

    @Test
    void apparentPlaceAndDistanceMatchMeeusExample47a() {
        // Meeus, Astronomical Algorithms, 2nd ed. (1998), Example 47.a, 1992 April 12 at 0h TD: apparent
        // α = 134.688470°, δ = +13.768368°, Δ = 368409.7 km. SOFA's Moon98 is Meeus' own truncated ELP-2000/82 (without
        // the 0.7" light-time term) and the apparent place here uses IAU 2000B nutation instead of Meeus' IAU 1980
        // series, so a few arc-seconds apart at most: tolerance 0.001° (3.6") and 1 km.
        Moon moon = Moon.at(MEEUS_EXAMPLE_INSTANT);
        assertEquals(134.688470, moon.geocentricApparent().raHours() * 15.0, 0.001);
        assertEquals(13.768368, moon.geocentricApparent().decDegrees(), 0.001);
        assertEquals(368409.7, moon.distanceKm(), 1.0);
    }

    @Test
    void illuminationMatchesMeeusExample48a() {
        // Meeus, Example 48.a, same instant: elongation ψ = 110.7929°, phase angle i = 69.0756°, illuminated fraction
        // k = 0.6786. The Sun's place includes aberration as Meeus' apparent Sun does (without it ψ is 20" smaller).
        // Tolerances: 0.002° on the angles, 0.0001 on k (the book gives four decimals).
        Moon moon = Moon.at(MEEUS_EXAMPLE_INSTANT);
        assertEquals(110.7929, moon.elongationDegrees(), 0.002);
        assertEquals(69.0756, moon.phaseAngleDegrees(), 0.002);
        assertEquals(0.6786, moon.illuminatedFraction(), 0.0001);
        // Example 47.a puts the Moon at ecliptic longitude 133.2°, 110.8° east of the Sun (about 22.4°): waxing gibbous.
        assertTrue(moon.isWaxing());
    }

    @Test
    void waningMoonIsNotWaxing() {
        // Meeus, Example 49.a: the New Moon of 1977 February 18 at 3h37m TD. Two days earlier the Moon is a thin
        // crescent west of the Sun (waning); two days later a thin crescent east of it (waxing).
        Moon before = Moon.at(AstroTime.of(Instant.parse("1977-02-16T03:36:00Z")));
        Moon after = Moon.at(AstroTime.of(Instant.parse("1977-02-20T03:36:00Z")));
        assertTrue(!before.isWaxing() && after.isWaxing());
        assertTrue(before.illuminatedFraction() < 0.1 && after.illuminatedFraction() < 0.1,
                before.illuminatedFraction() + " / " + after.illuminatedFraction());
    }

    @Test
    void parallaxLowersTheMoonByTheHorizontalParallaxTimesTheCosineOfItsAltitude() {
        // Consistency, not a published value: the geocentric altitude (geocentric apparent place, site's sidereal
        // time) exceeds the topocentric one by asin(ρ/Δ · cos h), with ρ the distance of the site from the geocentre
        // (6373 km at La Palma; the 0.2° between the geocentric and the geodetic vertical is well within 0.01°).
        TopocentricSky sky = new TopocentricSky(LA_PALMA);
        double latitude = Math.toRadians(LA_PALMA.latitudeDegrees());
        int checked = 0;
        for (int hour = 0; hour < 24; hour++) {
            AstroTime time = AstroTime.of(Instant.parse("2026-11-25T00:00:00Z").plusSeconds(3600L * hour));
            Moon moon = Moon.at(time);
            TopocentricMoon seen = moon.seenFrom(LA_PALMA);
            double hourAngle = sky.localSiderealTimeHours(time) * Math.PI / 12.0 - moon.geocentricApparent().raRadians();
            double dec = moon.geocentricApparent().decRadians();
            double geocentricAltitude = Math.toDegrees(Math.asin(Math.sin(latitude) * Math.sin(dec)
                    + Math.cos(latitude) * Math.cos(dec) * Math.cos(hourAngle)));
            if (seen.geometricAltitudeDegrees() > 5.0) {
                double parallax = Math.toDegrees(Math.asin(6373.0 / moon.distanceKm() * Math.cos(Math.toRadians(seen.geometricAltitudeDegrees()))));
                assertEquals(parallax, geocentricAltitude - seen.geometricAltitudeDegrees(), 0.01, "at " + time.instant());
                assertTrue(seen.altitudeDegrees() > seen.geometricAltitudeDegrees(), "refraction raises the Moon");
                checked++;
            }
        }
        assertTrue(checked >= 6, "the Moon was up for " + checked + " of the hours");
    }

    @Test
    void separationIsTheAngleFromTheMoonsCentre() {
        Moon moon = Moon.at(MEEUS_EXAMPLE_INSTANT);
        Equatorial moonPlace = moon.geocentricIcrs();
        assertEquals(0.0, moon.separationDegrees(moonPlace), 1e-9);
        assertEquals(10.0, moon.separationDegrees(new Equatorial(moonPlace.raRadians(), moonPlace.decRadians() + Math.toRadians(10))), 1e-9);
        TopocentricMoon seen = moon.seenFrom(LA_PALMA);
        assertEquals(0.0, seen.separationDegrees(seen.icrs()), 1e-9);
        // From the site the Moon is displaced by the parallax, at most asin(6378/368410 km) ≈ 0.99°.
        assertTrue(seen.separationDegrees(moonPlace) < 1.0);
        assertEquals(moon.distanceKm(), seen.distanceKm(), 6400.0, "the site is at most one Earth radius from the geocentre");
        assertEquals(Math.toDegrees(Math.asin(1737.4 / seen.distanceKm())), seen.semidiameterDegrees(), 1e-9);
    }
}
