package org.nocturne.device.indi;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.nocturne.core.sky.ApparentFrame;
import org.nocturne.core.sky.AstroTime;
import org.nocturne.core.sky.Equatorial;
import org.nocturne.core.sky.ObservedPlace;
import org.nocturne.core.sky.ObserverSite;
import org.nocturne.core.sky.TopocentricSky;
import org.nocturne.device.api.ConnectionState;
import org.nocturne.device.api.DeviceContext;
import org.nocturne.device.api.DeviceException;
import org.nocturne.device.api.DeviceKind;
import org.nocturne.device.api.mount.GuideDirection;
import org.nocturne.device.api.mount.Mount;
import org.nocturne.device.api.mount.MountActivity;
import org.nocturne.device.api.mount.MountAxis;
import org.nocturne.device.api.mount.MountCapabilities;
import org.nocturne.device.api.mount.MountState;
import org.nocturne.device.api.mount.TrackingRate;
import org.nocturne.device.indi.protocol.IndiElement;
import org.nocturne.device.indi.protocol.IndiProperty;
import org.nocturne.device.indi.protocol.PropertyState;
import org.nocturne.image.PierSide;

/**
 * An INDI telescope mount. Positions cross the wire in JNow (EQUATORIAL_EOD_COORD, RA in hours, Dec in degrees) and
 * are converted to and from ICRS with {@link ApparentFrame}. ON_COORD_SET chooses TRACK (a goto that tracks after) or
 * SYNC; TELESCOPE_ABORT_MOTION stops; TELESCOPE_PARK parks; TELESCOPE_TIMED_GUIDE_NS/WE give guide pulses at
 * GUIDE_RATE; TELESCOPE_MOTION_NS/WE with TELESCOPE_SLEW_RATE move an axis. Altitude, azimuth and hour angle are
 * computed for the mount's own site (GEOGRAPHIC_COORD), which it is sent on connect unless the setting says not to.
 *
 * <p>The activity follows the INDI convention for EQUATORIAL_EOD_COORD's state: Busy while slewing or parking, Ok
 * while tracking, Idle when stopped or parked.
 */
final class IndiMount extends IndiDevice<MountState> implements Mount {

    /** The longest a slew or park may take. */
    private static final Duration SLEW_TIMEOUT = Duration.ofMinutes(5);
    /** Gotos tried at most to land within an arc-second of the target. */
    private static final int GOTO_ATTEMPTS = 4;
    /** How close a position counts as the target's for a mount that reports in coarse steps (LX200: 15″·cos δ). */
    private static final double COARSE_DEGREES = 30.0 / 3600;
    /** How close a goto aims to land. */
    private static final double FINE_DEGREES = 1.0 / 3600;
    /** Sidereal rate in degrees per second. */
    private static final double SIDEREAL_DEGREES_PER_SECOND = 15.041 / 3600;

    private final DeviceContext context;
    private volatile MountCapabilities capabilities;
    /** The slews, parks and unparks running or queued, which {@link #abort()} cancels all. */
    private final Set<CompletableFuture<Void>> motions = ConcurrentHashMap.newKeySet();
    private TopocentricSky sky;

    IndiMount(IndiSettings settings, DeviceContext context) {
        super(DeviceKind.MOUNT, settings, MountState.disconnected());
        this.context = context;
    }

    @Override
    public MountCapabilities capabilities() {
        MountCapabilities known = capabilities;
        if (known == null) {
            throw new IllegalStateException(device + " is not connected: its capabilities are unknown");
        }
        return known;
    }

    @Override
    protected boolean ready() {
        return property("EQUATORIAL_EOD_COORD") != null;
    }

    @Override
    protected void prepare() throws Exception {
        IndiProperty geographic = property("GEOGRAPHIC_COORD");
        if (settings.sendSite() && context != null && geographic != null && geographic.writable()) {
            ObserverSite site = context.site();
            Map<String, Double> values = new LinkedHashMap<>();
            values.put("LAT", site.latitudeDegrees());
            values.put("LONG", site.longitudeDegrees() < 0 ? site.longitudeDegrees() + 360 : site.longitudeDegrees());
            values.put("ELEV", site.elevationMeters());
            changeNumbers("GEOGRAPHIC_COORD", values);
        }
        IndiProperty coordSet = property("ON_COORD_SET");
        IndiProperty trackMode = property("TELESCOPE_TRACK_MODE");
        Set<TrackingRate> rates = EnumSet.noneOf(TrackingRate.class);
        if (trackMode == null) {
            rates.add(TrackingRate.SIDEREAL);
        } else {
            for (TrackingRate rate : TrackingRate.values()) {
                if (trackMode.element("TRACK_" + rate.name()) != null) {
                    rates.add(rate);
                }
            }
        }
        IndiProperty guideRate = property("GUIDE_RATE");
        double guide = guideRate == null ? 0.5 : guideRate.number("GUIDE_RATE_NS");
        capabilities = new MountCapabilities(MountCapabilities.EquatorialSystem.JNOW, property("TELESCOPE_PARK") != null,
                coordSet != null && coordSet.element("SYNC") != null, property("TELESCOPE_TIMED_GUIDE_NS") != null,
                property("TELESCOPE_MOTION_NS") != null && property("TELESCOPE_MOTION_WE") != null, rates,
                Double.isFinite(guide) ? guide : 0.5, maxAxisRate(), property("TELESCOPE_PIER_SIDE") != null);
    }

    @Override
    public CompletableFuture<Void> slew(Equatorial icrs) {
        return motion("slew", () -> {
            if (parked()) {
                throw new DeviceException(device + " is parked: unpark it before slewing");
            }
            goTo(icrs);
            if (property("TELESCOPE_TRACK_STATE") != null) {
                waitFor("tracking to start after the slew", settings.timeout(),
                        () -> property("TELESCOPE_TRACK_STATE").isOn("TRACK_ON") ? Boolean.TRUE : null);
            }
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> sync(Equatorial icrs) {
        return command("sync", () -> {
            if (!capabilities().canSync()) {
                throw new DeviceException(device + " cannot sync");
            }
            syncTo(icrs);
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> park() {
        return motion("park", () -> {
            parkSwitch("PARK");
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> unpark() {
        return motion("unpark", () -> {
            parkSwitch("UNPARK");
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> setTracking(TrackingRate rate) {
        return command("set tracking", () -> {
            if (rate == null) {
                changeMode("TELESCOPE_TRACK_STATE", "TRACK_OFF");
                return null;
            }
            if (!capabilities().trackingRates().contains(rate)) {
                throw new IllegalArgumentException("Tracking rate " + rate + " is not one of " + capabilities().trackingRates());
            }
            if (property("TELESCOPE_TRACK_MODE") != null) {
                changeSwitch("TELESCOPE_TRACK_MODE", "TRACK_" + rate.name());
            }
            changeMode("TELESCOPE_TRACK_STATE", "TRACK_ON");
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> pulseGuide(GuideDirection direction, Duration duration) {
        return command("guide pulse", () -> {
            if (!capabilities().canPulseGuide()) {
                throw new DeviceException(device + " takes no guide pulses");
            }
            if (duration.isNegative() || duration.toMillis() > 60_000) {
                throw new IllegalArgumentException("Pulse " + duration.toMillis() + " ms is outside 0 to 60000 ms");
            }
            boolean northSouth = direction == GuideDirection.NORTH || direction == GuideDirection.SOUTH;
            String name = northSouth ? "TELESCOPE_TIMED_GUIDE_NS" : "TELESCOPE_TIMED_GUIDE_WE";
            Map<String, Double> values = new LinkedHashMap<>();
            for (String element : require(name).elements().keySet()) {
                values.put(element, element.equals("TIMED_GUIDE_" + direction.name().charAt(0)) ? (double) duration.toMillis() : 0.0);
            }
            long started = System.nanoTime();
            long sent = sendNumbers(name, values);
            try {
                awaitCompletion(name, sent, duration.plus(settings.timeout()), p -> System.nanoTime() - started >= duration.toNanos());
            } catch (InterruptedException e) {
                // INDI has no way to end one pulse early but stopping all motion
                abortMotion();
                throw e;
            }
            // The driver reports its position at its polling period, and only when it changed: give it two periods to
            // report where the pulse left it.
            long ended = property("EQUATORIAL_EOD_COORD").updated();
            IndiProperty polling = property("POLLING_PERIOD");
            double period = polling == null || !(polling.number("PERIOD_MS") > 0) ? 1000 : Math.min(5000, polling.number("PERIOD_MS"));
            awaitOrPass(Duration.ofMillis((long) (2 * period) + 100), () -> property("EQUATORIAL_EOD_COORD").updated() > ended);
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> moveAxis(MountAxis axis, double degreesPerSecond) {
        return command("move axis", () -> {
            if (!capabilities().canMoveAxis()) {
                throw new DeviceException(device + " cannot move an axis at a rate");
            }
            double max = capabilities().maxAxisRateDegreesPerSecond();
            if (!(Math.abs(degreesPerSecond) <= max)) {
                throw new IllegalArgumentException("Axis rate " + degreesPerSecond + " °/s is beyond the mount's " + max + " °/s");
            }
            boolean ra = axis == MountAxis.RIGHT_ASCENSION;
            String name = ra ? "TELESCOPE_MOTION_WE" : "TELESCOPE_MOTION_NS";
            String positive = ra ? "MOTION_WEST" : "MOTION_NORTH";
            String negative = ra ? "MOTION_EAST" : "MOTION_SOUTH";
            if (degreesPerSecond != 0 && property("TELESCOPE_SLEW_RATE") != null) {
                changeSwitch("TELESCOPE_SLEW_RATE", slowestRateAtLeast(Math.abs(degreesPerSecond)));
            }
            Map<String, Boolean> values = new LinkedHashMap<>();
            values.put(positive, degreesPerSecond > 0);
            values.put(negative, degreesPerSecond < 0);
            awaitAccepted(name, sendSwitches(name, values), timeoutOf(require(name)));
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> abort() {
        // Cancelling interrupts the running slew's wait on the device thread, which stops the mount, and drops the queued
        // ones; the abort queued behind them then stops any axis motion too.
        for (CompletableFuture<Void> motion : motions) {
            motion.cancel(true);
        }
        return command("abort", () -> {
            stopMotion();
            return null;
        });
    }

    /** A command that moves the mount until it is done, remembered until then so that {@link #abort()} can cancel it. */
    private CompletableFuture<Void> motion(String name, Work<Void> work) {
        CompletableFuture<Void> started = command(name, work);
        motions.add(started);
        started.whenComplete((ignored, error) -> motions.remove(started));
        return started;
    }

    @Override
    protected MountState snapshot(ConnectionState connection, String message) {
        IndiProperty coords = property("EQUATORIAL_EOD_COORD");
        Equatorial position = null;
        double altitude = Double.NaN;
        double azimuth = Double.NaN;
        double hourAngle = Double.NaN;
        if (coords != null && Double.isFinite(coords.number("RA")) && Double.isFinite(coords.number("DEC"))) {
            AstroTime now = AstroTime.of(Instant.now());
            position = ApparentFrame.toIcrs(Equatorial.ofHoursDegrees(coords.number("RA"), Math.max(-90, Math.min(90, coords.number("DEC")))), now);
            TopocentricSky here = sky();
            if (here != null) {
                ObservedPlace place = here.observe(position, now);
                altitude = place.altitudeDegrees();
                azimuth = place.azimuthDegrees();
                hourAngle = place.hourAngleHours();
            }
        }
        IndiProperty pier = property("TELESCOPE_PIER_SIDE");
        PierSide side = pier == null ? null : pier.isOn("PIER_WEST") ? PierSide.WEST : pier.isOn("PIER_EAST") ? PierSide.EAST : null;
        MountActivity activity = activity(coords);
        TrackingRate rate = null;
        if (activity == MountActivity.TRACKING) {
            IndiProperty mode = property("TELESCOPE_TRACK_MODE");
            rate = TrackingRate.SIDEREAL;
            if (mode != null && mode.onSwitch() != null) {
                for (TrackingRate candidate : TrackingRate.values()) {
                    if (mode.onSwitch().equals("TRACK_" + candidate.name())) {
                        rate = candidate;
                    }
                }
            }
        }
        return new MountState(connection, message, position, altitude, azimuth, hourAngle, side, activity, rate);
    }

    /**
     * Sends a JNow position with ON_COORD_SET at TRACK and waits until the driver is done; cancelling stops. A goto
     * that ends more than an arc-second from the target is repeated while each repeat at least halves the error, up to
     * {@link #GOTO_ATTEMPTS} times in all: some mounts, INDI's Telescope Simulator among them, aim at the hour angle the
     * target had when the goto began and so land off by the slew's duration in right ascension (the repeat is a short
     * hop), while a mount reporting in coarse steps lands no closer and is not sent again and again.
     */
    private void goTo(Equatorial icrs) throws IOException, InterruptedException {
        changeSwitch("ON_COORD_SET", "TRACK");
        double previous = Double.POSITIVE_INFINITY;
        for (int attempt = 1;; attempt++) {
            Equatorial jnow = ApparentFrame.fromIcrs(icrs, AstroTime.of(Instant.now()));
            Map<String, Double> values = new LinkedHashMap<>();
            values.put("RA", jnow.raHours());
            values.put("DEC", jnow.decDegrees());
            long sent = sendNumbers("EQUATORIAL_EOD_COORD", values);
            IndiProperty done;
            try {
                done = awaitCompletion("EQUATORIAL_EOD_COORD", sent, SLEW_TIMEOUT, p -> distance(p, jnow) < FINE_DEGREES);
            } catch (InterruptedException e) {
                stopMotion();
                throw e;
            }
            double error = distance(done, ApparentFrame.fromIcrs(icrs, AstroTime.of(Instant.now())));
            if (error < FINE_DEGREES || attempt >= GOTO_ATTEMPTS || !(error < previous / 2)) {
                return;
            }
            previous = error;
        }
    }

    /**
     * Sends a JNow position with ON_COORD_SET at SYNC. Done when the driver reports a position near it, or, as INDI
     * publishes the position only when it moved or its state changed, when the answer timeout passes with no Alert:
     * a sync to where the mount already is may bring no update at all.
     *
     * @throws DeviceException when the driver reports Alert
     */
    private void syncTo(Equatorial icrs) throws IOException, InterruptedException {
        changeSwitch("ON_COORD_SET", "SYNC");
        Equatorial jnow = ApparentFrame.fromIcrs(icrs, AstroTime.of(Instant.now()));
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("RA", jnow.raHours());
        values.put("DEC", jnow.decDegrees());
        long sent = sendNumbers("EQUATORIAL_EOD_COORD", values);
        awaitOrPass(settings.timeout(), () -> {
            IndiProperty coords = property("EQUATORIAL_EOD_COORD");
            if (coords == null || coords.updated() <= sent) {
                return false;
            }
            if (coords.state() == PropertyState.ALERT) {
                throw alert("EQUATORIAL_EOD_COORD");
            }
            return coords.state() != PropertyState.BUSY && distance(coords, jnow) < COARSE_DEGREES;
        });
    }

    private void parkSwitch(String which) throws IOException, InterruptedException {
        IndiProperty park = require("TELESCOPE_PARK");
        if (park.isOn(which) && park.state() != PropertyState.BUSY) {
            return;
        }
        long sent = selectSwitch("TELESCOPE_PARK", which);
        try {
            awaitCompletion("TELESCOPE_PARK", sent, SLEW_TIMEOUT, p -> p.isOn(which));
        } catch (InterruptedException e) {
            stopMotion();
            throw e;
        }
    }

    private void stopMotion() throws IOException {
        for (String name : new String[] {"TELESCOPE_MOTION_NS", "TELESCOPE_MOTION_WE"}) {
            IndiProperty motion = property(name);
            if (motion != null && motion.onSwitch() != null) {
                Map<String, Boolean> off = new LinkedHashMap<>();
                motion.elements().keySet().forEach(element -> off.put(element, false));
                sendSwitches(name, off);
            }
        }
        abortMotion();
    }

    private void abortMotion() throws IOException {
        if (property("TELESCOPE_ABORT_MOTION") != null) {
            sendSwitches("TELESCOPE_ABORT_MOTION", Map.of("ABORT", true));
        }
    }

    private boolean parked() {
        IndiProperty park = property("TELESCOPE_PARK");
        return park != null && park.isOn("PARK");
    }

    private MountActivity activity(IndiProperty coords) {
        IndiProperty park = property("TELESCOPE_PARK");
        if (park != null && park.isOn("PARK")) {
            return park.state() == PropertyState.BUSY ? MountActivity.PARKING : MountActivity.PARKED;
        }
        if (coords != null && coords.state() == PropertyState.BUSY) {
            return MountActivity.SLEWING;
        }
        for (String name : new String[] {"TELESCOPE_MOTION_NS", "TELESCOPE_MOTION_WE"}) {
            IndiProperty motion = property(name);
            if (motion != null && motion.onSwitch() != null) {
                return MountActivity.MOVING;
            }
        }
        IndiProperty track = property("TELESCOPE_TRACK_STATE");
        boolean tracking = track != null ? track.isOn("TRACK_ON") : coords != null && coords.state() == PropertyState.OK;
        return tracking ? MountActivity.TRACKING : MountActivity.STOPPED;
    }

    /** The mount's site from GEOGRAPHIC_COORD (longitude east 0–360), else the profile's; null when neither. */
    private TopocentricSky sky() {
        IndiProperty geographic = property("GEOGRAPHIC_COORD");
        ObserverSite site = context == null ? null : context.site();
        if (geographic != null) {
            double longitude = geographic.number("LONG");
            longitude = longitude > 180 ? longitude - 360 : longitude;
            try {
                site = new ObserverSite(device, geographic.number("LAT"), longitude, Math.max(-500, Math.min(9000, geographic.number("ELEV"))));
            } catch (IllegalArgumentException e) {
                // a site the core cannot hold (NaN); keep the profile's
            }
        }
        if (site == null) {
            return null;
        }
        if (sky == null || !sky.site().equals(site)) {
            sky = new TopocentricSky(site);
        }
        return sky;
    }

    /** How far the position in {@code coords} is from {@code jnow}, in degrees on the sky (NaN when unknown). */
    private static double distance(IndiProperty coords, Equatorial jnow) {
        double ra = Math.IEEEremainder(coords.number("RA") - jnow.raHours(), 24) * 15 * Math.cos(jnow.decRadians());
        double dec = coords.number("DEC") - jnow.decDegrees();
        return Math.hypot(ra, dec);
    }

    /**
     * The speed of a TELESCOPE_SLEW_RATE switch in °/s. Drivers only name their rates: "2x"-style names are taken as
     * multiples of sidereal, the standard SLEW_GUIDE/CENTERING/FIND/MAX as 0.5×, 16×, 64× and 800× sidereal.
     */
    private static double rateOf(IndiElement element) {
        String name = element.name();
        double multiple;
        if (name.matches("\\d+(\\.\\d+)?x")) {
            multiple = Double.parseDouble(name.substring(0, name.length() - 1));
        } else {
            multiple = switch (name) {
                case "SLEW_GUIDE" -> 0.5;
                case "SLEW_CENTERING" -> 16;
                case "SLEW_FIND" -> 64;
                case "SLEW_MAX" -> 800;
                default -> 1;
            };
        }
        return multiple * SIDEREAL_DEGREES_PER_SECOND;
    }

    private double maxAxisRate() {
        IndiProperty rates = property("TELESCOPE_SLEW_RATE");
        if (rates == null) {
            return 800 * SIDEREAL_DEGREES_PER_SECOND;
        }
        return rates.elements().values().stream().mapToDouble(IndiMount::rateOf).max().orElse(SIDEREAL_DEGREES_PER_SECOND);
    }

    private String slowestRateAtLeast(double degreesPerSecond) {
        IndiElement best = null;
        for (IndiElement element : require("TELESCOPE_SLEW_RATE").elements().values()) {
            if (rateOf(element) >= degreesPerSecond - 1e-12 && (best == null || rateOf(element) < rateOf(best))) {
                best = element;
            }
        }
        return best.name();
    }
}
