package org.nocturne.device.alpaca;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;

import org.nocturne.core.sky.ApparentFrame;
import org.nocturne.core.sky.AstroTime;
import org.nocturne.core.sky.Equatorial;
import org.nocturne.device.api.ConnectionState;
import org.nocturne.device.api.DeviceKind;
import org.nocturne.device.api.mount.GuideDirection;
import org.nocturne.device.api.mount.Mount;
import org.nocturne.device.api.mount.MountActivity;
import org.nocturne.device.api.mount.MountAxis;
import org.nocturne.device.api.mount.MountCapabilities;
import org.nocturne.device.api.mount.MountCapabilities.EquatorialSystem;
import org.nocturne.device.api.mount.MountState;
import org.nocturne.device.api.mount.TrackingRate;
import org.nocturne.image.PierSide;

/**
 * An Alpaca telescope. Positions cross the API in ICRS; a mount whose {@code equatorialsystem} is topocentric (1,
 * JNow) gets and gives apparent places of date, converted with {@link ApparentFrame}; one in J2000 (2) is used as it
 * is. Slews are asynchronous ({@code slewtocoordinatesasync}) and polled on {@code slewing}; cancelling one, or
 * {@link #abort()}, sends {@code abortslew} at once.
 *
 * <p>Axis moves: ASCOM leaves the sense of {@code moveaxis} rates to the mount, so this follows the ASCOM telescope
 * simulator (github.com/ASCOMInitiative/ASCOM.Alpaca.Simulators, TelescopeSimulator/TelescopeHardware.cs
 * {@code MoveAxes} and MountFunctions.cs {@code ConvertAxesToRaDec}): a positive primary rate turns the hour-angle axis
 * so the hour angle grows and the right ascension falls (west), in both hemispheres; a positive secondary rate raises
 * the declination while a German mount points normally (ASCOM pierEast) and lowers it through the pole (pierWest). The
 * declination sign is therefore flipped on a German mount reporting pierWest, so that positive is north as
 * {@link Mount#moveAxis} says.
 */
final class AlpacaMount extends AlpacaDevice<MountState> implements Mount {

    /** Sidereal rate in degrees per second. */
    private static final double SIDEREAL_DEGREES_PER_SECOND = 15.041 / 3600;
    private static final long POLL_MILLIS = 200;
    /** Longer than the slowest real slew or park (a half-turn of both axes at a couple of degrees a second). */
    private static final Duration MOTION_LIMIT = Duration.ofMinutes(10);
    /** ASCOM DriveRates, by value: 0 sidereal, 1 lunar, 2 solar, 3 King. */
    private static final TrackingRate[] ASCOM_RATES = { TrackingRate.SIDEREAL, TrackingRate.LUNAR, TrackingRate.SOLAR, TrackingRate.KING };

    private volatile MountCapabilities capabilities;
    private boolean canSetTracking;
    /** Whether each axis (0 right ascension, 1 declination) moves at a rate. */
    private final boolean[] axisMoving = new boolean[2];
    private boolean parking;
    /** The slews and parks queued or running, which {@link #abort()} cancels. */
    private final Set<CompletableFuture<?>> motions = ConcurrentHashMap.newKeySet();

    AlpacaMount(AlpacaEndpoint endpoint) {
        super(endpoint, DeviceKind.MOUNT, MountState.disconnected());
    }

    /** What the mount can do; read on connect (a J2000 mount that can do nothing before the first connection). */
    @Override
    public MountCapabilities capabilities() {
        MountCapabilities known = capabilities;
        return known != null ? known : new MountCapabilities(EquatorialSystem.J2000, false, false, false, false, Set.of(), 0, 0, false);
    }

    @Override
    protected void readDevice() throws InterruptedException {
        AlpacaClient alpaca = alpaca();
        // ASCOM EquatorialCoordinateType: 1 topocentric (apparent of date), 2 J2000; "other" (0) and the rare B1950/J2050
        // are taken as apparent of date, what such mounts nearly always mean.
        EquatorialSystem system = alpaca.getInt("equatorialsystem") == 2 ? EquatorialSystem.J2000 : EquatorialSystem.JNOW;
        boolean canPark = alpaca.getBoolean("canpark") && alpaca.getBoolean("canunpark");
        boolean canSync = alpaca.getBoolean("cansync");
        boolean canPulseGuide = alpaca.getBoolean("canpulseguide");
        boolean canMoveAxis = alpaca.getBoolean("canmoveaxis", "Axis", "0") && alpaca.getBoolean("canmoveaxis", "Axis", "1");
        canSetTracking = optionalBoolean("cansettracking");
        Set<TrackingRate> rates = EnumSet.noneOf(TrackingRate.class);
        for (int rate : alpaca.getInts("trackingrates")) {
            if (rate >= 0 && rate < ASCOM_RATES.length) {
                rates.add(ASCOM_RATES[rate]);
            }
        }
        double guideRate = Double.NaN;
        try {
            guideRate = alpaca.getDouble("guideratedeclination") / SIDEREAL_DEGREES_PER_SECOND;
        } catch (AlpacaException e) {
            if (!e.notImplemented()) {
                throw e;
            }
        }
        double maxRate = canMoveAxis ? maxAxisRate(alpaca.getArray("axisrates", "Axis", "0")) : 0;
        boolean german = alignmentMode() == 2;
        capabilities = new MountCapabilities(system, canPark, canSync, canPulseGuide, canMoveAxis, rates, guideRate, maxRate, german);
    }

    /** ASCOM AlignmentModes: 0 alt-az, 1 polar (fork), 2 German polar; −1 where the mount does not say. */
    private int alignmentMode() throws InterruptedException {
        try {
            return alpaca().getInt("alignmentmode");
        } catch (AlpacaException e) {
            if (e.notImplemented()) {
                return -1;
            }
            throw e;
        }
    }

    /** The fastest rate of an {@code axisrates} list of {Minimum, Maximum} pairs, in degrees per second. */
    private double maxAxisRate(List<JsonNode> ranges) {
        double max = 0;
        for (JsonNode range : ranges) {
            JsonNode maximum = range.get("Maximum");
            if (maximum == null || !maximum.isNumber()) {
                throw AlpacaException.broken(info().name() + ": axisrates: a rate range without a numeric Maximum: " + range, null);
            }
            max = Math.max(max, maximum.asDouble());
        }
        return max;
    }

    @Override
    protected void refresh() throws InterruptedException {
        AlpacaClient alpaca = alpaca();
        Equatorial reported = Equatorial.ofHoursDegrees(alpaca.getDouble("rightascension"), alpaca.getDouble("declination"));
        AstroTime now = AstroTime.of(Instant.now());
        Equatorial icrs = capabilities.equatorialSystem() == EquatorialSystem.JNOW ? ApparentFrame.toIcrs(reported, now) : reported;
        Equatorial apparent = capabilities.equatorialSystem() == EquatorialSystem.JNOW ? reported : ApparentFrame.fromIcrs(reported, now);
        double hourAngle = Math.IEEEremainder(alpaca.getDouble("siderealtime") - apparent.raHours(), 24);
        double altitude = optionalDouble("altitude");
        double azimuth = optionalDouble("azimuth");
        PierSide pier = pierSide();
        boolean parked = capabilities.canPark() && alpaca.getBoolean("atpark");
        boolean slewing = alpaca.getBoolean("slewing");
        boolean tracking = alpaca.getBoolean("tracking");
        TrackingRate rate = null;
        if (tracking) {
            int ascomRate = alpaca.getInt("trackingrate");
            rate = ascomRate >= 0 && ascomRate < ASCOM_RATES.length ? ASCOM_RATES[ascomRate] : TrackingRate.SIDEREAL;
        }
        MountActivity activity;
        if (parked) {
            activity = MountActivity.PARKED;
        } else if (parking) {
            activity = MountActivity.PARKING;
        } else if (axisMoving[0] || axisMoving[1]) {
            activity = MountActivity.MOVING;
        } else if (slewing) {
            activity = MountActivity.SLEWING;
        } else {
            activity = tracking ? MountActivity.TRACKING : MountActivity.STOPPED;
        }
        TrackingRate trackingRate = rate;
        update(s -> new MountState(s.connection(), s.message(), icrs, altitude, azimuth, hourAngle, pier, activity, trackingRate));
    }

    /** ASCOM PierSide: 0 east, 1 west, −1 unknown; null where the mount does not say. */
    private PierSide pierSide() throws InterruptedException {
        try {
            return switch (alpaca().getInt("sideofpier")) {
                case 0 -> PierSide.EAST;
                case 1 -> PierSide.WEST;
                default -> null;
            };
        } catch (AlpacaException e) {
            if (e.notImplemented()) {
                return null;
            }
            throw e;
        }
    }

    @Override
    protected MountState withConnection(MountState s, ConnectionState connection, String message) {
        return new MountState(connection, message, s.position(), s.altitudeDegrees(), s.azimuthDegrees(), s.hourAngleHours(), s.pierSide(),
                s.activity(), s.trackingRate());
    }

    /** The mount's own place for an ICRS one. */
    private Equatorial toMount(Equatorial icrs) {
        return capabilities.equatorialSystem() == EquatorialSystem.JNOW ? ApparentFrame.fromIcrs(icrs, AstroTime.of(Instant.now()))
                : icrs;
    }

    /** Keeps a slew or park for {@link #abort()} until it ends. */
    private CompletableFuture<Void> motion(CompletableFuture<Void> motion) {
        motions.add(motion);
        motion.whenComplete((ignored, error) -> motions.remove(motion));
        return motion;
    }

    @Override
    public CompletableFuture<Void> slew(Equatorial icrs) {
        return motion(alpacaCommand("slew", () -> {
            if (capabilities.canPark() && alpaca().getBoolean("atpark")) {
                throw AlpacaException.refused(info().name() + ": slew: the mount is parked; unpark it first", AlpacaErrors.INVALID_WHILE_PARKED);
            }
            if (canSetTracking && !alpaca().getBoolean("tracking")) {
                alpaca().put("tracking", "Tracking", "true");
            }
            Equatorial target = toMount(icrs);
            String ra = AlpacaClient.number("Right ascension", target.raHours());
            String dec = AlpacaClient.number("Declination", target.decDegrees());
            try {
                // inside the try: a cancel that interrupts the request itself must still stop the slew it may have started
                alpaca().put("slewtocoordinatesasync", "RightAscension", ra, "Declination", dec);
                waitWhile("slewing");
            } catch (InterruptedException e) {
                Thread.interrupted();
                alpaca().put("abortslew");
                refresh();
                throw e;
            }
            refresh();
            return null;
        }));
    }

    /** Polls a boolean member, publishing the state, until it turns false. */
    private void waitWhile(String member) throws InterruptedException {
        Duration limit = limit(MOTION_LIMIT);
        long deadline = deadline(limit);
        while (true) {
            checkDeadline(deadline, "the " + member, limit, "abortslew");
            refresh();
            if (!alpaca().getBoolean(member)) {
                return;
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    @Override
    public CompletableFuture<Void> sync(Equatorial icrs) {
        return alpacaCommand("sync", () -> {
            if (!capabilities.canSync()) {
                throw new IllegalArgumentException(info().name() + " cannot sync");
            }
            Equatorial place = toMount(icrs);
            alpaca().put("synctocoordinates", "RightAscension", AlpacaClient.number("Right ascension", place.raHours()), "Declination",
                    AlpacaClient.number("Declination", place.decDegrees()));
            refresh();
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> park() {
        return motion(alpacaCommand("park", () -> {
            if (!capabilities.canPark()) {
                throw new IllegalArgumentException(info().name() + " cannot park");
            }
            parking = true;
            try {
                alpaca().put("park");
                Duration limit = limit(MOTION_LIMIT);
                long deadline = deadline(limit);
                while (!alpaca().getBoolean("atpark")) {
                    checkDeadline(deadline, "parking", limit, "abortslew");
                    refresh();
                    Thread.sleep(POLL_MILLIS);
                }
            } catch (InterruptedException e) {
                Thread.interrupted();
                alpaca().put("abortslew");
                throw e;
            } finally {
                parking = false;
                refresh();
            }
            return null;
        }));
    }

    @Override
    public CompletableFuture<Void> unpark() {
        return alpacaCommand("unpark", () -> {
            if (capabilities.canPark()) {
                alpaca().put("unpark");
            }
            refresh();
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> setTracking(TrackingRate rate) {
        return alpacaCommand("set tracking", () -> {
            if (rate != null && !capabilities.trackingRates().contains(rate)) {
                throw new IllegalArgumentException(info().name() + " cannot track at the " + rate.name().toLowerCase() + " rate");
            }
            if (rate != null) {
                alpaca().put("trackingrate", "TrackingRate", String.valueOf(driveRate(rate)));
            }
            alpaca().put("tracking", "Tracking", String.valueOf(rate != null));
            refresh();
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> pulseGuide(GuideDirection direction, Duration duration) {
        return alpacaCommand("pulse guide", () -> {
            if (!capabilities.canPulseGuide()) {
                throw new IllegalArgumentException(info().name() + " cannot pulse-guide");
            }
            long millis = duration.toMillis();
            if (millis < 0 || millis > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("Guide pulse " + duration + " is not a possible duration");
            }
            alpaca().put("pulseguide", "Direction", String.valueOf(guideDirection(direction)), "Duration", String.valueOf(millis));
            long end = System.nanoTime() + duration.toNanos();
            Thread.sleep(Math.max(0, millis - 20));
            while (alpaca().getBoolean("ispulseguiding")) {
                if (System.nanoTime() - end > endpoint.timeout().toNanos()) {
                    // a slow ispulseguiding is not a broken link: refuse this pulse, keep the connection
                    throw AlpacaException.refused(info().name() + ": pulse guide: still guiding " + endpoint.timeout().toSeconds()
                            + " s after the pulse should have ended", 0);
                }
                Thread.sleep(10);
            }
            refresh();
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> moveAxis(MountAxis axis, double degreesPerSecond) {
        return alpacaCommand("move axis", () -> {
            if (!capabilities.canMoveAxis()) {
                throw new IllegalArgumentException(info().name() + " cannot move an axis at a rate");
            }
            if (!(Math.abs(degreesPerSecond) <= capabilities.maxAxisRateDegreesPerSecond())) {
                throw new IllegalArgumentException("Axis rate " + degreesPerSecond + " °/s is beyond the mount's "
                        + capabilities.maxAxisRateDegreesPerSecond() + " °/s");
            }
            // ASCOM TelescopeAxes: 0 primary (right ascension), 1 secondary (declination); senses as in the class comment.
            boolean throughThePole = axis == MountAxis.DECLINATION && capabilities.isGermanEquatorial() && pierSide() == PierSide.WEST;
            double ascomRate = throughThePole ? -degreesPerSecond : degreesPerSecond;
            alpaca().put("moveaxis", "Axis", axis == MountAxis.RIGHT_ASCENSION ? "0" : "1", "Rate", AlpacaClient.number("Axis rate", ascomRate));
            axisMoving[axis == MountAxis.RIGHT_ASCENSION ? 0 : 1] = degreesPerSecond != 0;
            refresh();
            return null;
        });
    }

    /** ASCOM DriveRates for a tracking rate. */
    private static int driveRate(TrackingRate rate) {
        return switch (rate) {
            case SIDEREAL -> 0;
            case LUNAR -> 1;
            case SOLAR -> 2;
            case KING -> 3;
        };
    }

    /** ASCOM GuideDirections for a guide direction. */
    private static int guideDirection(GuideDirection direction) {
        return switch (direction) {
            case NORTH -> 0;
            case SOUTH -> 1;
            case EAST -> 2;
            case WEST -> 3;
        };
    }

    /**
     * Cancels the slews and parks queued or running (their futures end cancelled at once, and a running one sends
     * {@code abortslew} as it stops), then sends {@code abortslew} itself, which also ends axis moves.
     */
    @Override
    public CompletableFuture<Void> abort() {
        motions.forEach(motion -> motion.cancel(true));
        return alpacaCommand("abort", () -> {
            if (!(capabilities.canPark() && alpaca().getBoolean("atpark"))) {
                alpaca().put("abortslew"); // a parked mount refuses it, and has nothing to stop
            }
            axisMoving[0] = false;
            axisMoving[1] = false;
            refresh();
            return null;
        });
    }
}
