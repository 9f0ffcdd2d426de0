package org.nocturne.device.alpaca;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.nocturne.core.task.Progress;
import org.nocturne.device.api.ConnectionState;
import org.nocturne.device.api.DeviceKind;
import org.nocturne.device.api.camera.Camera;
import org.nocturne.device.api.camera.CameraCapabilities;
import org.nocturne.device.api.camera.CameraCapabilities.IntRange;
import org.nocturne.device.api.camera.CameraState;
import org.nocturne.device.api.camera.ExposureRequest;
import org.nocturne.device.api.camera.ExposureStatus;
import org.nocturne.image.BayerPattern;
import org.nocturne.image.CameraSettings;
import org.nocturne.image.Frame;
import org.nocturne.image.FrameMetadata;
import org.nocturne.image.ImageType;

/**
 * An Alpaca camera. An exposure sets binning, the region (in binned pixels, as ASCOM counts StartX/NumX), gain,
 * offset and readout mode, starts with {@code startexposure}, polls {@code camerastate}, {@code percentcompleted} and
 * {@code imageready}, then downloads {@code imagearray} (ImageBytes, or JSON from servers without it). Cancelling
 * aborts the exposure on the camera.
 */
final class AlpacaCamera extends AlpacaDevice<CameraState> implements Camera {

    /** ASCOM CameraStates. */
    private static final int CAMERA_IDLE = 0;
    private static final int CAMERA_EXPOSING = 2;
    private static final int CAMERA_READING = 3;
    private static final int CAMERA_DOWNLOAD = 4;
    private static final int CAMERA_ERROR = 5;
    private static final long POLL_MILLIS = 100;
    /** Longer than the slowest real readout and download (a large CCD over a slow link). */
    private static final long READOUT_LIMIT_SECONDS = 300;

    private volatile CameraCapabilities capabilities;
    private BayerPattern sensorPattern;
    private long maxAdu;
    private boolean hasGain;
    private boolean hasOffset;
    private boolean hasReadoutModes;

    AlpacaCamera(AlpacaEndpoint endpoint) {
        super(endpoint, DeviceKind.CAMERA, CameraState.disconnected());
    }

    /** What the camera can do; read on connect, all zero before the first connection. */
    @Override
    public CameraCapabilities capabilities() {
        CameraCapabilities known = capabilities;
        return known != null ? known : new CameraCapabilities(0, 0, Double.NaN, null, 1, false, null, null, List.of("Default"), false, false, 0, 0, 16);
    }

    @Override
    protected void readDevice() throws InterruptedException {
        AlpacaClient alpaca = alpaca();
        int width = alpaca.getInt("cameraxsize");
        int height = alpaca.getInt("cameraysize");
        if (width < 1 || height < 1 || (long) width * height > Frame.MAX_PIXELS) {
            throw AlpacaException.broken(info().name() + ": the sensor size " + width + "×" + height + " is not possible", null);
        }
        double pixelSize = alpaca.getDouble("pixelsizex");
        int maxBin = Math.max(1, Math.min(alpaca.getInt("maxbinx"), alpaca.getInt("maxbiny")));
        maxAdu = alpaca.getInt("maxadu");
        int bitDepth = Math.max(1, Math.min(32, 64 - Long.numberOfLeadingZeros(Math.max(1, maxAdu))));
        sensorPattern = bayerPattern(alpaca.getInt("sensortype"));
        boolean cooler = optionalBoolean("cansetccdtemperature");
        IntRange gain = range("gain", "gainmin", "gainmax", "gains");
        IntRange offset = range("offset", "offsetmin", "offsetmax", "offsets");
        hasGain = gain != null;
        hasOffset = offset != null;
        List<String> modes;
        try {
            modes = alpaca.getStrings("readoutmodes");
            hasReadoutModes = !modes.isEmpty();
        } catch (AlpacaException e) {
            if (!e.notImplemented()) {
                throw e;
            }
            modes = List.of();
            hasReadoutModes = false;
        }
        if (modes.isEmpty()) {
            modes = List.of("Default");
        }
        boolean canAbort = alpaca.getBoolean("canabortexposure");
        double minExposure = alpaca.getDouble("exposuremin");
        double maxExposure = alpaca.getDouble("exposuremax");
        capabilities = new CameraCapabilities(width, height, pixelSize, sensorPattern, maxBin, cooler, gain, offset, modes, true, canAbort,
                minExposure, maxExposure, bitDepth);
    }

    /**
     * The Bayer pattern of the sensor read from pixel (0, 0): ASCOM's SensorType 2 is RGGB at the Bayer offsets;
     * monochrome, colour (already debayered) and the CMYG/LRGB types give no RGB pattern.
     */
    private BayerPattern bayerPattern(int sensorType) throws InterruptedException {
        if (sensorType != 2) {
            return null;
        }
        int dx = alpaca().getInt("bayeroffsetx");
        int dy = alpaca().getInt("bayeroffsety");
        return BayerPattern.RGGB.shifted(dx & 1, dy & 1);
    }

    /** A gain-like setting's range: min/max where it has them, the indices of its list of names otherwise, null without it. */
    private IntRange range(String member, String min, String max, String names) throws InterruptedException {
        try {
            alpaca().getInt(member);
        } catch (AlpacaException e) {
            if (e.notImplemented() || e.errorNumber() == AlpacaErrors.INVALID_OPERATION) {
                return null;
            }
            throw e;
        }
        try {
            return new IntRange(alpaca().getInt(min), alpaca().getInt(max));
        } catch (AlpacaException e) {
            if (!e.notImplemented() && e.errorNumber() != AlpacaErrors.INVALID_OPERATION) {
                throw e;
            }
        }
        List<String> list;
        try {
            list = alpaca().getStrings(names);
        } catch (AlpacaException e) {
            if (!e.notImplemented() && e.errorNumber() != AlpacaErrors.INVALID_OPERATION) {
                throw e;
            }
            return null;
        }
        return list.isEmpty() ? null : new IntRange(0, list.size() - 1);
    }

    @Override
    protected void refresh() throws InterruptedException {
        double sensor = optionalDouble("ccdtemperature");
        boolean coolerOn = capabilities.hasCooler() && optionalBoolean("cooleron");
        double setPoint = coolerOn ? optionalDouble("setccdtemperature") : Double.NaN;
        double power = capabilities.hasCooler() ? optionalDouble("coolerpower") : Double.NaN;
        update(s -> new CameraState(s.connection(), s.message(), sensor, coolerOn, setPoint, power, s.exposure(), s.exposureProgress()));
    }

    @Override
    protected CameraState withConnection(CameraState s, ConnectionState connection, String message) {
        return new CameraState(connection, message, s.sensorCelsius(), s.coolerOn(), s.setPointCelsius(), s.coolerPowerPercent(),
                connection.isConnected() ? s.exposure() : ExposureStatus.IDLE, connection.isConnected() ? s.exposureProgress() : 0);
    }

    @Override
    public CompletableFuture<Void> setCooler(Double setPointCelsius) {
        return alpacaCommand("set the cooler", () -> {
            if (!capabilities.hasCooler()) {
                throw new IllegalArgumentException(info().name() + " has no cooler with a set-point");
            }
            if (setPointCelsius != null && !Double.isFinite(setPointCelsius)) {
                throw new IllegalArgumentException(info().name() + ": cooler set-point " + setPointCelsius + " °C is not a number");
            }
            if (setPointCelsius != null) {
                alpaca().put("setccdtemperature", "SetCCDTemperature", AlpacaClient.number("Cooler set-point", setPointCelsius));
            }
            alpaca().put("cooleron", "CoolerOn", String.valueOf(setPointCelsius != null));
            refresh();
            return null;
        });
    }

    @Override
    public CompletableFuture<Frame> expose(ExposureRequest request, Progress progress) {
        Progress report = progress == null ? Progress.NONE : progress;
        return alpacaCommand("expose", () -> {
            CameraCapabilities camera = capabilities;
            request.check(camera);
            int bin = request.binning();
            ExposureRequest.Region region = request.region() != null ? request.region()
                    : new ExposureRequest.Region(0, 0, camera.width(), camera.height());
            int startX = region.x() / bin;
            int startY = region.y() / bin;
            int numX = Math.max(1, region.width() / bin);
            int numY = Math.max(1, region.height() / bin);
            AlpacaClient alpaca = alpaca();
            alpaca.put("binx", "BinX", String.valueOf(bin));
            alpaca.put("biny", "BinY", String.valueOf(bin));
            alpaca.put("startx", "StartX", String.valueOf(startX));
            alpaca.put("starty", "StartY", String.valueOf(startY));
            alpaca.put("numx", "NumX", String.valueOf(numX));
            alpaca.put("numy", "NumY", String.valueOf(numY));
            if (request.gain() != null && hasGain) {
                alpaca.put("gain", "Gain", String.valueOf(request.gain()));
            }
            if (request.offset() != null && hasOffset) {
                alpaca.put("offset", "Offset", String.valueOf(request.offset()));
            }
            if (hasReadoutModes) {
                alpaca.put("readoutmode", "ReadoutMode", String.valueOf(request.readoutMode()));
            }
            boolean light = request.type() == ImageType.LIGHT || request.type() == ImageType.FLAT;
            Instant start = Instant.now();
            try {
                alpaca.put("startexposure", "Duration", AlpacaClient.number("Exposure time", request.seconds()), "Light", String.valueOf(light));
                update(s -> new CameraState(s.connection(), "", s.sensorCelsius(), s.coolerOn(), s.setPointCelsius(), s.coolerPowerPercent(),
                        ExposureStatus.EXPOSING, 0));
                waitForImage(request.seconds(), start, report);
                publishExposure(ExposureStatus.DOWNLOADING, 1);
                report.report(1, "Downloading");
                ImagePixels image = alpaca.imageArray(numX, numY, maxAdu);
                BayerPattern pattern = bin == 1 && sensorPattern != null ? sensorPattern.shifted(startX & 1, startY & 1) : null;
                return Frame.of(numX, numY, image.pixels(), pattern, metadata(request, start, bin));
            } catch (InterruptedException e) {
                Thread.interrupted(); // the abort below must reach the camera
                if (camera.canAbort() && state().connection().isConnected()) {
                    alpaca.put("abortexposure");
                }
                throw e;
            } finally {
                if (state().connection().isConnected()) {
                    publishExposure(ExposureStatus.IDLE, 0);
                }
            }
        });
    }

    /** Polls the camera until its image is ready, reporting progress. */
    private void waitForImage(double seconds, Instant start, Progress progress) throws InterruptedException {
        boolean percentKnown = true;
        Duration limit = limit(Duration.ofSeconds((long) Math.ceil(seconds) + READOUT_LIMIT_SECONDS));
        long deadline = deadline(limit);
        while (true) {
            checkDeadline(deadline, "the exposure", limit, capabilities.canAbort() ? "abortexposure" : null);
            if (alpaca().getBoolean("imageready")) {
                return;
            }
            int cameraState = alpaca().getInt("camerastate");
            if (cameraState == CAMERA_ERROR) {
                throw AlpacaException.refused(info().name() + ": the camera reports an error during the exposure", 0);
            }
            if (cameraState == CAMERA_IDLE && secondsSince(start) > seconds + 60) {
                throw AlpacaException.refused(info().name() + ": the camera is idle but no image is ready", 0);
            }
            double fraction = Math.min(1, secondsSince(start) / Math.max(seconds, 1e-3));
            if (percentKnown) {
                try {
                    fraction = Math.max(0, Math.min(100, alpaca().getInt("percentcompleted"))) / 100.0;
                } catch (AlpacaException e) {
                    if (!e.notImplemented() && e.errorNumber() != AlpacaErrors.INVALID_OPERATION) {
                        throw e;
                    }
                    percentKnown = false;
                }
            }
            boolean reading = cameraState == CAMERA_READING || cameraState == CAMERA_DOWNLOAD;
            publishExposure(reading ? ExposureStatus.DOWNLOADING : ExposureStatus.EXPOSING, fraction);
            progress.report(fraction, reading ? "Reading out" : String.format("Exposing %.1f s of %.1f s", seconds * fraction, seconds));
            Thread.sleep(cameraState == CAMERA_EXPOSING && seconds > 2 ? 4 * POLL_MILLIS : POLL_MILLIS);
        }
    }

    private void publishExposure(ExposureStatus status, double fraction) {
        update(s -> new CameraState(s.connection(), s.message(), s.sensorCelsius(), s.coolerOn(), s.setPointCelsius(), s.coolerPowerPercent(),
                status, fraction));
    }

    private FrameMetadata metadata(ExposureRequest request, Instant start, int bin) throws InterruptedException {
        Integer gain = hasGain ? alpaca().getInt("gain") : null;
        Integer offset = hasOffset ? alpaca().getInt("offset") : null;
        CameraState now = state();
        double pixel = capabilities.pixelSizeMicrons() * bin;
        return FrameMetadata.builder().imageType(request.type()).startTime(start).exposureSeconds(request.seconds())
                .camera(new CameraSettings(info().name(), bin, bin, gain, offset, null, pixel, pixel,
                        now.coolerOn() ? now.setPointCelsius() : null, Double.isNaN(now.sensorCelsius()) ? null : now.sensorCelsius(),
                        capabilities.readoutModes().get(request.readoutMode()), null))
                .build();
    }

    private static double secondsSince(Instant start) {
        return java.time.Duration.between(start, Instant.now()).toNanos() / 1e9;
    }
}
