package org.nocturne.device.indi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.nocturne.core.task.Progress;
import org.nocturne.device.api.ConnectionState;
import org.nocturne.device.api.DeviceException;
import org.nocturne.device.api.DeviceKind;
import org.nocturne.device.api.camera.Camera;
import org.nocturne.device.api.camera.CameraCapabilities;
import org.nocturne.device.api.camera.CameraState;
import org.nocturne.device.api.camera.ExposureRequest;
import org.nocturne.device.api.camera.ExposureStatus;
import org.nocturne.device.indi.protocol.IndiElement;
import org.nocturne.device.indi.protocol.IndiProperty;
import org.nocturne.device.indi.protocol.IndiXml;
import org.nocturne.device.indi.protocol.PropertyState;
import org.nocturne.image.BayerPattern;
import org.nocturne.image.CameraSettings;
import org.nocturne.image.Frame;
import org.nocturne.image.fits.FitsFrames;

/**
 * An INDI CCD: CCD_EXPOSURE starts an exposure, the image comes back as a FITS file in the CCD1 BLOB (enabled with
 * {@code enableBLOB Also} for CCD1 alone, on this device's own connection only, so a guide head's CCD2 images never
 * come), CCD_FRAME_TYPE, CCD_BINNING, CCD_FRAME and
 * CCD_GAIN/CCD_OFFSET (or CCD_CONTROLS Gain/Offset) are set before each exposure, CCD_ABORT_EXPOSURE stops one, and
 * CCD_TEMPERATURE/CCD_COOLER drive the cooler. Capabilities come from CCD_INFO and the properties' ranges. Once an
 * image is read into a frame its bytes are dropped from the property model, so the connection holds no image between
 * exposures.
 */
final class IndiCamera extends IndiDevice<CameraState> implements Camera {

    /** Time allowed after the exposure for the driver to read out and send the image. */
    private static final Duration DOWNLOAD = Duration.ofSeconds(60);

    private volatile CameraCapabilities capabilities;
    private ExposureStatus exposure = ExposureStatus.IDLE;
    private double progress;
    private Double setPoint;

    IndiCamera(IndiSettings settings, long maxBlobBytes) {
        super(DeviceKind.CAMERA, settings, CameraState.disconnected(), maxBlobBytes);
    }

    @Override
    public CameraCapabilities capabilities() {
        CameraCapabilities known = capabilities;
        if (known == null) {
            throw new IllegalStateException(device + " is not connected: its capabilities are unknown");
        }
        return known;
    }

    @Override
    protected boolean ready() {
        return property("CCD_EXPOSURE") != null && property("CCD_INFO") != null && property("CCD1") != null;
    }

    @Override
    protected void prepare() throws Exception {
        send(IndiXml.enableBlob(device, "CCD1", "Also"));
        imagesAsFitsToClient();
        IndiProperty info = require("CCD_INFO");
        IndiProperty exposureProperty = require("CCD_EXPOSURE");
        IndiElement seconds = exposureProperty.element("CCD_EXPOSURE_VALUE");
        IndiProperty binning = property("CCD_BINNING");
        IndiProperty frame = property("CCD_FRAME");
        IndiProperty cfa = property("CCD_CFA");
        IndiProperty temperature = property("CCD_TEMPERATURE");
        int maxBinning = binning == null ? 1 : (int) Math.max(1, Math.min(binning.element("HOR_BIN").max(), binning.element("VER_BIN").max()));
        capabilities = new CameraCapabilities((int) info.number("CCD_MAX_X"), (int) info.number("CCD_MAX_Y"),
                info.number("CCD_PIXEL_SIZE_X"), cfa == null ? null : bayer(cfa.text("CFA_TYPE")), maxBinning,
                property("CCD_COOLER") != null || temperature != null && temperature.writable(), range(gainElement()),
                range(offsetElement()), List.of("Default"), frame != null && frame.writable(), property("CCD_ABORT_EXPOSURE") != null,
                finiteOr(seconds.min(), 0.001), finiteOr(seconds.max(), 3600), (int) finiteOr(info.number("CCD_BITSPERPIXEL"), 16));
    }

    /**
     * Makes the driver send its images here, as plain FITS: UPLOAD_MODE to client (a driver left on local upload sends
     * no BLOB), CCD_COMPRESSION off (compressed images come as ".fits.z" zlib bytes) and CCD_TRANSFER_FORMAT to FITS,
     * for each of these properties the driver has.
     */
    private void imagesAsFitsToClient() throws IOException, InterruptedException {
        IndiProperty upload = property("UPLOAD_MODE");
        if (upload != null && !upload.isOn("UPLOAD_CLIENT") && !upload.isOn("UPLOAD_BOTH")) {
            changeSwitch("UPLOAD_MODE", "UPLOAD_CLIENT");
        }
        IndiProperty compression = property("CCD_COMPRESSION");
        if (compression != null) {
            String off = compression.element("INDI_DISABLED") != null ? "INDI_DISABLED" : "CCD_RAW";
            if (compression.element(off) != null) {
                changeSwitch("CCD_COMPRESSION", off);
            }
        }
        IndiProperty format = property("CCD_TRANSFER_FORMAT");
        if (format != null && format.element("FORMAT_FITS") != null) {
            changeSwitch("CCD_TRANSFER_FORMAT", "FORMAT_FITS");
        }
    }

    @Override
    public CompletableFuture<Frame> expose(ExposureRequest request, Progress progressListener) {
        Progress report = progressListener == null ? Progress.NONE : progressListener;
        return command("expose", () -> {
            request.check(capabilities());
            configure(request);
            Instant start = Instant.now();
            long sent = sendNumbers("CCD_EXPOSURE", Map.of("CCD_EXPOSURE_VALUE", request.seconds()));
            setExposure(ExposureStatus.EXPOSING, 0);
            report.report(0, String.format("Exposing %.1f s", request.seconds()));
            IndiProperty image;
            try {
                image = waitFor("the image of a " + request.seconds() + " s exposure",
                        Duration.ofMillis((long) (request.seconds() * 1000)).plus(DOWNLOAD).plus(settings.timeout()),
                        () -> imageAfter(sent, request.seconds(), report));
            } catch (InterruptedException e) {
                abortExposure();
                throw e;
            } catch (RuntimeException e) {
                try {
                    abortExposure();
                } catch (IOException | RuntimeException stopping) {
                    e.addSuppressed(stopping);
                }
                setExposure(ExposureStatus.ERROR, 0);
                throw e;
            }
            Frame frame;
            try {
                frame = decode(image, request, start);
            } catch (IOException | RuntimeException e) {
                setExposure(ExposureStatus.ERROR, 0);
                throw e;
            } finally {
                releaseBlobs(image);
            }
            setExposure(ExposureStatus.IDLE, 0);
            report.report(1, "Downloaded");
            return frame;
        });
    }

    @Override
    public CompletableFuture<Void> setCooler(Double setPointCelsius) {
        return command("set the cooler", () -> {
            IndiProperty cooler = property("CCD_COOLER");
            if (setPointCelsius == null) {
                if (cooler != null) {
                    awaitAccepted("CCD_COOLER", selectSwitch("CCD_COOLER", "COOLER_OFF"), timeoutOf(cooler));
                }
                setPoint = null;
            } else {
                IndiProperty temperature = require("CCD_TEMPERATURE");
                IndiElement value = temperature.element("CCD_TEMPERATURE_VALUE");
                if (setPointCelsius < value.min() || setPointCelsius > value.max()) {
                    throw new IllegalArgumentException("Set-point " + setPointCelsius + " °C is outside " + value.min() + " to " + value.max() + " °C");
                }
                if (cooler != null && !cooler.isOn("COOLER_ON")) {
                    awaitAccepted("CCD_COOLER", selectSwitch("CCD_COOLER", "COOLER_ON"), timeoutOf(cooler));
                }
                awaitAccepted("CCD_TEMPERATURE", sendNumbers("CCD_TEMPERATURE", Map.of("CCD_TEMPERATURE_VALUE", setPointCelsius)),
                        timeoutOf(temperature));
                setPoint = setPointCelsius;
            }
            refresh();
            return null;
        });
    }

    @Override
    protected void beforeClose() throws IOException {
        if (exposure == ExposureStatus.EXPOSING) {
            abortExposure();
        }
    }

    @Override
    protected CameraState snapshot(ConnectionState connection, String message) {
        IndiProperty temperature = property("CCD_TEMPERATURE");
        IndiProperty cooler = property("CCD_COOLER");
        IndiProperty power = property("CCD_COOLER_POWER");
        boolean coolerOn = cooler != null ? cooler.isOn("COOLER_ON") : setPoint != null;
        if (connection != ConnectionState.CONNECTED) {
            exposure = ExposureStatus.IDLE;
            progress = 0;
        }
        return new CameraState(connection, message,
                temperature == null ? Double.NaN : temperature.number("CCD_TEMPERATURE_VALUE"), coolerOn,
                coolerOn && setPoint != null ? setPoint : Double.NaN, power == null ? Double.NaN : power.number("CCD_COOLER_VALUE"),
                exposure, progress);
    }

    /** Sets frame type, binning, region, gain and offset for the exposure. */
    private void configure(ExposureRequest request) throws IOException, InterruptedException {
        changeSwitch("CCD_FRAME_TYPE", switch (request.type()) {
            case DARK, DARK_FLAT -> "FRAME_DARK";
            case BIAS -> "FRAME_BIAS";
            case FLAT -> "FRAME_FLAT";
            case LIGHT, SNAPSHOT -> "FRAME_LIGHT";
        });
        if (property("CCD_BINNING") != null) {
            changeNumbers("CCD_BINNING", ordered("HOR_BIN", request.binning(), "VER_BIN", request.binning()));
        }
        if (capabilities().canSubframe()) {
            ExposureRequest.Region region = request.region() != null ? request.region()
                    : new ExposureRequest.Region(0, 0, capabilities().width(), capabilities().height());
            Map<String, Double> values = ordered("X", region.x(), "Y", region.y());
            values.putAll(ordered("WIDTH", region.width(), "HEIGHT", region.height()));
            changeNumbers("CCD_FRAME", values);
        }
        if (request.gain() != null) {
            IndiProperty owner = gainOwner();
            changeNumbers(owner.name(), Map.of(gainElement().name(), request.gain().doubleValue()));
        }
        if (request.offset() != null) {
            IndiProperty owner = offsetOwner();
            changeNumbers(owner.name(), Map.of(offsetElement().name(), request.offset().doubleValue()));
        }
    }

    /**
     * The image, once CCD1 came after CCD_EXPOSURE went Busy for the exposure sent at {@code sent} (a late image of an
     * earlier, cancelled exposure is not this one's); reports progress from CCD_EXPOSURE's countdown meanwhile.
     */
    private IndiProperty imageAfter(long sent, double seconds, Progress report) {
        IndiProperty countdown = property("CCD_EXPOSURE");
        if (countdown != null && countdown.updated() > sent) {
            if (countdown.state() == PropertyState.ALERT) {
                throw alert("CCD_EXPOSURE");
            }
            if (countdown.state() == PropertyState.BUSY && exposure == ExposureStatus.EXPOSING) {
                double left = countdown.number("CCD_EXPOSURE_VALUE");
                double done = seconds > 0 ? Math.max(0, Math.min(1, 1 - left / seconds)) : 1;
                if (done != progress) {
                    setExposure(ExposureStatus.EXPOSING, done);
                    report.report(done, String.format("Exposing %.1f s of %.1f s", seconds - left, seconds));
                }
            } else if (countdown.state() == PropertyState.OK && exposure == ExposureStatus.EXPOSING) {
                setExposure(ExposureStatus.DOWNLOADING, 1);
                report.report(1, "Downloading");
            }
        }
        if (countdown == null || countdown.lastBusy() <= sent) {
            return null;
        }
        IndiProperty blob = property("CCD1");
        if (blob == null || blob.updated() <= countdown.lastBusy()) {
            return null;
        }
        if (blob.state() == PropertyState.ALERT) {
            throw alert("CCD1");
        }
        return blob.element("CCD1") != null && blob.element("CCD1").blob() != null ? blob : null;
    }

    /** Reads the FITS image the driver sent and stamps what was asked for into its metadata. */
    private Frame decode(IndiProperty image, ExposureRequest request, Instant start) throws IOException {
        IndiElement blob = image.element("CCD1");
        String format = blob.format().toLowerCase();
        if (!format.equals(".fits") && !format.equals(".fit") && !format.equals(".fts")) {
            throw new DeviceException(device + " sent its image as \"" + blob.format() + "\"; Nocturne reads FITS (set the driver's "
                    + "transfer format to FITS)");
        }
        Path file = Files.createTempFile("nocturne-indi-", ".fits");
        Frame frame;
        try {
            Files.write(file, blob.blob());
            try {
                frame = FitsFrames.read(file);
            } catch (IOException e) {
                throw new DeviceException(device + " sent an image that is not a readable FITS file: " + e.getMessage(), e);
            }
        } finally {
            Files.deleteIfExists(file);
        }
        CameraState now = state();
        double pixel = capabilities().pixelSizeMicrons() * request.binning();
        Integer gain = request.gain() != null ? request.gain() : whole(gainElement());
        Integer offset = request.offset() != null ? request.offset() : whole(offsetElement());
        return frame.withMetadata(frame.metadata().toBuilder().imageType(request.type()).startTime(start)
                .exposureSeconds(request.seconds())
                .camera(new CameraSettings(device, request.binning(), request.binning(), gain, offset, null, pixel, pixel,
                        setPoint, Double.isNaN(now.sensorCelsius()) ? null : now.sensorCelsius(),
                        capabilities().readoutModes().get(request.readoutMode()), null))
                .build());
    }

    private void abortExposure() throws IOException {
        if (property("CCD_ABORT_EXPOSURE") != null) {
            sendSwitches("CCD_ABORT_EXPOSURE", Map.of("ABORT", true));
        }
        setExposure(ExposureStatus.IDLE, 0);
    }

    private void setExposure(ExposureStatus status, double fraction) {
        exposure = status;
        progress = fraction;
        refresh();
    }

    private IndiProperty gainOwner() {
        return property("CCD_GAIN") != null ? property("CCD_GAIN") : property("CCD_CONTROLS");
    }

    private IndiProperty offsetOwner() {
        return property("CCD_OFFSET") != null ? property("CCD_OFFSET") : property("CCD_CONTROLS");
    }

    /** CCD_GAIN.GAIN, or CCD_CONTROLS.Gain as some drivers (ZWO, QHY) have it, as Ekos looks for them; null when neither. */
    private IndiElement gainElement() {
        IndiProperty owner = gainOwner();
        return owner == null ? null : owner.name().equals("CCD_GAIN") ? owner.element("GAIN") : owner.element("Gain");
    }

    private IndiElement offsetElement() {
        IndiProperty owner = offsetOwner();
        return owner == null ? null : owner.name().equals("CCD_OFFSET") ? owner.element("OFFSET") : owner.element("Offset");
    }

    private static CameraCapabilities.IntRange range(IndiElement element) {
        if (element == null || Double.isNaN(element.min()) || Double.isNaN(element.max())) {
            return null;
        }
        return new CameraCapabilities.IntRange((int) Math.ceil(element.min()), (int) Math.floor(element.max()));
    }

    private static Integer whole(IndiElement element) {
        return element == null || Double.isNaN(element.number()) ? null : (int) Math.round(element.number());
    }

    private static BayerPattern bayer(String type) {
        try {
            return type.isEmpty() ? null : BayerPattern.valueOf(type.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static double finiteOr(double value, double fallback) {
        return Double.isFinite(value) ? value : fallback;
    }

    private static Map<String, Double> ordered(String first, double a, String second, double b) {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put(first, a);
        values.put(second, b);
        return values;
    }
}
