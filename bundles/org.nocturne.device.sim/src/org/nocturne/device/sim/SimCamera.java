package org.nocturne.device.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.nocturne.catalog.stars.StarCatalog;
import org.nocturne.core.sky.Equatorial;
import org.nocturne.core.task.Progress;
import org.nocturne.device.api.ConnectionState;
import org.nocturne.device.api.DeviceInfo;
import org.nocturne.device.api.DeviceKind;
import org.nocturne.device.api.SettingDescriptor;
import org.nocturne.device.api.SettingDescriptor.Type;
import org.nocturne.device.api.camera.Camera;
import org.nocturne.device.api.camera.CameraCapabilities;
import org.nocturne.device.api.camera.CameraCapabilities.IntRange;
import org.nocturne.device.api.camera.CameraState;
import org.nocturne.device.api.camera.ExposureRequest;
import org.nocturne.device.api.camera.ExposureStatus;
import org.nocturne.device.api.support.SettingValues;
import org.nocturne.device.sim.render.ExposureScene;
import org.nocturne.device.sim.render.RenderedExposure;
import org.nocturne.device.sim.render.SensorModel;
import org.nocturne.device.sim.render.SkyRenderer;
import org.nocturne.image.BayerPattern;
import org.nocturne.image.CameraSettings;
import org.nocturne.image.FocuserState;
import org.nocturne.image.Frame;
import org.nocturne.image.ImageType;
import org.nocturne.image.Optics;

/**
 * A simulated cooled CMOS camera. Each exposure waits its (simulated) time, then renders what the sensor saw at the
 * observatory's truth: the catalog's stars where the mount really points, turned by the camera and rotator angle and
 * the side of the pier, as large as the focuser's V-curve and the seeing make them, smeared by the tracking error,
 * through the clouds, with the sky, the flat panel, dark current, hot pixels, bias and read noise.
 */
final class SimCamera extends SimDevice<CameraState> implements Camera {

    static final List<SettingDescriptor> SETTINGS = List.of(
            SettingDescriptor.of("width", "Width", Type.INTEGER, "3000", "px", "Sensor width"),
            SettingDescriptor.of("height", "Height", Type.INTEGER, "2000", "px", "Sensor height"),
            SettingDescriptor.of("pixelSizeMicrons", "Pixel size", Type.DECIMAL, "3.76", "µm", "Pixel pitch"),
            new SettingDescriptor("bayerPattern", "Colour", Type.CHOICE, "Mono", List.of("Mono", "RGGB", "BGGR", "GRBG", "GBRG"), "",
                    "Mono, or the Bayer pattern of a one-shot-colour sensor"),
            SettingDescriptor.of("readNoiseElectrons", "Read noise", Type.DECIMAL, "3.5", "e⁻", "Read noise per pixel"),
            SettingDescriptor.of("darkCurrent", "Dark current at 0 °C", Type.DECIMAL, "0.01", "e⁻/s", "Mean dark current per pixel"),
            SettingDescriptor.of("hotPixelFraction", "Hot pixels", Type.DECIMAL, "0.0002", "", "Fraction of hot pixels"));

    /** Gain in 0.1 dB steps, as many CMOS cameras count it: gain 0 is 4 e⁻/ADU, every 200 divides that by ten. */
    private static final double ELECTRONS_PER_ADU_AT_GAIN_0 = 4.0;
    private static final Duration DOWNLOAD = Duration.ofMillis(800);
    private static final double COOLING_TIME_CONSTANT_SECONDS = 90;

    private final CameraCapabilities capabilities;
    private final Supplier<StarCatalog> catalog;
    private final long seed;
    /** Made on the first exposure, on the device thread: loading the catalog takes a fraction of a second. */
    private SkyRenderer renderer;
    private final double readNoise;
    private final double darkCurrent;
    private final double hotPixelFraction;
    private int gain = 100;
    private int offset = 50;
    private Double setPoint;
    private double temperatureAtChange;
    private double secondsAtChange;

    SimCamera(SimulatedObservatory observatory, SettingValues settings, Supplier<StarCatalog> catalog, long seed) {
        super(new DeviceInfo(SimulatorProvider.ID, "Simulated camera", "Cooled CMOS camera of the sky simulator"), DeviceKind.CAMERA,
                CameraState.disconnected(), observatory);
        String colour = settings.text("bayerPattern");
        this.capabilities = new CameraCapabilities(settings.integer("width"), settings.integer("height"), settings.decimal("pixelSizeMicrons"),
                colour.equals("Mono") ? null : BayerPattern.valueOf(colour), 4, true, new IntRange(0, 400), new IntRange(0, 200),
                List.of("High gain", "Low noise"), true, true, 0.0, 3600, 16);
        this.readNoise = settings.decimal("readNoiseElectrons");
        this.darkCurrent = settings.decimal("darkCurrent");
        this.hotPixelFraction = settings.decimal("hotPixelFraction");
        this.catalog = catalog;
        this.seed = seed;
        this.temperatureAtChange = observatory.ambientCelsius();
    }

    @Override
    public CameraCapabilities capabilities() {
        return capabilities;
    }

    @Override
    protected void openConnection() {
        temperatureAtChange = sensorCelsius();
        secondsAtChange = observatory.secondsNow();
        publish(snapshot(ConnectionState.CONNECTED, ExposureStatus.IDLE, 0));
    }

    @Override
    protected void closeConnection() {
        // the sensor stays as it is
    }

    @Override
    protected CameraState withConnection(CameraState s, ConnectionState connection, String message) {
        return new CameraState(connection, message, s.sensorCelsius(), s.coolerOn(), s.setPointCelsius(), s.coolerPowerPercent(), s.exposure(),
                s.exposureProgress());
    }

    @Override
    public CompletableFuture<Void> setCooler(Double setPointCelsius) {
        return command("set the cooler", () -> {
            temperatureAtChange = sensorCelsius();
            secondsAtChange = observatory.secondsNow();
            setPoint = setPointCelsius;
            publish(snapshot(ConnectionState.CONNECTED, ExposureStatus.IDLE, 0));
            return null;
        });
    }

    @Override
    public CompletableFuture<Frame> expose(ExposureRequest request, Progress progress) {
        Progress report = progress == null ? Progress.NONE : progress;
        return command("expose", () -> {
            request.check(capabilities);
            if (request.gain() != null) {
                gain = request.gain();
            }
            if (request.offset() != null) {
                offset = request.offset();
            }
            Instant start = observatory.now();
            publish(snapshot(ConnectionState.CONNECTED, ExposureStatus.EXPOSING, 0));
            try {
                waitForExposure(request.seconds(), report);
                publish(snapshot(ConnectionState.CONNECTED, ExposureStatus.DOWNLOADING, 1));
                report.report(1, "Downloading");
                Frame frame = render(request, start);
                observatory.clock().sleep(DOWNLOAD);
                return frame;
            } finally {
                publish(snapshot(ConnectionState.CONNECTED, ExposureStatus.IDLE, 0));
            }
        });
    }

    /** Waits the exposure in simulated time, reporting progress about ten times. */
    private void waitForExposure(double seconds, Progress progress) throws InterruptedException {
        int steps = 10;
        for (int i = 1; i <= steps; i++) {
            observatory.clock().sleep(Duration.ofNanos((long) (seconds * 1e9 / steps)));
            double done = i / (double) steps;
            publish(snapshot(ConnectionState.CONNECTED, ExposureStatus.EXPOSING, done));
            progress.report(done, String.format("Exposing %.1f s of %.1f s", seconds * done, seconds));
        }
    }

    private Frame render(ExposureRequest request, Instant start) {
        Instant end = start.plusNanos((long) (request.seconds() * 1e9));
        Instant middle = start.plusNanos((long) (request.seconds() * 0.5e9));
        Equatorial from = observatory.truePointing(start);
        Equatorial to = observatory.truePointing(end);
        double cosDec = Math.cos(to.decRadians());
        double driftRa = Math.toDegrees(Math.IEEEremainder(to.raRadians() - from.raRadians(), 2 * Math.PI)) * 3600 * cosDec;
        double driftDec = Math.toDegrees(to.decRadians() - from.decRadians()) * 3600;
        double focal = observatory.context().focalLengthMm();
        double aperture = observatory.context().apertureMm();
        ImageType type = request.type();
        boolean skyHidden = observatory.coverClosed();
        ExposureScene scene = ExposureScene.light(observatory.truePointing(middle), focal, aperture, request.seconds(), middle)
                .withPositionAngle(observatory.truePositionAngle(observatory.pierWest()))
                .withBinning(request.binning()).withRegion(request.region()).withImageType(type).withSensorCelsius(sensorCelsius())
                .withStarHfrArcsec(observatory.starHfrArcsec()).withSkyBackground(observatory.skyBrightness())
                .withTransparency(skyHidden ? 0 : observatory.transparency())
                .withFlatIllumination(observatory.flatIlluminationElectronsPerPixelSecond()).withDrift(driftRa, driftDec);
        double electronsPerAdu = ELECTRONS_PER_ADU_AT_GAIN_0 * Math.pow(10, -gain / 200.0);
        SensorModel sensor = new SensorModel(capabilities.width(), capabilities.height(), capabilities.pixelSizeMicrons(),
                capabilities.bayerPattern(), electronsPerAdu, 10.0 * offset, readNoise, darkCurrent, hotPixelFraction, 50_000);
        if (renderer == null) {
            renderer = new SkyRenderer(catalog.get(), seed);
        }
        RenderedExposure rendered = renderer.render(sensor, scene);
        Frame frame = rendered.frame();
        // The renderer records the true pointing; a camera cannot know where the mount points (EquipmentStamp adds
        // what the mount reports).
        return frame.withMetadata(frame.metadata().toBuilder().startTime(start).exposureSeconds(request.seconds()).imageType(type)
                .pointing(null)
                .site(observatory.site()).filter(observatory.filterName().isEmpty() ? null : observatory.filterName())
                .camera(new CameraSettings(info().name(), request.binning(), request.binning(), gain, offset, electronsPerAdu,
                        capabilities.pixelSizeMicrons() * request.binning(), capabilities.pixelSizeMicrons() * request.binning(),
                        setPoint, sensorCelsius(), capabilities.readoutModes().get(request.readoutMode()), null))
                .optics(new Optics("Simulated telescope", focal, focal / aperture))
                .focuser(new FocuserState("Simulated focuser", observatory.focuserPosition(), null, observatory.ambientCelsius()))
                .build());
    }

    /** The sensor temperature: it relaxes towards the set-point (or ambient with the cooler off) exponentially. */
    private double sensorCelsius() {
        double ambient = observatory.ambientCelsius();
        double target = setPoint == null ? ambient : Math.max(setPoint, ambient - 35);
        double elapsed = observatory.secondsNow() - secondsAtChange;
        return target + (temperatureAtChange - target) * Math.exp(-elapsed / COOLING_TIME_CONSTANT_SECONDS);
    }

    private CameraState snapshot(ConnectionState connection, ExposureStatus exposure, double progress) {
        double sensor = sensorCelsius();
        double power = setPoint == null ? 0 : Math.min(100, Math.max(0, (observatory.ambientCelsius() - sensor) / 35 * 100));
        return new CameraState(connection, "", sensor, setPoint != null, setPoint == null ? Double.NaN : setPoint, power, exposure, progress);
    }
}
