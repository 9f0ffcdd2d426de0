package org.nocturne.device.lx200;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.nocturne.core.sky.ApparentFrame;
import org.nocturne.core.sky.AstroTime;
import org.nocturne.core.sky.Equatorial;
import org.nocturne.core.sky.ObservedPlace;
import org.nocturne.core.sky.TopocentricSky;
import org.nocturne.device.api.ConnectionState;
import org.nocturne.device.api.DeviceContext;
import org.nocturne.device.api.DeviceException;
import org.nocturne.device.api.DeviceInfo;
import org.nocturne.device.api.DeviceKind;
import org.nocturne.device.api.mount.GuideDirection;
import org.nocturne.device.api.mount.Mount;
import org.nocturne.device.api.mount.MountActivity;
import org.nocturne.device.api.mount.MountAxis;
import org.nocturne.device.api.mount.MountCapabilities;
import org.nocturne.device.api.mount.MountCapabilities.EquatorialSystem;
import org.nocturne.device.api.mount.MountState;
import org.nocturne.device.api.mount.TrackingRate;
import org.nocturne.device.api.support.AbstractDevice;
import org.nocturne.image.PierSide;

/**
 * A mount driven with the LX200 command set over a serial line or TCP. The mount works in JNow; positions are
 * converted from and to ICRS with {@link ApparentFrame} at the computer's clock. Positions are as fine as the
 * protocol: 1 s of RA and 1″ of declination in Meade's high precision, 0.01 s and 0.1″ in 10Micron's ultra precision
 * (see {@link Lx200Precision}).
 *
 * <p>Whether a slew or park has ended: classic LX200 has no status query, so the driver asks :D# (the hand
 * controller's distance bars; any character before the '#' means moving) and also waits until the reported position
 * stops changing, and has reached the target or had three seconds to start moving. Mounts that do not answer :D#
 * are judged on the position alone.
 *
 * <p>Every command runs on the device thread (see {@link AbstractDevice}); a position poll every second
 * ({@link AbstractDevice#startPolling}) keeps the state current. A mount that goes silent or answers nonsense faults
 * the device and closes the link.
 */
final class Lx200Mount extends AbstractDevice<MountState> implements Mount {

    private static final Duration POLL_PERIOD = Duration.ofSeconds(1);
    private static final long MOTION_POLL_MILLIS = 200;
    private static final long START_GRACE_MILLIS = 3000;
    private static final long MOTION_LIMIT_MINUTES = 10;
    private static final double ARRIVED_ARCSEC = 60;
    /** The longest pulse :Mg takes: four digits of milliseconds. */
    private static final long LONGEST_PULSE_MILLIS = 9999;
    /** How long the second line after :SC# may take: Meade recomputes its planetary data first. */
    private static final int PLANETARY_UPDATE_MILLIS = 15_000;

    private final Lx200Settings settings;
    private final TopocentricSky sky;
    private final Clock clock;
    private final Set<MountAxis> movingAxes = EnumSet.noneOf(MountAxis.class);
    /** The slews and parks queued or running, so that abort() can end them all at once. */
    private final Set<CompletableFuture<Void>> motions = ConcurrentHashMap.newKeySet();
    private volatile MountCapabilities capabilities;

    // Device thread only.
    private Lx200Connection connection;
    private Lx200Precision precision = Lx200Precision.HIGH;
    private Lx200Dialect dialect = Lx200Dialect.CLASSIC;
    private boolean distanceBars = true;
    private MountActivity activityBeforeMoving = MountActivity.TRACKING;
    /** The one manual-motion speed of both axes, while any moves. */
    private Lx200MoveRate moveSpeed;
    private String product = "";
    private String firmware = "";

    Lx200Mount(Lx200Settings settings, DeviceContext context) {
        this(settings, context, Clock.systemDefaultZone());
    }

    /** With the clock whose time and time zone the mount is set to (when its settings say so). */
    Lx200Mount(Lx200Settings settings, DeviceContext context, Clock clock) {
        super(new DeviceInfo(Lx200Provider.ID, settings.name(),
                "LX200 on " + (settings.tcp() ? settings.host() + ":" + settings.tcpPort() : settings.serialPort())),
                DeviceKind.MOUNT, MountState.disconnected());
        this.settings = settings;
        this.sky = new TopocentricSky(context.site());
        this.clock = clock;
        this.capabilities = capabilitiesOf(Lx200Dialect.CLASSIC, Lx200Precision.HIGH);
    }

    private MountCapabilities capabilitiesOf(Lx200Dialect of, Lx200Precision coordinates) {
        boolean tenMicron = of == Lx200Dialect.TEN_MICRON;
        return new MountCapabilities(EquatorialSystem.JNOW, tenMicron, true, settings.pulseGuide(), true,
                Set.of(TrackingRate.SIDEREAL, TrackingRate.LUNAR, TrackingRate.SOLAR), settings.guideRateSidereal(),
                Lx200MoveRate.SLEW.degreesPerSecond(settings.guideRateSidereal()), tenMicron,
                2 * coordinates.raRoundingSeconds(), 2 * coordinates.decRoundingArcsec());
    }

    /** What the mount can do; known fully once connected (it depends on the mount's :GVP# product name). */
    @Override
    public MountCapabilities capabilities() {
        return capabilities;
    }

    /** The mount's product name and firmware, from :GVP# and :GVN#; empty before connecting or when it has none. */
    String productAndFirmware() {
        return (product + " " + firmware).trim();
    }

    Lx200Precision precision() {
        return precision;
    }

    @Override
    protected void openConnection() throws Exception {
        Lx200Link link;
        try {
            link = settings.openLink();
        } catch (Lx200Exception e) {
            throw new DeviceException(info().name() + ": " + e.getMessage(), e);
        }
        connection = new Lx200Connection(link, settings.timeoutMillis());
        try {
            stopIfCancelled();
            identify();
            stopIfCancelled();
            if (settings.sendSiteAndTime()) {
                sendSiteAndTime();
                stopIfCancelled();
            }
            readActivity();
            refreshPosition();
        } catch (IOException | RuntimeException e) {
            closeLink();
            throw e instanceof DeviceException device ? device : new DeviceException(info().name() + ": " + e.getMessage(), e);
        }
        startPolling(POLL_PERIOD, "read the position", linked("read the position", () -> {
            refreshPosition();
            return null;
        }));
    }

    /**
     * Ends a connect cancelled between two handshake steps (a read on the link does not see the interruption), so the
     * mount is sent nothing more; AbstractDevice then closes the link.
     */
    private static void stopIfCancelled() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("connect cancelled");
        }
    }

    /** Reads the position format and the product, and switches to the finest precision the mount offers. */
    private void identify() throws IOException {
        precision = precisionOf(connection.askText(":GR#"));
        product = optionalText(":GVP#");
        firmware = optionalText(":GVN#");
        dialect = Lx200Dialect.of(product);
        distanceBars = true;
        if (dialect == Lx200Dialect.TEN_MICRON && precision != Lx200Precision.ULTRA) {
            connection.send(":U2#");
            requirePrecision(Lx200Precision.ULTRA, ":U2#");
        } else if (dialect == Lx200Dialect.CLASSIC && precision == Lx200Precision.LOW) {
            connection.send(":U#");
            requirePrecision(Lx200Precision.HIGH, ":U#");
        }
        capabilities = capabilitiesOf(dialect, precision);
    }

    private void requirePrecision(Lx200Precision wanted, String toggle) throws IOException {
        String answer = connection.askText(":GR#");
        precision = precisionOf(answer);
        if (precision != wanted) {
            throw new DeviceException(info().name() + ": the mount on " + connection.port() + " stays in " + name(precision) + " precision after "
                    + toggle + " (:GR# answered \"" + Lx200Connection.escape(answer) + "\")");
        }
    }

    private static String name(Enum<?> of) {
        return of.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private Lx200Precision precisionOf(String raAnswer) throws Lx200Exception {
        try {
            return Lx200Coordinates.precisionOf(raAnswer);
        } catch (IllegalArgumentException e) {
            throw connection.garbled(":GR#", raAnswer, "expected HH:MM.T or HH:MM:SS");
        }
    }

    /**
     * Text answered by a command some mounts do not know (:GVP#); empty when none comes, or when the mount answers
     * with something that never ends in '#' (some answer unknown commands with a bare '0').
     */
    private String optionalText(String command) throws IOException {
        connection.send(command);
        try {
            return connection.readTextIfAny(command, connection.timeoutMillis()).orElse("").trim();
        } catch (Lx200Exception e) {
            if (e.isIncomplete()) {
                return "";
            }
            throw e;
        }
    }

    /**
     * Sets latitude, longitude, UTC offset, local time and date, in that order (Meade sets the date last). The local
     * time sent is UTC read just before :SL plus the offset as :SG carried it (tenths of an hour), so the mount's UTC
     * is right to the second even where the zone's offset is not a multiple of six minutes (UTC+5:45).
     */
    private void sendSiteAndTime() throws IOException, InterruptedException {
        expectAccepted(Lx200SiteCommands.latitude(sky.site().latitudeDegrees()), "the site's latitude");
        expectAccepted(Lx200SiteCommands.longitude(sky.site().longitudeDegrees()), "the site's longitude");
        ZoneOffset offset = Lx200SiteCommands.carriedOffset(clock.getZone().getRules().getOffset(clock.instant()));
        expectAccepted(Lx200SiteCommands.utcOffset(offset), "the UTC offset");
        stopIfCancelled();
        LocalDateTime local = Lx200SiteCommands.mountLocalTime(clock.instant(), offset);
        expectAccepted(Lx200SiteCommands.localTime(local.toLocalTime()), "the local time");
        String date = Lx200SiteCommands.localDate(local.toLocalDate());
        expectAccepted(date, "the date");
        // Meade follows the '1' with "Updating Planetary Data#" and, once done, a line of blanks ending in '#';
        // other mounts send nothing more.
        if (connection.readTextIfAny(date, connection.timeoutMillis()).isPresent()) {
            connection.readTextIfAny(date, Math.max(connection.timeoutMillis(), PLANETARY_UPDATE_MILLIS));
        }
    }

    private void expectAccepted(String command, String what) throws IOException {
        char answer = connection.askChar(command);
        if (answer == '0') {
            throw new DeviceException(info().name() + ": the mount refused " + what + " (" + command + " answered 0)");
        }
        if (answer != '1') {
            throw connection.garbled(command, String.valueOf(answer), "expected 1 or 0");
        }
    }

    /** The activity at connection: 10Micron says (:Gstat#); a classic LX200 tracks from power-on. */
    private void readActivity() throws IOException {
        MountActivity activity = MountActivity.TRACKING;
        TrackingRate rate = state().trackingRate() != null ? state().trackingRate() : TrackingRate.SIDEREAL;
        if (dialect == Lx200Dialect.TEN_MICRON) {
            activity = switch (tenMicronStatus()) {
                case 0, 9, 10 -> MountActivity.TRACKING;
                case 2 -> MountActivity.PARKING;
                case 5 -> MountActivity.PARKED;
                case 3, 4, 6 -> MountActivity.SLEWING;
                default -> MountActivity.STOPPED;
            };
        }
        MountActivity now = activity;
        TrackingRate tracking = activity == MountActivity.TRACKING ? rate : null;
        update(s -> new MountState(s.connection(), s.message(), s.position(), s.altitudeDegrees(), s.azimuthDegrees(), s.hourAngleHours(),
                s.pierSide(), now, tracking));
    }

    private int tenMicronStatus() throws IOException {
        String answer = connection.askText(":Gstat#");
        try {
            return Integer.parseInt(answer.trim());
        } catch (NumberFormatException e) {
            throw connection.garbled(":Gstat#", answer, "expected a status number");
        }
    }

    @Override
    protected void closeConnection() {
        if (connection != null && (!movingAxes.isEmpty() || state().activity() == MountActivity.SLEWING)) {
            try {
                connection.send(":Q#");
            } catch (IOException e) {
                // The link is going anyway; the mount stops at its limits.
            }
        }
        movingAxes.clear();
        moveSpeed = null;
        closeLink();
    }

    private void closeLink() {
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }

    @Override
    protected MountState withConnection(MountState s, ConnectionState connection, String message) {
        return new MountState(connection, message, s.position(), s.altitudeDegrees(), s.azimuthDegrees(), s.hourAngleHours(), s.pierSide(),
                s.activity(), s.trackingRate());
    }

    /** Runs a command; a link that fails (silence, nonsense, a broken pipe) faults the device and is closed. */
    private <T> CompletableFuture<T> mountCommand(String name, Work<T> work) {
        return command(name, linked(name, work));
    }

    /** The work with the link checked first, and a link failure faulting the device and closing the link. */
    private <T> Work<T> linked(String name, Work<T> work) {
        return () -> {
            if (connection == null) {
                throw new DeviceException(info().name() + " has lost its link: cannot " + name);
            }
            try {
                return work.call();
            } catch (IOException e) {
                closeLink();
                String message = info().name() + ": " + e.getMessage();
                fault(message);
                throw new DeviceException(message, e);
            }
        };
    }

    /** Keeps a slew or park where {@link #abort()} finds it until it ends. */
    private CompletableFuture<Void> motion(CompletableFuture<Void> motion) {
        motions.add(motion);
        motion.whenComplete((v, e) -> motions.remove(motion));
        return motion;
    }

    @Override
    public CompletableFuture<Void> slew(Equatorial icrs) {
        return motion(mountCommand("slew", () -> {
            refuseWhenParked("slew");
            Equatorial target = ApparentFrame.fromIcrs(icrs, AstroTime.of(Instant.now()));
            setTarget(target);
            char answer = connection.askChar(":MS#");
            if (answer == '1' || answer == '2') {
                String why = connection.readText(":MS#", connection.timeoutMillis()).trim();
                throw new DeviceException(info().name() + " refused the slew: "
                        + (answer == '1' ? "the target is below the horizon" : "the target is beyond the mount's limits")
                        + (why.isEmpty() ? "" : " (\"" + Lx200Connection.escape(why) + "\")"));
            }
            if (answer != '0') {
                throw connection.garbled(":MS#", String.valueOf(answer), "expected 0, 1 or 2");
            }
            TrackingRate rate = state().trackingRate() != null ? state().trackingRate() : TrackingRate.SIDEREAL;
            setActivity(MountActivity.SLEWING, rate);
            try {
                awaitMotionEnd(target, "slew");
            } catch (InterruptedException e) {
                stopAfterInterruption();
                throw e;
            }
            movingAxes.clear();
            moveSpeed = null;
            setActivity(MountActivity.TRACKING, rate);
            return null;
        }));
    }

    @Override
    public CompletableFuture<Void> sync(Equatorial icrs) {
        return mountCommand("sync", () -> {
            refuseWhenParked("sync");
            setTarget(ApparentFrame.fromIcrs(icrs, AstroTime.of(Instant.now())));
            connection.askText(":CM#");
            refreshPosition();
            return null;
        });
    }

    private void setTarget(Equatorial jnow) throws IOException {
        expectAccepted(":Sr" + Lx200Coordinates.formatRa(jnow.raHours(), precision) + "#", "the target's right ascension");
        expectAccepted(":Sd" + Lx200Coordinates.formatDec(jnow.decDegrees(), precision) + "#", "the target's declination");
    }

    @Override
    public CompletableFuture<Void> park() {
        return motion(mountCommand("park", () -> {
            if (state().activity() == MountActivity.PARKED) {
                return null;
            }
            connection.send(":hP#");
            setActivity(MountActivity.PARKING, null);
            try {
                if (dialect == Lx200Dialect.TEN_MICRON) {
                    awaitTenMicronParked();
                } else {
                    awaitMotionEnd(null, "park");
                }
            } catch (InterruptedException e) {
                stopAfterInterruption();
                throw e;
            }
            movingAxes.clear();
            moveSpeed = null;
            setActivity(MountActivity.PARKED, null);
            return null;
        }));
    }

    private void awaitTenMicronParked() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(MOTION_LIMIT_MINUTES);
        while (tenMicronStatus() != 5) {
            if (System.nanoTime() > deadline) {
                throw new DeviceException(info().name() + " did not report parked within " + MOTION_LIMIT_MINUTES + " minutes");
            }
            Thread.sleep(MOTION_POLL_MILLIS);
            refreshPosition();
        }
        refreshPosition();
    }

    /**
     * Unparks a 10Micron (:PO#). The classic LX200 protocol has no unpark command: a classic mount that is parked
     * is refused with a message saying so (it unparks by being switched off and on); one that is not parked is left
     * as it is.
     */
    @Override
    public CompletableFuture<Void> unpark() {
        return mountCommand("unpark", () -> {
            if (dialect == Lx200Dialect.TEN_MICRON) {
                connection.send(":PO#");
                readActivity();
                return null;
            }
            if (state().activity() == MountActivity.PARKED) {
                throw new DeviceException(info().name() + " cannot unpark: the LX200 protocol has no unpark command; switch the mount off and on");
            }
            return null;
        });
    }

    /**
     * Sets the tracking rate (:TQ# sidereal, :TL# lunar, :TS# solar). Stopping tracking (null) works on a 10Micron
     * (:AL#, and :AP# starts it again); a classic LX200 has no command for it and is refused.
     */
    @Override
    public CompletableFuture<Void> setTracking(TrackingRate rate) {
        return mountCommand("set tracking", () -> {
            if (rate == TrackingRate.KING) {
                throw new IllegalArgumentException("Tracking rate KING is not in the LX200 command set");
            }
            refuseWhenParked("set tracking");
            if (rate == null) {
                if (dialect != Lx200Dialect.TEN_MICRON) {
                    throw new DeviceException(info().name() + " cannot stop tracking: the LX200 command set has no command for it");
                }
                connection.send(":AL#");
                setActivity(state().activity() == MountActivity.MOVING ? MountActivity.MOVING : MountActivity.STOPPED, null);
                activityBeforeMoving = MountActivity.STOPPED;
                return null;
            }
            if (dialect == Lx200Dialect.TEN_MICRON) {
                connection.send(":AP#");
            }
            connection.send(switch (rate) {
                case LUNAR -> ":TL#";
                case SOLAR -> ":TS#";
                default -> ":TQ#";
            });
            activityBeforeMoving = MountActivity.TRACKING;
            setActivity(state().activity() == MountActivity.MOVING ? MountActivity.MOVING : MountActivity.TRACKING, rate);
            return null;
        });
    }

    /** Sends :Mg[nsew]DDDD# (milliseconds, at most 9999) and completes when the pulse's time is up. */
    @Override
    public CompletableFuture<Void> pulseGuide(GuideDirection direction, Duration duration) {
        return mountCommand("pulse guide", () -> {
            if (!settings.pulseGuide()) {
                throw new DeviceException(info().name() + " cannot pulse guide: pulse guiding is off in its settings");
            }
            long millis = duration.toMillis();
            if (millis < 0 || millis > LONGEST_PULSE_MILLIS) {
                throw new IllegalArgumentException("Guide pulse of " + millis + " ms is outside LX200's 0 to " + LONGEST_PULSE_MILLIS + " ms");
            }
            refuseWhenParked("pulse guide");
            char letter = letterOf(direction);
            connection.send(String.format(Locale.ROOT, ":Mg%c%04d#", letter, millis));
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.interrupted();
                connection.send(":Q" + letter + "#");
                throw e;
            }
            refreshPosition();
            return null;
        });
    }

    private static char letterOf(GuideDirection direction) {
        return switch (direction) {
            case NORTH -> 'n';
            case SOUTH -> 's';
            case EAST -> 'e';
            case WEST -> 'w';
        };
    }

    /**
     * Moves an axis at the LX200 speed nearest the rate (see {@link Lx200MoveRate}): positive right ascension moves
     * west (:Mw#, the hand controller's W: right ascension falls), positive declination north (:Mn#); 0 stops that axis
     * (:Qe#:Qw# or :Qn#:Qs#). LX200 has one manual speed for both axes, so while one axis moves the other may only
     * move at the same speed.
     *
     * @throws IllegalArgumentException (through the future) when the rate is beyond
     *             {@link MountCapabilities#maxAxisRateDegreesPerSecond()}, or needs another speed than the one the
     *             other axis is moving at
     */
    @Override
    public CompletableFuture<Void> moveAxis(MountAxis axis, double degreesPerSecond) {
        return mountCommand("move an axis", () -> {
            double max = capabilities.maxAxisRateDegreesPerSecond();
            if (!Double.isFinite(degreesPerSecond) || Math.abs(degreesPerSecond) > max) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "Axis rate %.4g°/s is beyond this mount's fastest, %.4g°/s",
                        degreesPerSecond, max));
            }
            refuseWhenParked("move an axis");
            char positive = axis == MountAxis.RIGHT_ASCENSION ? 'w' : 'n';
            char negative = axis == MountAxis.RIGHT_ASCENSION ? 'e' : 's';
            if (degreesPerSecond == 0) {
                connection.send(":Q" + positive + "#");
                connection.send(":Q" + negative + "#");
                movingAxes.remove(axis);
                if (movingAxes.isEmpty()) {
                    moveSpeed = null;
                    if (state().activity() == MountActivity.MOVING) {
                        setActivity(activityBeforeMoving, state().trackingRate());
                    }
                }
                refreshPosition();
                return null;
            }
            Lx200MoveRate speed = Lx200MoveRate.nearest(Math.abs(degreesPerSecond), settings.guideRateSidereal());
            boolean otherAxisMoving = movingAxes.stream().anyMatch(moving -> moving != axis);
            if (otherAxisMoving && speed != moveSpeed) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "%s cannot move the %s at %.4g°/s (%s speed) while the other axis moves at %s speed: LX200 has one speed for both axes",
                        info().name(), name(axis), degreesPerSecond, name(speed), name(moveSpeed)));
            }
            connection.send(speed.command());
            moveSpeed = speed;
            connection.send(":M" + (degreesPerSecond > 0 ? positive : negative) + "#");
            if (state().activity() != MountActivity.MOVING) {
                activityBeforeMoving = state().activity();
            }
            movingAxes.add(axis);
            setActivity(MountActivity.MOVING, state().trackingRate());
            return null;
        });
    }

    /** Cancels every slew and park queued or running (a running one sends :Q# as it ends), then sends :Q#. */
    @Override
    public CompletableFuture<Void> abort() {
        motions.forEach(motion -> motion.cancel(true));
        return mountCommand("abort", () -> {
            connection.send(":Q#");
            movingAxes.clear();
            moveSpeed = null;
            TrackingRate rate = state().trackingRate();
            if (state().activity() != MountActivity.PARKED) {
                setActivity(rate != null ? MountActivity.TRACKING : MountActivity.STOPPED, rate);
            }
            refreshPosition();
            return null;
        });
    }

    /** Stops the mount after a cancelled slew or park; the interruption is cleared so the stop can be sent. */
    private void stopAfterInterruption() throws IOException {
        Thread.interrupted();
        connection.send(":Q#");
        movingAxes.clear();
        moveSpeed = null;
        refreshPosition();
        TrackingRate rate = state().trackingRate() != null ? state().trackingRate() : TrackingRate.SIDEREAL;
        setActivity(MountActivity.TRACKING, rate);
    }

    /**
     * Waits until a slew or park has ended: no distance bars (:D#), the position unchanged since the last look, and
     * either at the target or given time to start.
     *
     * @param target the JNow target, or null for a park
     */
    private void awaitMotionEnd(Equatorial target, String what) throws IOException, InterruptedException {
        long start = System.nanoTime();
        double settledArcsec = 2 * (precision.raRoundingSeconds() * 15 + precision.decRoundingArcsec()) + 1;
        Equatorial previous = null;
        while (true) {
            Thread.sleep(MOTION_POLL_MILLIS);
            boolean moving = distanceBarsShowing();
            Equatorial now = refreshPosition();
            long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
            boolean settled = previous != null && arcsec(previous, now) < settledArcsec;
            boolean arrived = target != null && arcsec(now, target) < ARRIVED_ARCSEC;
            if (!moving && settled && (arrived || elapsedMillis > START_GRACE_MILLIS)) {
                return;
            }
            if (elapsedMillis > TimeUnit.MINUTES.toMillis(MOTION_LIMIT_MINUTES)) {
                connection.send(":Q#");
                throw new DeviceException(info().name() + " did not finish the " + what + " within " + MOTION_LIMIT_MINUTES + " minutes; stopped it");
            }
            previous = now;
        }
    }

    /** True while :D# answers bars; a mount that does not answer :D# at all is not asked again. */
    private boolean distanceBarsShowing() throws IOException {
        if (!distanceBars) {
            return false;
        }
        connection.send(":D#");
        var bars = connection.readTextIfAny(":D#", connection.timeoutMillis());
        if (bars.isEmpty()) {
            distanceBars = false;
            return false;
        }
        return !bars.get().isBlank();
    }

    private static double arcsec(Equatorial a, Equatorial b) {
        return a.separationDegrees(b) * 3600;
    }

    /** Reads the position (and side of pier on a 10Micron), publishes it, and returns the JNow place. */
    private Equatorial refreshPosition() throws IOException {
        String raText = connection.askText(":GR#");
        String decText = connection.askText(":GD#");
        double raHours;
        double decDegrees;
        try {
            raHours = Lx200Coordinates.parseRa(raText);
        } catch (IllegalArgumentException e) {
            throw connection.garbled(":GR#", raText, "expected HH:MM.T or HH:MM:SS");
        }
        try {
            decDegrees = Lx200Coordinates.parseDec(decText);
        } catch (IllegalArgumentException e) {
            throw connection.garbled(":GD#", decText, "expected sDD*MM or sDD*MM:SS");
        }
        PierSide pierSide = dialect == Lx200Dialect.TEN_MICRON ? tenMicronPierSide() : null;
        Equatorial jnow = Equatorial.ofHoursDegrees(raHours, decDegrees);
        AstroTime time = AstroTime.of(Instant.now());
        Equatorial icrs = ApparentFrame.toIcrs(jnow, time);
        ObservedPlace observed = sky.observe(icrs, time);
        update(s -> new MountState(s.connection(), s.message(), icrs, observed.altitudeDegrees(), observed.azimuthDegrees(),
                observed.hourAngleHours(), pierSide, s.activity(), s.trackingRate()));
        return jnow;
    }

    private PierSide tenMicronPierSide() throws IOException {
        String answer = connection.askText(":pS#").trim();
        return switch (answer) {
            case "East" -> PierSide.EAST;
            case "West" -> PierSide.WEST;
            default -> throw connection.garbled(":pS#", answer, "expected East or West");
        };
    }

    private void setActivity(MountActivity activity, TrackingRate rate) {
        update(s -> new MountState(s.connection(), s.message(), s.position(), s.altitudeDegrees(), s.azimuthDegrees(), s.hourAngleHours(),
                s.pierSide(), activity, rate));
    }

    private void refuseWhenParked(String what) {
        if (state().activity() == MountActivity.PARKED) {
            throw new DeviceException(info().name() + " is parked: unpark it before you " + what);
        }
    }
}
