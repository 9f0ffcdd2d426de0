package org.nocturne.core.night;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.jastronomy.jsofa.JSOFA;
import org.jastronomy.jsofa.JSOFA.SphericalCoordinateEO;
import org.junit.jupiter.api.Test;
import org.nocturne.core.sky.AstroTime;
import org.nocturne.core.sky.Equatorial;
import org.nocturne.core.sky.ObservedPlace;
import org.nocturne.core.sky.ObserverSite;
import org.nocturne.core.sky.PoleStar;
import org.nocturne.core.sky.TopocentricSky;
import org.nocturne.core.sky.TwilightPhase;

class NightSkyTest {

    private static final ObserverSite LA_PALMA = new ObserverSite("Roque de los Muchachos", 28.7606, -17.8816, 2396.0);
    private static final NightSky LA_PALMA_NIGHT = NightSky.forNight(LA_PALMA, LocalDate.of(2026, 11, 25), ZoneOffset.UTC);
    /** Betelgeuse, Vega, Polaris, Canopus (low), Rigel, M31, M42, M51 (ICRS). */
    private static final List<Equatorial> TARGETS = List.of(Equatorial.ofHoursDegrees(5.919529, 7.407064),
            Equatorial.ofHoursDegrees(18.615649, 38.783689), PoleStar.POLARIS.icrs(), Equatorial.ofHoursDegrees(6.399197, -52.695661),
            Equatorial.ofHoursDegrees(5.242298, -8.201639), Equatorial.ofHoursDegrees(0.712314, 41.268750),
            Equatorial.ofHoursDegrees(5.588139, -5.391111), Equatorial.ofHoursDegrees(13.497972, 47.195258));

    @Test
    void sunAndMoonTimesMatchTheNavalObservatoryForAtlanta() {
        // U.S. Naval Observatory, "Complete Sun and Moon Data for One Day", Atlanta (the Navy's 33.8° N, 84.4° W),
        // Sunday 6 September 2009, Eastern Daylight Time (UTC-4), as quoted in the PyEphem documentation ("Rising,
        // Transit, Setting", rhodesmill.org/pyephem/rise-set.html):
        //   begin civil twilight 6:50 a.m., sunrise 7:15 a.m., sunset 7:56 p.m., end civil twilight 8:21 p.m.;
        //   moonrise 8:17 p.m. on preceding day, moonset 9:05 a.m., moonrise 8:44 p.m.
        // USNO rounds to the minute, so the true instant is within 30 s of the printed one: tolerance one minute.
        ObserverSite atlanta = new ObserverSite("Atlanta", 33.8, -84.4, 0.0);
        Duration tolerance = Duration.ofMinutes(1);

        NightSky before = NightSky.forNight(atlanta, LocalDate.of(2009, 9, 5), ZoneOffset.ofHours(-4));
        assertNear("2009-09-06T10:50:00Z", before.sunEvents().civilDawn(), tolerance, "begin civil twilight");
        assertNear("2009-09-06T11:15:00Z", before.sunEvents().sunrise(), tolerance, "sunrise");
        assertNear("2009-09-06T00:17:00Z", before.moonrise(), tolerance, "moonrise 8:17 p.m. on the preceding day");
        assertEquals(Optional.empty(), before.moonset(), "the Moon set at 9:05 a.m., after sunrise");

        NightSky night = NightSky.forNight(atlanta, LocalDate.of(2009, 9, 6), ZoneOffset.ofHours(-4));
        assertNear("2009-09-06T23:56:00Z", night.sunEvents().sunset(), tolerance, "sunset");
        assertNear("2009-09-07T00:21:00Z", night.sunEvents().civilDusk(), tolerance, "end civil twilight");
        assertNear("2009-09-07T00:44:00Z", night.moonrise(), tolerance, "moonrise 8:44 p.m.");
        assertEquals(night.sunEvents().sunset().get(), night.window().start());
        assertEquals(night.sunEvents().sunrise().get(), night.window().end());
    }

    @Test
    void twilightMatchesSkyfieldsPublishedExampleForBluffton() {
        // No almanac we can cite publishes nautical and astronomical twilight to the second, so this compares with an
        // independent high-precision computation whose output is published and checked: the Skyfield documentation,
        // "Almanac Computation", section "Twilight" (a doctest; JPL DE421 ephemeris), Bluffton, Ohio, 40.8939° N,
        // 83.8917° W, 2019 November 8, UT:
        //   10:40:19 astronomical twilight starts, 11:12:31 nautical, 11:45:18 civil, 12:14:15 day (sunrise);
        //   22:23:52 civil twilight starts (sunset), 22:52:48 nautical, 23:25:34 astronomical, 23:57:44 night.
        // Skyfield uses the same definitions (centre at -0.8333°, -6°, -12°, -18° without refraction). Tolerance 10 s.
        ObserverSite bluffton = new ObserverSite("Bluffton", 40.8939, -83.8917, 0.0);
        Duration tolerance = Duration.ofSeconds(10);

        SunEvents morning = NightSky.forNight(bluffton, LocalDate.of(2019, 11, 7), ZoneOffset.ofHours(-5)).sunEvents();
        assertNear("2019-11-08T10:40:19Z", morning.astronomicalDawn(), tolerance, "astronomical dawn");
        assertNear("2019-11-08T11:12:31Z", morning.nauticalDawn(), tolerance, "nautical dawn");
        assertNear("2019-11-08T11:45:18Z", morning.civilDawn(), tolerance, "civil dawn");
        assertNear("2019-11-08T12:14:15Z", morning.sunrise(), tolerance, "sunrise");

        SunEvents evening = NightSky.forNight(bluffton, LocalDate.of(2019, 11, 8), ZoneOffset.ofHours(-5)).sunEvents();
        assertNear("2019-11-08T22:23:52Z", evening.sunset(), tolerance, "sunset");
        assertNear("2019-11-08T22:52:48Z", evening.civilDusk(), tolerance, "civil dusk");
        assertNear("2019-11-08T23:25:34Z", evening.nauticalDusk(), tolerance, "nautical dusk");
        assertNear("2019-11-08T23:57:44Z", evening.astronomicalDusk(), tolerance, "astronomical dusk");
        assertEquals(new TimeWindow(evening.astronomicalDusk().get(), evening.astronomicalDawn().get()), evening.darkness().get());
    }

    @Test
    void riseTransitAndSetMatchMeeusExample15a() {
        // Meeus, Astronomical Algorithms, 2nd ed., Example 15.a: Venus at Boston (42°20' N, 71°05' W) on 1988 March 20.
        // The book interpolates Venus' apparent places at 0h TD on March 19, 20 and 21 (α = 40.68021°, 41.73129°,
        // 42.78204°; δ = 18.04761°, 18.44092°, 18.82742°; ΔT = 56 s) and finds, in fractions of March 20 UT,
        // rising m1 = 0.51766 (12h25m26s), transit m0 = 0.81980 (19h40m31s), setting m2 = 0.12130 (2h54m40s: the
        // setting on the morning of March 20, which follows the transit of March 19), printed as 12h25m, 19h41m, 2h55m.
        // A fixed star standing where Venus stands at one of these instants rises (transits, sets) at that same instant,
        // so each event is checked with a star at Venus' place then, converted back to ICRS with SOFA (atic13).
        // Tolerance 10 s: the book gives the fractions to 0.00001 day (0.9 s).
        ObserverSite boston = new ObserverSite("Boston", 42.3333, -71.0833, 0.0);
        Instant march20 = Instant.parse("1988-03-20T00:00:00Z");
        NightSky nightOf19 = NightSky.forNight(boston, LocalDate.of(1988, 3, 19), ZoneOffset.ofHours(-5));
        NightSky nightOf20 = NightSky.forNight(boston, LocalDate.of(1988, 3, 20), ZoneOffset.ofHours(-5));
        Duration tolerance = Duration.ofSeconds(10);

        Instant rising = dayFraction(march20, 0.51766);
        assertNear(rising, nightOf20.target(venusAt(rising, 0.51766), 0.0).rise(), tolerance, "rising");
        Instant transit = dayFraction(march20, 0.81980);
        TargetNight atTransit = nightOf20.target(venusAt(transit, 0.81980), 0.0);
        assertNear(transit, Optional.of(atTransit.transit()), tolerance, "transit");
        Instant setting = dayFraction(march20, 0.12130);
        assertNear(setting, nightOf19.target(venusAt(setting, 0.12130), 0.0).set(), tolerance, "setting");

        // At transit the hour angle is zero: local sidereal time equals the apparent right ascension (SOFA, full model).
        ObservedPlace onMeridian = new TopocentricSky(boston).observe(venusAt(transit, 0.81980), AstroTime.of(atTransit.transit()));
        assertEquals(0.0, onMeridian.hourAngleHours(), 1.0 / 3600.0, "hour angle at transit, within one second of time");
    }

    @Test
    void transitIsWhenLocalSiderealTimeEqualsTheApparentRightAscension() {
        TopocentricSky sky = new TopocentricSky(LA_PALMA);
        for (Equatorial target : TARGETS) {
            TargetNight night = LA_PALMA_NIGHT.target(target, 30.0);
            ObservedPlace atTransit = sky.observe(target, AstroTime.of(night.transit()));
            // As an arc on the sky, H cos δ, within 1": near the pole an arc-second of hour angle is a minute of time, and
            // SOFA's full place differs from ours by that much (diurnal aberration, light deflection).
            double arcSeconds = atTransit.hourAngleHours() * 15.0 * 3600.0 * Math.cos(atTransit.apparent().decRadians());
            assertEquals(0.0, arcSeconds, 1.0, "hour angle at transit of " + target);
            assertTrue(Duration.between(LA_PALMA_NIGHT.window().start(), night.transit()).abs().toMinutes() < 24 * 60);
        }
    }

    @Test
    void transitAltitudeIsNinetyMinusTheDistanceFromLatitudeToDeclination() {
        // 90° − |φ − δ| with the apparent declination of the date, plus refraction (at most 1.3' above 30° at 2396 m).
        TopocentricSky sky = new TopocentricSky(LA_PALMA);
        for (Equatorial target : TARGETS) {
            TargetNight night = LA_PALMA_NIGHT.target(target, 30.0);
            ObservedPlace atTransit = sky.observe(target, AstroTime.of(night.transit()));
            double geometric = 90.0 - Math.abs(LA_PALMA.latitudeDegrees() - atTransit.apparent().decDegrees());
            if (geometric > 30.0) {
                assertEquals(geometric, night.transitAltitudeDegrees(), 0.025, "transit altitude of " + target);
                assertEquals(atTransit.altitudeDegrees(), night.transitAltitudeDegrees(), 0.005, "SOFA's observed altitude of " + target);
            }
        }
    }

    @Test
    void circumpolarAndNeverRisingFollowTheDeclination() {
        // At φ = 50°, with the centre rising at geometric altitude -34': circumpolar when the lower culmination
        // φ + δ − 90° is above -0.567° (δ > 39.43°), never rising when the upper culmination 90° − φ + δ is below it
        // (δ < -40.57°). Right ascension 6h, where precession since J2000 barely changes the declination.
        ObserverSite site = new ObserverSite("50° N", 50.0, 8.0, 200.0);
        NightSky night = NightSky.forNight(site, LocalDate.of(2026, 1, 15), ZoneOffset.ofHours(1));
        assertVisibility(night, 39.6, Visibility.CIRCUMPOLAR);
        assertVisibility(night, 39.3, Visibility.RISES_AND_SETS);
        assertVisibility(night, -40.4, Visibility.RISES_AND_SETS);
        assertVisibility(night, -40.7, Visibility.NEVER_RISES);
        assertVisibility(night, 0.0, Visibility.RISES_AND_SETS);

        TargetNight circumpolar = night.target(Equatorial.ofHoursDegrees(6.0, 80.0), 20.0);
        assertEquals(night.sunEvents().darkness().get().duration(), circumpolar.darkTimeAboveMinimum(), "never below 40°");
        TargetNight hidden = night.target(Equatorial.ofHoursDegrees(6.0, -60.0), 0.0);
        assertEquals(Duration.ZERO, hidden.darkTimeAboveMinimum());
        assertTrue(hidden.transitAltitudeDegrees() < -19.0 && hidden.best().get().altitudeDegrees() < 0.0);

        TargetNight equator = night.target(Equatorial.ofHoursDegrees(6.0, 0.0), 0.0);
        // On the equator the semi-diurnal arc is 6 sidereal hours, plus 34' / (15°/h · cos 50°) for the refraction.
        double arcHours = (2 * (6.0 + 34.0 / 60.0 / (15.0 * Math.cos(Math.toRadians(50.0))))) / 1.00273790935;
        assertEquals(arcHours, Duration.between(equator.rise().get(), equator.set().get()).toMillis() / 3.6e6, 0.01);
    }

    @Test
    void highLatitudeSummerNightsHaveNoAstronomicalDarkness() {
        // London at the June solstice: the Sun gets no lower than -(90 − 51.5 − 23.44) = -15.1°.
        SunEvents london = NightSky.forNight(new ObserverSite("London", 51.5, -0.12, 20.0), LocalDate.of(2024, 6, 21), ZoneOffset.ofHours(1))
                .sunEvents();
        assertTrue(london.sunset().isPresent() && london.nauticalDusk().isPresent() && london.nauticalDawn().isPresent());
        assertEquals(Optional.empty(), london.astronomicalDusk());
        assertEquals(Optional.empty(), london.astronomicalDawn());
        assertEquals(Optional.empty(), london.darkness());

        // Longyearbyen (78.2° N) under the midnight Sun: no event at all; the night is the whole 24 hours, targets
        // still get curves and transits, but no dark time and no best moment.
        ObserverSite longyearbyen = new ObserverSite("Longyearbyen", 78.2232, 15.6267, 10.0);
        NightSky midnightSun = NightSky.forNight(longyearbyen, LocalDate.of(2024, 6, 21), ZoneOffset.ofHours(2));
        assertEquals(new SunEvents(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()), midnightSun.sunEvents());
        assertEquals(Duration.ofHours(24), midnightSun.window().duration());
        assertTrue(midnightSun.samples().stream().allMatch(sample -> sample.twilight() == TwilightPhase.DAY));
        TargetNight m31 = midnightSun.target(Equatorial.ofHoursDegrees(0.712314, 41.268750), 30.0);
        assertEquals(Visibility.CIRCUMPOLAR, m31.visibility());
        assertEquals(Duration.ZERO, m31.darkTimeAboveMinimum());
        assertEquals(Optional.empty(), m31.best());
        assertEquals(midnightSun.samples().size(), midnightSun.altitudeCurve(m31.icrs()).size());
    }

    @Test
    void polarNightsAreDarkWithoutSunset() {
        // Longyearbyen at the December solstice: the Sun culminates at 90 − 78.2 − 23.4 = -11.7°, so nautical twilight
        // around noon, astronomical darkness the rest of the day, and no sunset or sunrise.
        NightSky polarNight = NightSky.forNight(new ObserverSite("Longyearbyen", 78.2232, 15.6267, 10.0), LocalDate.of(2024, 12, 21),
                ZoneOffset.ofHours(1));
        SunEvents events = polarNight.sunEvents();
        assertEquals(Optional.empty(), events.sunset());
        assertEquals(Optional.empty(), events.civilDusk());
        assertTrue(events.astronomicalDusk().isPresent() && events.astronomicalDawn().isPresent());
        assertTrue(events.darkness().get().duration().toHours() >= 14, "dark for " + events.darkness().get().duration());
        assertEquals(Duration.ofHours(24), polarNight.window().duration());

        // The South Pole in June: the Sun stays near -23.4°, dark around the clock.
        NightSky southPole = NightSky.forNight(new ObserverSite("Amundsen–Scott", -90.0, 0.0, 2835.0), LocalDate.of(2024, 6, 21), ZoneOffset.UTC);
        assertEquals(Duration.ofHours(24), southPole.sunEvents().darkness().get().duration());
        TargetNight canopus = southPole.target(Equatorial.ofHoursDegrees(6.399197, -52.695661), 30.0);
        assertEquals(Visibility.CIRCUMPOLAR, canopus.visibility());
        assertEquals(Duration.ofHours(24), canopus.darkTimeAboveMinimum());
    }

    @Test
    void altitudeCurveAgreesWithSofasObservedAltitude() {
        // The curve's shortcut (one precession-nutation per sample, aberration at midnight, Sæmundsson refraction)
        // against TopocentricSky's full SOFA place: within 0.01° above 10°, 0.05° from 3° to 10° (refraction models).
        TopocentricSky sky = new TopocentricSky(LA_PALMA);
        for (Equatorial target : TARGETS) {
            AltitudeCurve curve = LA_PALMA_NIGHT.altitudeCurve(target);
            assertEquals(LA_PALMA_NIGHT.samples().size(), curve.size());
            for (int i = 0; i < curve.size(); i += 3) {
                assertEquals(LA_PALMA_NIGHT.samples().get(i).time(), curve.time(i));
                double sofa = sky.observe(target, AstroTime.of(curve.time(i))).altitudeDegrees();
                if (sofa > 10.0) {
                    assertEquals(sofa, curve.altitudeDegrees(i), 0.01, target + " at " + curve.time(i));
                } else if (sofa > 3.0) {
                    assertEquals(sofa, curve.altitudeDegrees(i), 0.05, target + " at " + curve.time(i));
                }
            }
        }
    }

    @Test
    void samplesCoverTheNightFromSunsetToSunrise() {
        List<NightSample> samples = LA_PALMA_NIGHT.samples();
        TimeWindow window = LA_PALMA_NIGHT.window();
        assertTrue(!samples.get(0).time().isAfter(window.start()) && samples.get(1).time().isAfter(window.start()));
        assertTrue(!samples.get(samples.size() - 1).time().isBefore(window.end()) && samples.get(samples.size() - 2).time().isBefore(window.end()));
        assertEquals(Duration.ofMinutes(5), Duration.between(samples.get(0).time(), samples.get(1).time()));
        TopocentricSky sky = new TopocentricSky(LA_PALMA);
        for (NightSample sample : samples) {
            assertEquals(TwilightPhase.of(sample.sunAltitudeDegrees()), sample.twilight());
            double lst = sky.localSiderealTimeHours(AstroTime.of(sample.time()));
            assertEquals(0.0, Math.IEEEremainder(lst - sample.localSiderealTimeHours(), 24.0), 0.01 / 3600.0, "sidereal time at " + sample.time());
        }
    }

    @Test
    void darkTimeAndBestMomentAgreeWithTheCurve() {
        TimeWindow darkness = LA_PALMA_NIGHT.sunEvents().darkness().get();
        for (Equatorial target : TARGETS) {
            TargetNight night = LA_PALMA_NIGHT.target(target, 30.0);
            AltitudeCurve curve = LA_PALMA_NIGHT.altitudeCurve(target);
            int darkSamplesAbove = 0;
            double highestDarkSample = -90.0;
            for (int i = 0; i < curve.size(); i++) {
                if (darkness.contains(curve.time(i))) {
                    highestDarkSample = Math.max(highestDarkSample, curve.altitudeDegrees(i));
                    darkSamplesAbove += curve.altitudeDegrees(i) >= 30.0 ? 1 : 0;
                }
            }
            assertEquals(darkSamplesAbove * 5.0, night.darkTimeAboveMinimum().toSeconds() / 60.0, 10.0, "dark minutes above 30° for " + target);
            TargetNight.BestMoment best = night.best().get();
            assertTrue(darkness.contains(best.time()));
            assertTrue(best.altitudeDegrees() >= highestDarkSample - 0.002, target + ": best " + best + " below a sample at " + highestDarkSample);
            assertTrue(night.maxAltitudeDegrees() >= best.altitudeDegrees() - 1e-9);
            assertTrue(night.transitAltitudeDegrees() >= night.maxAltitudeDegrees() - 1e-9);
        }
    }

    @Test
    void moonAtTheBestMomentAgreesWithTheMoonComputedThen() {
        for (Equatorial target : TARGETS) {
            TargetNight.BestMoment best = LA_PALMA_NIGHT.target(target, 30.0).best().get();
            TopocentricMoon moon = Moon.at(AstroTime.of(best.time())).seenFrom(LA_PALMA);
            // The target's 20" of aberration and the interpolation between samples are well under 0.02°.
            assertEquals(moon.separationDegrees(target), best.moonSeparationDegrees(), 0.02, "Moon separation for " + target);
            assertEquals(moon.altitudeDegrees(), best.moonAltitudeDegrees(), 0.05, "Moon altitude for " + target);
        }
        Moon atMidnight = LA_PALMA_NIGHT.moonAtMidnight();
        assertEquals(LA_PALMA_NIGHT.midnight(), atMidnight.time().instant());
        assertEquals(Instant.parse("2026-11-26T00:00:00Z"), LA_PALMA_NIGHT.midnight());
    }

    @Test
    void outOfRangeArgumentsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> NightSky.aroundMidnight(LA_PALMA, Instant.now(), Duration.ofSeconds(30)));
        assertThrows(IllegalArgumentException.class, () -> NightSky.aroundMidnight(LA_PALMA, Instant.now(), Duration.ofHours(2)));
        IllegalArgumentException minimum = assertThrows(IllegalArgumentException.class,
                () -> LA_PALMA_NIGHT.target(PoleStar.POLARIS.icrs(), 91.0));
        assertTrue(minimum.getMessage().startsWith("Minimum altitude 91.0°"), minimum.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new TimeWindow(Instant.parse("2026-01-02T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z")));
    }

    private static void assertVisibility(NightSky night, double decDegrees, Visibility expected) {
        TargetNight target = night.target(Equatorial.ofHoursDegrees(6.0, decDegrees), 0.0);
        assertEquals(expected, target.visibility(), "declination " + decDegrees);
        assertEquals(expected == Visibility.RISES_AND_SETS, target.rise().isPresent());
        assertEquals(expected == Visibility.RISES_AND_SETS, target.set().isPresent());
    }

    /**
     * A fixed ICRS direction where Venus stood at a fraction m of 1988 March 20 (UT), from Meeus' three apparent places
     * at 0h TD with his interpolation formula (3.3), n = m + ΔT / 86400.
     */
    private static Equatorial venusAt(Instant instant, double dayFraction) {
        double n = dayFraction + 56.0 / 86400.0;
        double ra = interpolate(40.68021, 41.73129, 42.78204, n);
        double dec = interpolate(18.04761, 18.44092, 18.82742, n);
        AstroTime time = AstroTime.of(instant);
        // Apparent (equinox-based) right ascension to CIRS by the equation of the origins, then SOFA's CIRS -> ICRS.
        double equationOfOrigins = JSOFA.jauEo06a(time.tt1(), time.tt2());
        SphericalCoordinateEO icrs = JSOFA.jauAtic13(JSOFA.jauAnp(Math.toRadians(ra) + equationOfOrigins), Math.toRadians(dec), time.tt1(),
                time.tt2());
        return new Equatorial(icrs.pos.alpha, icrs.pos.delta);
    }

    private static double interpolate(double yesterday, double today, double tomorrow, double n) {
        double a = today - yesterday;
        double b = tomorrow - today;
        return today + n / 2.0 * (a + b + n * (b - a));
    }

    private static Instant dayFraction(Instant day, double fraction) {
        return day.plusMillis(Math.round(fraction * 86_400_000.0));
    }

    private static void assertNear(String expected, Optional<Instant> actual, Duration tolerance, String what) {
        assertNear(Instant.parse(expected), actual, tolerance, what);
    }

    private static void assertNear(Instant expected, Optional<Instant> actual, Duration tolerance, String what) {
        assertTrue(actual.isPresent(), what + ": none found, expected " + expected);
        Duration off = Duration.between(expected, actual.get());
        assertTrue(off.abs().compareTo(tolerance) <= 0, what + ": " + actual.get() + " is " + off + " from " + expected);
    }
}
