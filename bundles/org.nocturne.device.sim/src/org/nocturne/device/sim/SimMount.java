package org.nocturne.device.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.nocturne.core.sky.ApparentFrame;
import org.nocturne.core.sky.AstroTime;
import org.nocturne.core.sky.Equatorial;
import org.nocturne.core.sky.ObservedPlace;
import org.nocturne.device.api.ConnectionState;
import org.nocturne.device.api.DeviceException;
import org.nocturne.device.api.DeviceInfo;
import org.nocturne.device.api.DeviceKind;
import org.nocturne.device.api.SettingDescriptor;
import org.nocturne.device.api.SettingDescriptor.Type;
import org.nocturne.device.api.mount.GuideDirection;
import org.nocturne.device.api.mount.Mount;
import org.nocturne.device.api.mount.MountActivity;
import org.nocturne.device.api.mount.MountAxis;
import org.nocturne.device.api.mount.MountCapabilities;
import org.nocturne.device.api.mount.MountCapabilities.EquatorialSystem;
import org.nocturne.device.api.mount.MountState;
import org.nocturne.device.api.mount.TrackingRate;
import org.nocturne.device.api.support.SettingValues;
import org.nocturne.image.PierSide;

/**
 * A simulated German equatorial mount. It reports where it believes it points (the commanded place, corrected by
 * syncs and guide pulses); where it really points is the {@link MountMechanics}' truth, off by the polar error, the
 * pointing model, periodic error and drift. Starts parked, as a real mount at home does.
 */
final class SimMount extends SimDevice<MountState> implements Mount {

    static final List<SettingDescriptor> SETTINGS = List.of(
            SettingDescriptor.of("polarAltitudeErrorArcmin", "Polar axis altitude error", Type.DECIMAL, "6", "′",
                    "How far the RA axis points above the pole (negative: below)"),
            SettingDescriptor.of("polarAzimuthErrorArcmin", "Polar axis azimuth error", Type.DECIMAL, "-9", "′",
                    "How far the RA axis points east of the pole (negative: west)"),
            SettingDescriptor.of("pointingErrorArcmin", "Pointing model error", Type.DECIMAL, "20", "′",
                    "How far the first slews land from the target until a sync"),
            SettingDescriptor.of("slewJitterArcsec", "Slew repeatability", Type.DECIMAL, "15", "″", "Random error of every slew (1σ per axis)"),
            SettingDescriptor.of("periodicErrorArcsec", "Periodic error amplitude", Type.DECIMAL, "8", "″", "Amplitude of the worm's periodic error"),
            SettingDescriptor.of("periodicErrorPeriodSeconds", "Worm period", Type.DECIMAL, "480", "s", "Period of the periodic error"),
            SettingDescriptor.of("slewRateDegreesPerSecond", "Slew speed", Type.DECIMAL, "4", "°/s", "Top slew speed"),
            SettingDescriptor.of("guideRateSidereal", "Guide rate", Type.DECIMAL, "0.5", "× sidereal", "Guide pulse speed"));

    private static final double SIDEREAL_ARCSEC_PER_SECOND = 15.041;
    private static final Duration SETTLE = Duration.ofSeconds(2);

    private final MountCapabilities capabilities;
    private final double slewRate;

    /** Where the mount believes it points, ICRS; null while parked. */
    private Equatorial reported;
    private double reportedAtSeconds;
    private boolean parked = true;
    private TrackingRate rate;
    private PierSide pierSide;
    /** Axis rates the mount drives at, radians per second (RA positive west, Dec positive north). */
    private double raAxisRate;
    private double decAxisRate;
    private volatile CompletableFuture<Void> motion = CompletableFuture.completedFuture(null);

    SimMount(SimulatedObservatory observatory, SettingValues settings, long seed) {
        super(new DeviceInfo(SimulatorProvider.ID, "Simulated mount", "German equatorial mount of the sky simulator"), DeviceKind.MOUNT,
                MountState.disconnected(), observatory);
        this.slewRate = settings.decimal("slewRateDegreesPerSecond");
        this.capabilities = new MountCapabilities(EquatorialSystem.J2000, true, true, true, true, EnumSet.allOf(TrackingRate.class),
                settings.decimal("guideRateSidereal"), slewRate, true);
        observatory.installMount(new MountMechanics(observatory.site(), settings.decimal("polarAltitudeErrorArcmin"),
                settings.decimal("polarAzimuthErrorArcmin"), settings.decimal("pointingErrorArcmin"), settings.decimal("slewJitterArcsec"),
                settings.decimal("periodicErrorArcsec"), settings.decimal("periodicErrorPeriodSeconds"), seed));
    }

    @Override
    public MountCapabilities capabilities() {
        return capabilities;
    }

    @Override
    protected void openConnection() {
        publish(snapshot(ConnectionState.CONNECTED, ""));
    }

    @Override
    protected void closeConnection() {
        motion.cancel(true);
    }

    @Override
    protected MountState withConnection(MountState s, ConnectionState connection, String message) {
        return new MountState(connection, message, s.position(), s.altitudeDegrees(), s.azimuthDegrees(), s.hourAngleHours(), s.pierSide(),
                s.activity(), s.trackingRate());
    }

    @Override
    public CompletableFuture<Void> slew(Equatorial icrs) {
        CompletableFuture<Void> slew = command("slew", () -> {
            refuseWhenParked("slew");
            Equatorial from = position();
            double degrees = from == null ? 90 : Math.toDegrees(angle(from, icrs));
            publish(snapshot(MountActivity.SLEWING));
            observatory.clock().sleep(Duration.ofMillis((long) (degrees / slewRate * 1000)).plus(SETTLE));
            Instant arrival = observatory.now();
            double seconds = observatory.secondsAt(arrival);
            observatory.withMount(m -> {
                m.slewTo(icrs, AstroTime.of(arrival), seconds);
                m.setTracking(true, seconds);
                return null;
            });
            reported = icrs;
            reportedAtSeconds = seconds;
            rate = TrackingRate.SIDEREAL;
            pierSide = sideFor(icrs);
            observatory.setPierWest(pierSide == PierSide.WEST);
            publish(snapshot(MountActivity.TRACKING));
            return null;
        });
        motion = slew;
        slew.whenComplete((v, e) -> {
            if (slew.isCancelled()) {
                command("stop after a cancelled slew", () -> {
                    publish(snapshot(rate != null ? MountActivity.TRACKING : MountActivity.STOPPED));
                    return null;
                });
            }
        });
        return slew;
    }

    @Override
    public CompletableFuture<Void> sync(Equatorial icrs) {
        return command("sync", () -> {
            refuseWhenParked("sync");
            double seconds = observatory.secondsNow();
            Equatorial believed = positionAt(seconds);
            observatory.withMount(m -> {
                m.sync(believed, icrs);
                return null;
            });
            reported = icrs;
            reportedAtSeconds = seconds;
            publish(snapshot(currentActivity()));
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> park() {
        return command("park", () -> {
            applyAxisMotion(MountAxis.RIGHT_ASCENSION, 0);
            applyAxisMotion(MountAxis.DECLINATION, 0);
            publish(snapshot(MountActivity.PARKING));
            try {
                observatory.clock().sleep(Duration.ofSeconds(20));
                observatory.withMount(m -> {
                    m.park(observatory.secondsNow());
                    return null;
                });
                parked = true;
                rate = null;
                reported = null;
            } finally {
                publish(snapshot(currentActivity()));
            }
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> unpark() {
        return command("unpark", () -> {
            if (parked) {
                parked = false;
                // At home the mount believes it points at the elevated pole of date.
                AstroTime now = AstroTime.of(observatory.now());
                double lst = observatory.sky().localSiderealTimeHours(now) * Math.PI / 12;
                reported = ApparentFrame.toIcrs(new Equatorial(lst, observatory.site().isSouthern() ? -Math.PI / 2 : Math.PI / 2), now);
                reportedAtSeconds = observatory.secondsNow();
                pierSide = PierSide.EAST;
            }
            publish(snapshot(MountActivity.STOPPED));
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> setTracking(TrackingRate trackingRate) {
        return command("set tracking", () -> {
            refuseWhenParked("track");
            double seconds = observatory.secondsNow();
            reported = positionAt(seconds);
            reportedAtSeconds = seconds;
            rate = trackingRate;
            observatory.withMount(m -> {
                m.setTracking(trackingRate != null, seconds);
                return null;
            });
            publish(snapshot(currentActivity()));
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> pulseGuide(GuideDirection direction, Duration duration) {
        return command("pulse guide", () -> {
            refuseWhenParked("guide");
            double arcsec = capabilities.guideRateSidereal() * SIDEREAL_ARCSEC_PER_SECOND * duration.toNanos() / 1e9;
            double radians = Math.toRadians(arcsec / 3600);
            observatory.clock().sleep(duration);
            double seconds = observatory.secondsNow();
            observatory.withMount(m -> {
                switch (direction) {
                    case WEST -> m.rotateRaAxis(radians, seconds);
                    case EAST -> m.rotateRaAxis(-radians, seconds);
                    case NORTH -> m.rotateDecAxis(radians, seconds);
                    case SOUTH -> m.rotateDecAxis(-radians, seconds);
                }
                return null;
            });
            Equatorial believed = positionAt(seconds);
            // The RA axis turned by that angle: on the sky that is shorter by cos δ.
            double onSky = arcsec * Math.cos(believed.decRadians());
            reported = switch (direction) {
                case WEST -> MountMechanics.offset(believed, -onSky, 0);
                case EAST -> MountMechanics.offset(believed, onSky, 0);
                case NORTH -> MountMechanics.offset(believed, 0, arcsec);
                case SOUTH -> MountMechanics.offset(believed, 0, -arcsec);
            };
            reportedAtSeconds = seconds;
            publish(snapshot(currentActivity()));
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> moveAxis(MountAxis axis, double degreesPerSecond) {
        return command("move axis", () -> {
            refuseWhenParked("move");
            if (Math.abs(degreesPerSecond) > capabilities.maxAxisRateDegreesPerSecond()) {
                throw new IllegalArgumentException("Axis rate " + degreesPerSecond + "°/s is beyond ±" + capabilities.maxAxisRateDegreesPerSecond() + "°/s");
            }
            applyAxisMotion(axis, Math.toRadians(degreesPerSecond));
            publish(snapshot(degreesPerSecond != 0 ? MountActivity.MOVING : currentActivity()));
            return null;
        });
    }

    /** Starts or stops an axis; the mount's belief follows its encoders, the truth follows the real axis. */
    private void applyAxisMotion(MountAxis axis, double radiansPerSecond) {
        double seconds = observatory.secondsNow();
        reported = positionAt(seconds);
        reportedAtSeconds = seconds;
        if (axis == MountAxis.RIGHT_ASCENSION) {
            raAxisRate = radiansPerSecond;
        } else {
            decAxisRate = radiansPerSecond;
        }
        observatory.withMount(m -> {
            m.setAxisRates(raAxisRate, decAxisRate, seconds);
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> abort() {
        motion.cancel(true);
        return command("abort", () -> {
            applyAxisMotion(MountAxis.RIGHT_ASCENSION, 0);
            applyAxisMotion(MountAxis.DECLINATION, 0);
            publish(snapshot(currentActivity()));
            return null;
        });
    }

    private void refuseWhenParked(String what) {
        if (parked) {
            throw new DeviceException(info().name() + " is parked: unpark it before you " + what);
        }
    }

    /**
     * Where the mount believes it points now: the last reported place, carried along by the axis rates its encoders
     * see, and by the sky when it does not track.
     */
    private Equatorial position() {
        return positionAt(observatory.secondsNow());
    }

    /** Where the mount believes it points at {@code seconds} (the observatory's time base). */
    private Equatorial positionAt(double seconds) {
        if (reported == null) {
            return null;
        }
        double elapsed = seconds - reportedAtSeconds;
        // Turning the RA axis west lowers the right ascension; a tube standing still sees it grow with sidereal time.
        double westRadians = raAxisRate * elapsed - (rate == null ? MountMechanics.SIDEREAL_RADIANS_PER_SECOND * elapsed : 0);
        double northRadians = decAxisRate * elapsed;
        if (westRadians == 0 && northRadians == 0) {
            return reported;
        }
        // The axes turn about the pole of date, so the motion is applied to the apparent place, not the ICRS one.
        Equatorial then = ApparentFrame.fromIcrs(reported, AstroTime.of(observatory.instantAt(reportedAtSeconds)));
        Equatorial moved = new Equatorial(then.raRadians() - westRadians,
                Math.max(-Math.PI / 2, Math.min(Math.PI / 2, then.decRadians() + northRadians)));
        return ApparentFrame.toIcrs(moved, AstroTime.of(observatory.instantAt(seconds)));
    }

    private MountActivity currentActivity() {
        if (parked) {
            return MountActivity.PARKED;
        }
        if (raAxisRate != 0 || decAxisRate != 0) {
            return MountActivity.MOVING;
        }
        return rate != null ? MountActivity.TRACKING : MountActivity.STOPPED;
    }

    private MountState snapshot(MountActivity activity) {
        return snapshot(state().connection(), state().message(), activity);
    }

    private MountState snapshot(ConnectionState connection, String message) {
        return snapshot(connection, message, currentActivity());
    }

    private MountState snapshot(ConnectionState connection, String message, MountActivity activity) {
        Equatorial believed = position();
        if (believed == null) {
            return new MountState(connection, message, null, Double.NaN, Double.NaN, Double.NaN, null, activity, null);
        }
        ObservedPlace place = observatory.sky().observe(believed, AstroTime.of(observatory.now()));
        return new MountState(connection, message, believed, place.altitudeDegrees(), place.azimuthDegrees(), place.hourAngleHours(),
                pierSide, activity, activity == MountActivity.TRACKING ? rate : null);
    }

    /**
     * The side a slew puts the tube on: east of the pier when the target is west of the meridian (ASCOM's pierEast,
     * the normal pointing state), west of it otherwise. It stays there while tracking through the meridian until the
     * next slew, as on a real mount.
     */
    private PierSide sideFor(Equatorial target) {
        return observatory.sky().observe(target, AstroTime.of(observatory.now())).hourAngleHours() >= 0 ? PierSide.EAST : PierSide.WEST;
    }


    private static double angle(Equatorial a, Equatorial b) {
        double cos = Math.sin(a.decRadians()) * Math.sin(b.decRadians())
                + Math.cos(a.decRadians()) * Math.cos(b.decRadians()) * Math.cos(a.raRadians() - b.raRadians());
        return Math.acos(Math.max(-1, Math.min(1, cos)));
    }
}
