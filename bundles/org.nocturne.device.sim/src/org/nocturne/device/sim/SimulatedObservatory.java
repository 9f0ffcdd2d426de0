package org.nocturne.device.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.nocturne.core.sky.AstroTime;
import org.nocturne.core.sky.Equatorial;
import org.nocturne.core.sky.ObserverSite;
import org.nocturne.core.sky.TopocentricSky;
import org.nocturne.device.api.DeviceContext;
import org.nocturne.device.api.DeviceKind;
import org.nocturne.device.sim.render.FocusModel;

/**
 * The simulated world that the simulated devices of one equipment profile share: a clock, a site and sky, and the
 * true state of every moving part (where the mount really points, where the focuser is, which filter is in, the
 * rotator angle, the flat panel, the clouds). Devices change it through their commands; tests read it through
 * {@link #truth()} and steer it with the fault and weather switches. Thread-safe: every method locks the
 * observatory.
 */
public final class SimulatedObservatory {

    private final DeviceContext context;
    private final SimClock clock;
    private final Instant epoch;
    private final TopocentricSky sky;

    private MountMechanics mount;
    /** The V-curve until a simulated focuser brings its own. */
    private FocusModel focus = new FocusModel(25_000, -12, 1.2, 0.1);
    private int focuserPosition = 25_000;
    private int filterFocusOffset;
    private String filterName = "";
    private double rotatorMechanicalDegrees;
    private boolean pierWest;
    private double cameraAngleDegrees;
    private int flatPanelBrightness;
    private int flatPanelMaxBrightness = 255;
    private boolean coverOpen = true;
    private double transparency = 1;
    private double seeingHfrArcsec = 1.2;
    private double skyBrightnessMagPerArcsec2 = 20.5;
    private final Map<DeviceKind, Set<Fault>> faults = new EnumMap<>(DeviceKind.class);

    /**
     * @param context the profile's site, optics and seed
     * @param start the simulated instant to start at
     * @param timeScale simulated seconds per real second
     */
    public SimulatedObservatory(DeviceContext context, Instant start, double timeScale) {
        this.context = context;
        this.clock = new SimClock(start, timeScale);
        this.epoch = start;
        this.sky = new TopocentricSky(context.site());
    }

    public SimClock clock() {
        return clock;
    }

    public ObserverSite site() {
        return context.site();
    }

    public DeviceContext context() {
        return context;
    }

    /** The read-only truth that tests compare measurements with. */
    public GroundTruth truth() {
        return new GroundTruth(this);
    }

    synchronized void installMount(MountMechanics mechanics) {
        this.mount = mechanics;
    }

    synchronized boolean hasMount() {
        return mount != null;
    }

    synchronized <T> T withMount(Function<MountMechanics, T> action) {
        if (mount == null) {
            throw new IllegalStateException("No simulated mount in this observatory");
        }
        return action.apply(mount);
    }

    /** Seconds of simulated time since the observatory started; the mechanics' time base. */
    synchronized double secondsNow() {
        return Duration.between(epoch, clock.now()).toNanos() / 1e9;
    }

    /** The simulated instant {@code seconds} after the observatory started. */
    synchronized Instant instantAt(double seconds) {
        return epoch.plusNanos((long) (seconds * 1e9));
    }

    synchronized double secondsAt(Instant instant) {
        return Duration.between(epoch, instant).toNanos() / 1e9;
    }

    /**
     * Where the optical axis really points at {@code instant}, ICRS. Without a mount the camera looks at the zenith
     * of the start and the sky drifts past.
     */
    synchronized Equatorial truePointing(Instant instant) {
        AstroTime time = AstroTime.of(instant);
        if (mount == null) {
            double lst = sky.localSiderealTimeHours(AstroTime.of(epoch));
            return Equatorial.ofHoursDegrees(lst, site().latitudeDegrees());
        }
        return mount.truePointing(time, sky, secondsAt(instant));
    }

    synchronized TopocentricSky sky() {
        return sky;
    }

    synchronized void setFocus(FocusModel model) {
        this.focus = model;
        this.seeingHfrArcsec = model.seeingHfrArcsec();
    }

    synchronized FocusModel focus() {
        return focus;
    }

    synchronized void setFocuserPosition(int position) {
        this.focuserPosition = position;
    }

    synchronized int focuserPosition() {
        return focuserPosition;
    }

    /** Ambient temperature: 10 °C at the start, falling half a degree an hour, as on a clear night. */
    public synchronized double ambientCelsius() {
        return 10.0 - 0.5 * secondsNow() / 3600.0;
    }

    /** The star image's half-flux radius now, from the V-curve at the focuser position (with the filter's offset). */
    synchronized double starHfrArcsec() {
        FocusModel seeing = new FocusModel(focus.bestFocusStepsAt20C() + filterFocusOffset, focus.stepsPerDegreeC(), seeingHfrArcsec,
                focus.hfrArcsecPerStep());
        return seeing.hfrArcsec(focuserPosition, ambientCelsius());
    }

    synchronized void setFilter(String name, int focusOffsetSteps) {
        this.filterName = name;
        this.filterFocusOffset = focusOffsetSteps;
    }

    synchronized String filterName() {
        return filterName;
    }

    synchronized int filterFocusOffset() {
        return filterFocusOffset;
    }

    synchronized void setRotatorMechanical(double degrees) {
        this.rotatorMechanicalDegrees = ((degrees % 360) + 360) % 360;
    }

    synchronized double rotatorMechanical() {
        return rotatorMechanicalDegrees;
    }

    synchronized void setPierWest(boolean west) {
        this.pierWest = west;
    }

    /** True when the mount's tube is west of the pier (after a slew to the east of the meridian). */
    synchronized boolean pierWest() {
        return pierWest;
    }

    synchronized void setCameraAngle(double degrees) {
        this.cameraAngleDegrees = degrees;
    }

    /** The camera's true sky position angle: its mounting angle plus the rotator, turned 180° after a meridian flip. */
    synchronized double truePositionAngle(boolean pierWest) {
        return (((cameraAngleDegrees + rotatorMechanicalDegrees + (pierWest ? 180 : 0)) % 360) + 360) % 360;
    }

    synchronized void setFlatPanel(int brightness, int maxBrightness, boolean cover) {
        this.flatPanelBrightness = brightness;
        this.flatPanelMaxBrightness = maxBrightness;
        this.coverOpen = cover;
    }

    /** Flat panel light reaching each pixel, in electrons per pixel per second at full brightness scale. */
    synchronized double flatIlluminationElectronsPerPixelSecond() {
        return coverOpen ? 0 : 20_000.0 * flatPanelBrightness / Math.max(1, flatPanelMaxBrightness);
    }

    /** True when the dust cover is closed (the sky is hidden). */
    synchronized boolean coverClosed() {
        return !coverOpen;
    }

    /** Clouds: 1 for a clear sky, 0 for overcast. */
    public synchronized void setTransparency(double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException("Transparency " + value + " is outside 0 to 1");
        }
        this.transparency = value;
    }

    synchronized double transparency() {
        return transparency;
    }

    /** Seeing as the half-flux radius of a star at perfect focus, arc-seconds. */
    public synchronized void setSeeingHfrArcsec(double hfr) {
        this.seeingHfrArcsec = hfr;
    }

    synchronized double seeingHfrArcsec() {
        return seeingHfrArcsec;
    }

    synchronized double skyBrightness() {
        return skyBrightnessMagPerArcsec2;
    }

    /** Makes a device kind misbehave from its next command on (see {@link Fault}). */
    public synchronized void injectFault(DeviceKind kind, Fault fault) {
        faults.computeIfAbsent(kind, k -> EnumSet.noneOf(Fault.class)).add(fault);
    }

    /** Ends every fault of a kind. */
    public synchronized void clearFaults(DeviceKind kind) {
        faults.remove(kind);
    }

    synchronized boolean hasFault(DeviceKind kind, Fault fault) {
        return faults.getOrDefault(kind, Set.of()).contains(fault);
    }

    synchronized Instant now() {
        return clock.now();
    }
}
