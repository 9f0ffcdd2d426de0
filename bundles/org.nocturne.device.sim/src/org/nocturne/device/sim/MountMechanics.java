package org.nocturne.device.sim;

import java.util.Random;

import org.nocturne.core.sky.AstroTime;
import org.nocturne.core.sky.ApparentFrame;
import org.nocturne.core.sky.Equatorial;
import org.nocturne.core.sky.ObserverSite;
import org.nocturne.core.sky.TopocentricSky;

/**
 * The truth of a simulated German equatorial mount: where its optical axis really points, as opposed to what it
 * reports. The axis direction lives in the Earth-fixed equatorial frame (hour angle, declination of date); the mount's
 * right-ascension axis is misaligned from the true pole by the polar error; tracking turns the tube about that real
 * axis at the sidereal rate plus periodic error, so a misaligned mount drifts as a real one does, and rotating the RA
 * axis traces a circle about the real axis (what three-point polar alignment measures). A slew lands off target by
 * the pointing model's offset plus a random jitter; a sync corrects the model. Not thread-safe: the observatory
 * guards it.
 */
final class MountMechanics {

    /** Earth's rotation rate in radians per second of time (sidereal). */
    static final double SIDEREAL_RADIANS_PER_SECOND = 7.2921150e-5;

    private final ObserverSite site;
    private final double[] axis;
    private final Random random;
    private final double jitterArcsec;
    private final double periodicErrorArcsec;
    private final double periodicErrorPeriodSeconds;

    /** Direction of the optical axis in the Earth-fixed frame: x towards hour angle 0, y towards 6h west, z the pole. */
    private double[] direction;
    private double offsetRaArcsec;
    private double offsetDecArcsec;
    private boolean tracking;
    private double trackedUntilSeconds;
    private double periodicPhaseSeconds;
    private double raAxisRadiansPerSecond;
    private double decAxisRadiansPerSecond;

    MountMechanics(ObserverSite site, double polarAltitudeErrorArcmin, double polarAzimuthErrorArcmin, double modelOffsetArcmin,
            double jitterArcsec, double periodicErrorArcsec, double periodicErrorPeriodSeconds, long seed) {
        this.site = site;
        this.random = new Random(seed);
        this.jitterArcsec = jitterArcsec;
        this.periodicErrorArcsec = periodicErrorArcsec;
        this.periodicErrorPeriodSeconds = periodicErrorPeriodSeconds;
        this.axis = axisFromPolarError(site, polarAltitudeErrorArcmin, polarAzimuthErrorArcmin);
        double angle = random.nextDouble() * 2 * Math.PI;
        this.offsetRaArcsec = modelOffsetArcmin * 60 * Math.cos(angle);
        this.offsetDecArcsec = modelOffsetArcmin * 60 * Math.sin(angle);
        this.direction = parkDirection();
    }

    /** Along the RA axis towards the elevated pole, where a parked mount points. */
    private double[] parkDirection() {
        return site.isSouthern() ? negate(axis) : axis.clone();
    }

    /**
     * The mount's RA axis, oriented north: the elevated pole moved up by the altitude error and east by the azimuth
     * error, in the Earth frame.
     */
    private static double[] axisFromPolarError(ObserverSite site, double altitudeErrorArcmin, double azimuthErrorArcmin) {
        double latitude = Math.toRadians(site.latitudeDegrees());
        double poleAltitude = Math.abs(latitude) + Math.toRadians(altitudeErrorArcmin / 60);
        // East of the pole is a larger azimuth in the north (around 0°) and a smaller one in the south (around 180°).
        double poleAzimuth = site.isSouthern() ? Math.PI - Math.toRadians(azimuthErrorArcmin / 60) : Math.toRadians(azimuthErrorArcmin / 60);
        double sinDec = Math.sin(latitude) * Math.sin(poleAltitude) + Math.cos(latitude) * Math.cos(poleAltitude) * Math.cos(poleAzimuth);
        double dec = Math.asin(Math.max(-1, Math.min(1, sinDec)));
        double hourAngle = Math.atan2(-Math.sin(poleAzimuth) * Math.cos(poleAltitude),
                (Math.sin(poleAltitude) - Math.sin(latitude) * sinDec) / Math.max(1e-12, Math.cos(latitude)));
        double[] towardsElevatedPole = vector(hourAngle, dec);
        // Tracking turns about the axis pointing north whichever pole the mount is aligned on.
        return site.isSouthern() ? negate(towardsElevatedPole) : towardsElevatedPole;
    }

    private static double[] negate(double[] v) {
        return new double[] { -v[0], -v[1], -v[2] };
    }

    /**
     * Advances tracking to {@code seconds} (seconds since the observatory's epoch), turning the tube about the real axis.
     * An earlier instant leaves the state as it is: see {@link #directionAt}.
     */
    void advanceTo(double seconds) {
        if (seconds > trackedUntilSeconds) {
            direction = moved(direction, trackedUntilSeconds, seconds);
            trackedUntilSeconds = seconds;
        }
    }

    /**
     * Where the tube points at {@code seconds}: for an earlier instant than the state, the present direction turned
     * back by the motion since (assuming the rates then were those now), without changing the state.
     */
    private double[] directionAt(double seconds) {
        if (seconds >= trackedUntilSeconds) {
            advanceTo(seconds);
            return direction.clone();
        }
        return moved(direction, trackedUntilSeconds, seconds);
    }

    /** {@code from} carried by tracking, periodic error and the axis rates from one instant to another (either way). */
    private double[] moved(double[] from, double fromSeconds, double toSeconds) {
        double elapsed = toSeconds - fromSeconds;
        double angle = raAxisRadiansPerSecond * elapsed;
        if (tracking) {
            angle += SIDEREAL_RADIANS_PER_SECOND * elapsed + periodicErrorRadians(toSeconds) - periodicErrorRadians(fromSeconds);
        }
        double[] to = angle != 0 ? rotate(from, axis, angle) : from.clone();
        if (decAxisRadiansPerSecond != 0) {
            to = rotate(to, decAxis(to), -decAxisRadiansPerSecond * elapsed);
        }
        return to;
    }

    /** Turns the axes at rates (radians per second; RA positive west, Dec positive north) from {@code seconds} on. */
    void setAxisRates(double raRadiansPerSecond, double decRadiansPerSecond, double seconds) {
        advanceTo(seconds);
        raAxisRadiansPerSecond = raRadiansPerSecond;
        decAxisRadiansPerSecond = decRadiansPerSecond;
    }

    private double periodicErrorRadians(double seconds) {
        if (periodicErrorPeriodSeconds <= 0) {
            return 0;
        }
        return Math.toRadians(periodicErrorArcsec / 3600) * Math.sin(2 * Math.PI * (seconds + periodicPhaseSeconds) / periodicErrorPeriodSeconds);
    }

    void setTracking(boolean on, double seconds) {
        advanceTo(seconds);
        tracking = on;
    }

    boolean tracking() {
        return tracking;
    }

    /** Puts the tube where a slew to {@code target} (ICRS) really ends: off by the model offset and a fresh jitter. */
    void slewTo(Equatorial target, AstroTime time, double seconds) {
        advanceTo(seconds);
        double raOffset = offsetRaArcsec + random.nextGaussian() * jitterArcsec;
        double decOffset = offsetDecArcsec + random.nextGaussian() * jitterArcsec;
        Equatorial aimed = offset(target, raOffset, decOffset);
        direction = earthDirection(aimed, time);
    }

    /** A sync at the reported place: the model learns that the mount really points at {@code actual}. */
    void sync(Equatorial reported, Equatorial actual) {
        double cosDec = Math.cos(actual.decRadians());
        offsetRaArcsec -= Math.toDegrees(Math.IEEEremainder(actual.raRadians() - reported.raRadians(), 2 * Math.PI)) * 3600 * cosDec;
        offsetDecArcsec -= Math.toDegrees(actual.decRadians() - reported.decRadians()) * 3600;
    }

    /** Turns the tube about the real RA axis by {@code radians} (positive west, as the hour angle grows). */
    void rotateRaAxis(double radians, double seconds) {
        advanceTo(seconds);
        direction = rotate(direction, axis, radians);
    }

    /** Moves the tube along the declination axis by {@code radians} (positive north). */
    void rotateDecAxis(double radians, double seconds) {
        advanceTo(seconds);
        direction = rotate(direction, decAxis(direction), -radians);
    }

    /** Where the tube really points at {@code seconds}, ICRS; asking about the past changes nothing. */
    Equatorial truePointing(AstroTime time, TopocentricSky sky, double seconds) {
        double[] at = directionAt(seconds);
        double hourAngle = Math.atan2(at[1], at[0]);
        double dec = Math.asin(Math.max(-1, Math.min(1, at[2])));
        double lastRadians = sky.localSiderealTimeHours(time) * Math.PI / 12;
        return ApparentFrame.toIcrs(new Equatorial(lastRadians - hourAngle, dec), time);
    }

    /** The real RA axis in the Earth frame, oriented north, for the ground truth. */
    double[] axis() {
        return axis.clone();
    }

    /** Points the tube along the real axis at the elevated pole (the park position) and stops tracking. */
    void park(double seconds) {
        advanceTo(seconds);
        direction = parkDirection();
        tracking = false;
    }

    private double[] earthDirection(Equatorial icrs, AstroTime time) {
        Equatorial apparent = ApparentFrame.fromIcrs(icrs, time);
        double lastRadians = new TopocentricSky(site).localSiderealTimeHours(time) * Math.PI / 12;
        return vector(lastRadians - apparent.raRadians(), apparent.decRadians());
    }

    static Equatorial offset(Equatorial place, double raArcsecOnSky, double decArcsec) {
        double dec = place.decRadians() + Math.toRadians(decArcsec / 3600);
        dec = Math.max(-Math.PI / 2, Math.min(Math.PI / 2, dec));
        double ra = place.raRadians() + Math.toRadians(raArcsecOnSky / 3600) / Math.max(1e-6, Math.cos(place.decRadians()));
        return new Equatorial(ra, dec);
    }

    private static double[] vector(double hourAngle, double dec) {
        return new double[] { Math.cos(dec) * Math.cos(hourAngle), Math.cos(dec) * Math.sin(hourAngle), Math.sin(dec) };
    }

    /** Rodrigues' rotation of {@code v} about the unit vector {@code k} by {@code angle}. */
    private static double[] rotate(double[] v, double[] k, double angle) {
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double[] kxv = cross(k, v);
        double kdotv = k[0] * v[0] + k[1] * v[1] + k[2] * v[2];
        double[] out = new double[3];
        for (int i = 0; i < 3; i++) {
            out[i] = v[i] * cos + kxv[i] * sin + k[i] * kdotv * (1 - cos);
        }
        return normalise(out);
    }

    /**
     * The declination axis for a tube direction: perpendicular to the RA axis and the tube. Along the RA axis itself
     * (the park position) any perpendicular will do.
     */
    private double[] decAxis(double[] tube) {
        double[] perpendicular = cross(axis, tube);
        if (Math.sqrt(perpendicular[0] * perpendicular[0] + perpendicular[1] * perpendicular[1] + perpendicular[2] * perpendicular[2]) < 1e-9) {
            perpendicular = cross(axis, Math.abs(axis[0]) < 0.9 ? new double[] { 1, 0, 0 } : new double[] { 0, 1, 0 });
        }
        return normalise(perpendicular);
    }

    private static double[] cross(double[] a, double[] b) {
        return new double[] { a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0] };
    }

    private static double[] normalise(double[] v) {
        double norm = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
        return new double[] { v[0] / norm, v[1] / norm, v[2] / norm };
    }
}
