package org.nocturne.device.sim.render;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.nocturne.catalog.stars.StarCatalog;
import org.nocturne.image.BayerPattern;
import org.nocturne.image.CameraSettings;
import org.nocturne.image.Frame;
import org.nocturne.image.FrameMetadata;
import org.nocturne.image.Optics;

/**
 * Renders what a camera on a telescope records: the real stars of a catalog at the scene's pointing, with the sky,
 * the clouds, vignetting, the sensor's dark current, hot pixels, bias and noise, and returns the frame with the truth
 * behind it (every star's true pixel position and charge, and the true WCS).
 *
 * <p>The model, step by step:
 * <ul>
 * <li>Geometry: the gnomonic projection about the optical axis ({@link ExposureScene#centre()}, which crosses the centre
 * of the sensor), turned so that the sensor's +y axis points to the scene's position angle, at
 * {@code 206.265 · pixel µm / focal mm} arc-seconds per unbinned pixel.</li>
 * <li>Light: {@link Photometry}'s zero point (magnitude 0 gives 10⁶ e⁻ s⁻¹ cm⁻²) through the clear aperture, times the
 * transparency, for stars and for the sky background of the given magnitude per square arc-second; the flat panel's
 * light as given. All three fall off towards the corners by the cos⁴ law to 95% (vignetting), and on a colour sensor
 * each pixel takes its filter's share ({@link SensorModel#filterTransmission}).</li>
 * <li>Stars: a Moffat profile (β = 3) of the scene's half-flux radius, integrated over pixels and along the trail that
 * the drift draws, centred exactly on the star's mid-exposure place ({@link MoffatStar}).</li>
 * <li>Sensor: dark current doubling every 6 °C, hot pixels fixed by the renderer's seed, Poisson shot noise, the full
 * well per pixel, bins summed before one Gaussian read noise, gain, bias, 16-bit clipping ({@link SensorModel}).</li>
 * </ul>
 *
 * <p>Determinism: the noise of an exposure is seeded from the renderer's seed and the exposure number alone, and the
 * hot pixels from the renderer's seed and the sensor's size, so two renderers of the same seed render the same frames
 * for the same scenes and exposure numbers. {@link #render(SensorModel, ExposureScene)} numbers the exposures 0, 1, 2…
 * in the order of the calls, so consecutive exposures of the same scene have independent noise but the same hot pixels.
 *
 * <p>Thread-safe: renders may run concurrently (their numbers are then in the order the calls took them). A render
 * blocks the calling thread and uses the common fork-join pool for its rows; a 3000×2000 frame takes a fraction of a
 * second on two cores.
 */
public final class SkyRenderer {

    private static final long HOT_PIXEL_SALT = 0x5DEECE66DL;

    private final StarCatalog catalog;
    private final long seed;
    private final AtomicLong exposures = new AtomicLong();
    private final Map<SensorSize, HotPixels> hotPixels = new ConcurrentHashMap<>();

    /**
     * @param catalog the stars to render, for example {@link StarCatalog#bundled()}
     * @param seed the seed of the sensor's hot pixels and of every exposure's noise
     */
    public SkyRenderer(StarCatalog catalog, long seed) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.seed = seed;
    }

    public long seed() {
        return seed;
    }

    /** Renders the next exposure, numbered in the order of the calls on this renderer (0 first). */
    public RenderedExposure render(SensorModel sensor, ExposureScene scene) {
        return render(sensor, scene, exposures.getAndIncrement());
    }

    /**
     * Renders the exposure numbered {@code exposureNumber}: its noise is seeded from this renderer's seed and that
     * number only, whatever was rendered before. Does not advance the count of {@link #render(SensorModel, ExposureScene)}.
     *
     * @throws IllegalArgumentException when the scene's region is not inside the sensor or the field is wider than
     *         the renderer projects (60° from the optical axis)
     */
    public RenderedExposure render(SensorModel sensor, ExposureScene scene, long exposureNumber) {
        ReadoutWindow window = ReadoutWindow.of(sensor, scene);
        double arcsecPerPixel = scene.pixelScaleArcsec(sensor.pixelSizeMicrons());
        SensorProjection projection = new SensorProjection(scene.centre(), scene.positionAngleDegrees(), arcsecPerPixel, sensor);
        Vignetting vignetting = new Vignetting(sensor);
        StarField stars = scene.seesSky() ? StarField.collect(catalog, scene, projection, window, vignetting, arcsecPerPixel)
                : StarField.none();

        double diffusePerSecond = 0;
        if (scene.seesSky()) {
            diffusePerSecond += Photometry.skyElectronsPerSecondPerArcsec2(scene.skyBackgroundMagPerArcsec2(), scene.apertureMm())
                    * arcsecPerPixel * arcsecPerPixel * scene.transparency();
        }
        if (scene.seesFlatIllumination()) {
            diffusePerSecond += scene.flatElectronsPerPixelPerSecond();
        }
        double darkElectrons = sensor.darkCurrentAt(scene.sensorCelsius()) * scene.seconds();
        HotPixels hot = hotPixels.computeIfAbsent(new SensorSize(sensor.width(), sensor.height(), sensor.hotPixelFraction()),
                size -> HotPixels.draw(size.width(), size.height(), size.hotPixelFraction(), mix(seed ^ HOT_PIXEL_SALT)));
        SensorReadout readout = new SensorReadout(sensor, window, stars.images(), diffusePerSecond * scene.seconds(),
                darkElectrons, vignetting, hot);
        short[] pixels = readout.read(mix(mix(seed) + exposureNumber));

        BayerPattern pattern = sensor.isColour() && window.binning() == 1 ? sensor.bayerPattern().shifted(window.x(), window.y()) : null;
        Frame frame = Frame.of(window.width(), window.height(), pixels, pattern, metadata(sensor, scene));
        return new RenderedExposure(frame, stars.truth(), projection.wcs(window), exposureNumber);
    }

    /**
     * What the camera writes with the frame: type, start, exposure, binning, conversion gain, binned pixel size,
     * sensor temperature, focal length and ratio, and the true pointing ({@code RA}, {@code DEC}). No WCS.
     */
    private static FrameMetadata metadata(SensorModel sensor, ExposureScene scene) {
        int b = scene.binning();
        double pixel = sensor.pixelSizeMicrons() * b;
        return FrameMetadata.builder()
                .imageType(scene.imageType())
                .startTime(scene.start())
                .exposureSeconds(scene.seconds())
                .pointing(scene.centre())
                .camera(new CameraSettings(null, b, b, null, null, sensor.gainElectronsPerAdu(), pixel, pixel, null,
                        scene.sensorCelsius(), null, null))
                .optics(new Optics(null, scene.focalLengthMm(), scene.focalRatio()))
                .build();
    }

    /** Stafford's variant 13 of the SplitMix64 finaliser: a well-spread 64-bit hash. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** What the hot pixels depend on besides the seed. */
    private record SensorSize(int width, int height, double hotPixelFraction) {
    }
}
