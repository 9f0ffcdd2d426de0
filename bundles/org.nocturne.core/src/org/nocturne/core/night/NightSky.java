package org.nocturne.core.night;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jastronomy.jsofa.JSOFA;
import org.nocturne.core.sky.AstroTime;
import org.nocturne.core.sky.Equatorial;
import org.nocturne.core.sky.ObserverSite;
import org.nocturne.core.sky.TwilightPhase;

/**
 * One night at one site, built once, then asked about many fixed objects ("what do I shoot tonight?").
 *
 * <p>Building samples the 24 hours around the night's midnight every {@code step} (5 minutes by default) and computes,
 * once per sample, what every object shares: sidereal time, the precession–nutation (IAU 2000B), the site's zenith,
 * the Sun's altitude and the Moon's place from the site (all jsofa / IAU SOFA). Sunset, sunrise and the twilight limits
 * are then pinned down on SOFA's full place of the Sun ({@link org.nocturne.core.sky.TopocentricSky#observeSun}), moonrise and moonset on
 * {@link Moon}. This takes 0.1–0.3 s on a 2-core machine once the JIT has warmed up, about twice that the first time.
 *
 * <p>Per object, {@link #target} costs about a microsecond (closed-form daily circle from the apparent place at
 * midnight) and {@link #altitudeCurve} about ten (one dot product, arcsine and refraction per sample).
 *
 * <p>Frames and accuracy: objects are given by ICRS (J2000) positions without proper motion or parallax; annual
 * aberration (20″) and precession–nutation are applied, UT1 is taken as UTC (up to 13.5″ in hour angle) and polar
 * motion as zero, so geometric altitudes are good to about 15″. Observed altitudes add refraction for a standard
 * atmosphere at the site's elevation (Sæmundsson's formula), which brings them within about 0.01° of SOFA's observed
 * altitude above 10° and within ~0.05° down to a few degrees; near the horizon the weather of the night matters more.
 * Rise, set and twilight times are good to a few seconds of the model; almanacs round to the minute.
 *
 * <p>Immutable and thread-safe: objects can be evaluated from several threads at once.
 */
public final class NightSky {

    /** The default sampling step. */
    public static final Duration DEFAULT_STEP = Duration.ofMinutes(5);

    /** Standard refraction at the horizon (34′): a centre at this geometric altitude is seen on the horizon. */
    private static final double HORIZON_REFRACTION_DEGREES = 34.0 / 60.0;
    private static final double SIN_STAR_HORIZON = Math.sin(Math.toRadians(-HORIZON_REFRACTION_DEGREES));
    private static final long HALF_DAY_MILLIS = 12L * 3600 * 1000;

    private final ObserverSite site;
    private final Instant midnight;
    private final NightGrid grid;
    private final Refraction refraction;
    private final SunEvents sunEvents;
    private final TimeWindow window;
    private final int firstSample;
    private final long[] sampleMillis;
    private final List<NightSample> samples;
    private final Optional<Instant> moonrise;
    private final Optional<Instant> moonset;
    private final Moon moonAtMidnight;
    private final EarthOrientation orientationAtMidnight;
    private final GeocentricEphemeris ephemerisAtMidnight;
    private final long middleMillis;
    private final double localSiderealAtMiddle;
    private final double sinLatitude;
    private final double cosLatitude;

    private NightSky(ObserverSite site, Instant midnight, Duration step) {
        this.site = site;
        this.midnight = midnight;
        long stepMillis = step.toMillis();
        this.grid = NightGrid.sample(site, midnight.toEpochMilli() - HALF_DAY_MILLIS, stepMillis, (int) (2 * HALF_DAY_MILLIS / stepMillis) + 1);
        this.refraction = new Refraction(site);
        double latitude = Math.toRadians(site.latitudeDegrees());
        this.sinLatitude = Math.sin(latitude);
        this.cosLatitude = Math.cos(latitude);
        this.sunEvents = new SunEventSearch(grid, site).events();
        this.window = new TimeWindow(sunEvents.sunset().orElse(instant(grid.millis(0))),
                sunEvents.sunrise().orElse(instant(grid.millis(grid.size() - 1))));
        this.firstSample = grid.indexAtOrBefore(window.start().toEpochMilli());
        int lastSample = grid.indexAtOrAfter(window.end().toEpochMilli());
        this.sampleMillis = new long[lastSample - firstSample + 1];
        for (int i = 0; i < sampleMillis.length; i++) {
            sampleMillis[i] = grid.millis(firstSample + i);
        }
        this.samples = describeSamples();
        CrossingSearch moonLimb = new CrossingSearch(grid,
                i -> grid.moonAltitudeDegrees(i) + grid.moonSemidiameterDegrees(i) + HORIZON_REFRACTION_DEGREES, this::moonLimbAltitude);
        this.moonrise = moonLimb.first(0.0, true, firstSample, lastSample).filter(window::contains);
        this.moonset = moonLimb.first(0.0, false, firstSample, lastSample).filter(window::contains);
        AstroTime atMidnight = AstroTime.of(midnight);
        this.moonAtMidnight = Moon.at(atMidnight);
        this.orientationAtMidnight = EarthOrientation.at(atMidnight);
        this.ephemerisAtMidnight = GeocentricEphemeris.at(atMidnight);
        this.middleMillis = window.start().toEpochMilli() + window.duration().toMillis() / 2;
        this.localSiderealAtMiddle = orientationAtMidnight.localSiderealRadians(site)
                + DiurnalArc.RADIANS_PER_MILLI * (middleMillis - midnight.toEpochMilli());
    }

    /**
     * The night that begins on the evening of a local date: midnight is the start of the next day in that zone.
     *
     * @param eveningDate the date of the evening, as the user says it ("the night of the 5th")
     * @param zone the site's time zone, which fixes local midnight (daylight saving included)
     */
    public static NightSky forNight(ObserverSite site, LocalDate eveningDate, ZoneId zone) {
        return aroundMidnight(site, eveningDate.plusDays(1).atStartOfDay(zone).toInstant(), DEFAULT_STEP);
    }

    /**
     * The night around a given midnight: events are searched for within 12 hours either side of it.
     *
     * @param midnight local midnight (or any instant near the middle of the night)
     * @param step sampling step, from one minute to one hour
     * @throws IllegalArgumentException when the step is out of range
     */
    public static NightSky aroundMidnight(ObserverSite site, Instant midnight, Duration step) {
        if (step.compareTo(Duration.ofMinutes(1)) < 0 || step.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("Sampling step " + step + " is outside one minute to one hour");
        }
        return new NightSky(site, midnight, step);
    }

    public ObserverSite site() {
        return site;
    }

    public Instant midnight() {
        return midnight;
    }

    /** Sunset, sunrise, twilight limits and astronomical darkness. */
    public SunEvents sunEvents() {
        return sunEvents;
    }

    /**
     * The night: from sunset to sunrise; from the start or to the end of the 24 hours around midnight when the Sun does
     * not set or rise within them (polar night, midnight Sun).
     */
    public TimeWindow window() {
        return window;
    }

    /**
     * The samples covering {@link #window()}: from the last one at or before its start to the first one at or after its
     * end; the times of every {@link AltitudeCurve}. Unmodifiable.
     */
    public List<NightSample> samples() {
        return samples;
    }

    /** The Moon at midnight, geocentric: its illuminated fraction tells how bright the night is. */
    public Moon moonAtMidnight() {
        return moonAtMidnight;
    }

    /** The Moon's upper limb coming up through the horizon (34′ refraction, parallax included) within the night. */
    public Optional<Instant> moonrise() {
        return moonrise;
    }

    /** The Moon's upper limb going down through the horizon within the night. */
    public Optional<Instant> moonset() {
        return moonset;
    }

    /** Observed altitudes of a fixed object at each of {@link #samples()}, degrees. About ten microseconds. */
    public AltitudeCurve altitudeCurve(Equatorial icrs) {
        double[] direction = apparentDirection(icrs);
        double[] altitudes = new double[sampleMillis.length];
        for (int i = 0; i < altitudes.length; i++) {
            altitudes[i] = observedAltitude(grid.sinAltitude(firstSample + i, direction));
        }
        return new AltitudeCurve(sampleMillis, altitudes);
    }

    /**
     * How a fixed object fares tonight: rise, transit and set, highest altitude, time above a chosen altitude in
     * astronomical darkness, and its best moment with the Moon's separation then. About a microsecond.
     *
     * @param icrs ICRS (J2000) position of the object
     * @param minimumAltitudeDegrees observed altitude the object must clear (trees, roofs, murk), degrees in [−1, 90]
     * @throws IllegalArgumentException when the minimum altitude is out of range
     */
    public TargetNight target(Equatorial icrs, double minimumAltitudeDegrees) {
        if (!(minimumAltitudeDegrees >= -1.0 && minimumAltitudeDegrees <= 90.0)) {
            throw new IllegalArgumentException("Minimum altitude " + minimumAltitudeDegrees + "° is outside −1° to 90°");
        }
        double[] direction = apparentDirection(icrs);
        DiurnalArc arc = diurnalArc(direction);
        double halfTimeUp = arc.halfTimeAbove(SIN_STAR_HORIZON);
        Visibility visibility = halfTimeUp <= 0.0 ? Visibility.NEVER_RISES
                : halfTimeUp >= DiurnalArc.SIDEREAL_DAY_MILLIS / 2.0 ? Visibility.CIRCUMPOLAR : Visibility.RISES_AND_SETS;
        long transit = arc.transitMillis();
        Optional<Instant> rise = Optional.empty();
        Optional<Instant> set = Optional.empty();
        if (visibility == Visibility.RISES_AND_SETS) {
            rise = Optional.of(instant(transit - Math.round(halfTimeUp)));
            set = Optional.of(instant(transit + Math.round(halfTimeUp)));
        }
        double maxAltitude = observedAltitude(arc.sinAltitudeAt(arc.highestWithin(window.start().toEpochMilli(), window.end().toEpochMilli())));
        Duration darkTime = Duration.ZERO;
        Optional<TargetNight.BestMoment> best = Optional.empty();
        if (sunEvents.darkness().isPresent()) {
            long darkStart = sunEvents.darkness().get().start().toEpochMilli();
            long darkEnd = sunEvents.darkness().get().end().toEpochMilli();
            double sinMinimum = Math.sin(Math.toRadians(refraction.geometricFromObserved(minimumAltitudeDegrees)));
            darkTime = Duration.ofMillis(arc.millisAboveWithin(sinMinimum, darkStart, darkEnd));
            long highest = arc.highestWithin(darkStart, darkEnd);
            best = Optional.of(new TargetNight.BestMoment(instant(highest), observedAltitude(arc.sinAltitudeAt(highest)),
                    grid.moonSeparationDegreesAt(highest, direction), refraction.observedFromGeometric(grid.moonAltitudeDegreesAt(highest))));
        }
        return new TargetNight(icrs, visibility, rise, instant(transit), set, observedAltitude(arc.sinAltitudeAt(transit)), maxAltitude,
                minimumAltitudeDegrees, darkTime, best);
    }

    /** The direction in which an ICRS position is seen tonight: annual aberration at midnight applied (ICRS axes). */
    private double[] apparentDirection(Equatorial icrs) {
        return ephemerisAtMidnight.aberrate(JSOFA.jauS2c(icrs.raRadians(), icrs.decRadians()));
    }

    /** The daily circle of an apparent direction, anchored on its upper transit nearest the middle of the night. */
    private DiurnalArc diurnalArc(double[] apparentDirection) {
        double[] ofDate = orientationAtMidnight.toTrueOfDate(apparentDirection);
        double hourAngleAtMiddle = Math.IEEEremainder(localSiderealAtMiddle - Math.atan2(ofDate[1], ofDate[0]), 2.0 * Math.PI);
        long transit = middleMillis - Math.round(hourAngleAtMiddle / DiurnalArc.RADIANS_PER_MILLI);
        return new DiurnalArc(sinLatitude * ofDate[2], cosLatitude * Math.hypot(ofDate[0], ofDate[1]), transit);
    }

    private double observedAltitude(double sinGeometricAltitude) {
        return refraction.observedFromGeometric(Math.toDegrees(Math.asin(Math.max(-1.0, Math.min(1.0, sinGeometricAltitude)))));
    }

    /** Height of the Moon's upper limb above the horizon with standard refraction, degrees. */
    private double moonLimbAltitude(long millis) {
        TopocentricMoon moon = Moon.at(AstroTime.of(instant(millis))).seenFrom(site);
        return moon.geometricAltitudeDegrees() + moon.semidiameterDegrees() + HORIZON_REFRACTION_DEGREES;
    }

    private List<NightSample> describeSamples() {
        List<NightSample> described = new ArrayList<>(sampleMillis.length);
        for (int i = 0; i < sampleMillis.length; i++) {
            int at = firstSample + i;
            double sunAltitude = grid.sunAltitudeDegrees(at);
            described.add(new NightSample(instant(sampleMillis[i]), grid.localSiderealRadians(at) * 12.0 / Math.PI, sunAltitude,
                    refraction.observedFromGeometric(grid.moonAltitudeDegrees(at)), TwilightPhase.of(sunAltitude)));
        }
        return List.copyOf(described);
    }

    private static Instant instant(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis);
    }
}
