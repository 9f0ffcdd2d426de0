package org.nocturne.device.alpaca.server;

import java.util.List;

/**
 * A cooled 640×480 camera. Exposures take their real time, then 100 ms of readout. The image has a known pattern,
 * {@link #pattern}, at each binned sensor pixel, so that tests can check orientation, regions and binning pixel for
 * pixel; how it is sent is {@link #encoding(Encoding)}.
 */
public final class TestCamera extends SimulatedDevice {

    public static final int WIDTH = 640;
    public static final int HEIGHT = 480;
    private static final int MAX_BIN = 4;
    private static final long READOUT_NANOS = 100_000_000L;

    /** How the image goes on the wire: ImageBytes in a transmission type (the image type is Int32), or JSON only. */
    public enum Encoding {
        /** Values 0..65535 sent as UInt16, as Alpaca servers do for 16-bit Int32 images. */
        UINT16(8, 65_536),
        /** Values up to 99999 (beyond 16 bits) sent as Int32. */
        INT32(2, 100_000),
        /** Values 0..32767 sent as Int16. */
        INT16(1, 32_768),
        /** Values 0..255 sent as Byte. */
        BYTE(6, 256),
        /** No ImageBytes: JSON columns, values 0..65535. */
        JSON_ONLY(0, 65_536);

        final int transmissionType;
        final int range;

        Encoding(int transmissionType, int range) {
            this.transmissionType = transmissionType;
            this.range = range;
        }

        /** The largest value sent. */
        public int maxValue() {
            return range - 1;
        }
    }

    private Encoding encoding = Encoding.UINT16;
    private int sensorType;
    private int binX = 1;
    private int binY = 1;
    private int startX;
    private int startY;
    private int numX = WIDTH;
    private int numY = HEIGHT;
    private int gain = 100;
    private int offset = 10;
    private int readoutMode;
    private boolean coolerOn;
    private double setPoint = -10;
    private long exposureStart;
    private long exposureEnd;
    private boolean exposing;
    private boolean imageReady;
    private TestImage image;

    TestCamera() {
        super("camera", 0, "Test camera");
    }

    /** The value of binned sensor pixel (x, y) at binning {@code bin}, for images of {@code encoding}. */
    public static int pattern(int x, int y, int bin, Encoding encoding) {
        return (int) (((long) x * 131 + (long) y * 7 + (long) x * y + bin * 1000L) % encoding.range);
    }

    public synchronized void encoding(Encoding how) {
        encoding = how;
    }

    synchronized boolean imageBytes() {
        return encoding != Encoding.JSON_ONLY;
    }

    /** Makes it a one-shot-colour sensor (ASCOM SensorType 2, RGGB at the Bayer offsets 0, 0), or mono. */
    public synchronized void colour(boolean rggb) {
        sensorType = rggb ? 2 : 0;
    }

    @Override
    Object member(AlpacaRequest request) throws AlpacaError, BadRequest {
        settle();
        return switch (request.member) {
            case "cameraxsize" -> WIDTH;
            case "cameraysize" -> HEIGHT;
            case "pixelsizex", "pixelsizey" -> 3.76;
            case "maxbinx", "maxbiny" -> MAX_BIN;
            case "maxadu" -> 65_535;
            case "sensortype" -> sensorType;
            case "bayeroffsetx", "bayeroffsety" -> {
                if (sensorType == 0) {
                    throw AlpacaError.notImplemented(request.member);
                }
                yield 0;
            }
            case "exposuremin" -> 0.0;
            case "exposuremax" -> 3600.0;
            case "canabortexposure", "canstopexposure", "cansetccdtemperature", "cangetcoolerpower" -> true;
            case "gainmin", "offsetmin" -> 0;
            case "gainmax" -> 400;
            case "offsetmax" -> 200;
            case "gains", "offsets" -> throw AlpacaError.notImplemented(request.member);
            case "readoutmodes" -> List.of("Normal", "Fast");
            case "electronsperadu" -> 1.0;
            case "ccdtemperature" -> coolerOn ? setPoint + 0.2 : 15.0;
            case "coolerpower" -> coolerOn ? 42.0 : 0.0;
            case "cooleron" -> {
                if (request.isPut()) {
                    coolerOn = request.bool("CoolerOn");
                    yield VOID;
                }
                yield coolerOn;
            }
            case "setccdtemperature" -> {
                if (request.isPut()) {
                    double value = request.decimal("SetCCDTemperature");
                    if (value < -60 || value > 40) {
                        throw AlpacaError.invalidValue("SetCCDTemperature " + value + " is outside -60 to 40");
                    }
                    setPoint = value;
                    yield VOID;
                }
                yield setPoint;
            }
            case "binx" -> {
                binX = intSetting(request, "BinX", binX, 1, MAX_BIN);
                yield request.isPut() ? VOID : binX;
            }
            case "biny" -> {
                binY = intSetting(request, "BinY", binY, 1, MAX_BIN);
                yield request.isPut() ? VOID : binY;
            }
            case "startx" -> {
                startX = intSetting(request, "StartX", startX, 0, Integer.MAX_VALUE);
                yield request.isPut() ? VOID : startX;
            }
            case "starty" -> {
                startY = intSetting(request, "StartY", startY, 0, Integer.MAX_VALUE);
                yield request.isPut() ? VOID : startY;
            }
            case "numx" -> {
                numX = intSetting(request, "NumX", numX, 1, Integer.MAX_VALUE);
                yield request.isPut() ? VOID : numX;
            }
            case "numy" -> {
                numY = intSetting(request, "NumY", numY, 1, Integer.MAX_VALUE);
                yield request.isPut() ? VOID : numY;
            }
            case "gain" -> {
                gain = intSetting(request, "Gain", gain, 0, 400);
                yield request.isPut() ? VOID : gain;
            }
            case "offset" -> {
                offset = intSetting(request, "Offset", offset, 0, 200);
                yield request.isPut() ? VOID : offset;
            }
            case "readoutmode" -> {
                readoutMode = intSetting(request, "ReadoutMode", readoutMode, 0, 1);
                yield request.isPut() ? VOID : readoutMode;
            }
            case "startexposure" -> startExposure(request);
            case "abortexposure", "stopexposure" -> {
                requirePut(request);
                exposing = false;
                imageReady = false;
                yield VOID;
            }
            case "camerastate" -> !exposing ? 0 : System.nanoTime() < exposureEnd - READOUT_NANOS ? 2 : 3;
            case "percentcompleted" -> {
                if (!exposing) {
                    yield imageReady ? 100 : 0;
                }
                yield (int) Math.min(100, 100 * (System.nanoTime() - exposureStart) / Math.max(1, exposureEnd - exposureStart));
            }
            case "imageready" -> imageReady;
            case "imagearray" -> {
                if (!imageReady) {
                    throw AlpacaError.invalidOperation("There is no image");
                }
                yield image;
            }
            default -> throw AlpacaError.notImplemented(request.member);
        };
    }

    private Object startExposure(AlpacaRequest request) throws AlpacaError, BadRequest {
        requirePut(request);
        double duration = request.decimal("Duration");
        request.bool("Light");
        if (duration < 0 || duration > 3600) {
            throw AlpacaError.invalidValue("Duration " + duration + " is outside 0 to 3600");
        }
        if (startX + numX > WIDTH / binX || startY + numY > HEIGHT / binY) {
            throw AlpacaError.invalidValue("The region " + startX + "," + startY + " " + numX + "×" + numY + " is not inside the binned sensor");
        }
        if (exposing) {
            throw AlpacaError.invalidOperation("An exposure is in progress");
        }
        exposing = true;
        imageReady = false;
        exposureStart = System.nanoTime();
        exposureEnd = exposureStart + (long) (duration * 1e9) + READOUT_NANOS;
        return VOID;
    }

    /** Ends an exposure whose time is up, making its image. */
    private void settle() {
        if (exposing && System.nanoTime() >= exposureEnd) {
            int[][] values = new int[numX][numY];
            for (int x = 0; x < numX; x++) {
                for (int y = 0; y < numY; y++) {
                    values[x][y] = pattern(startX + x, startY + y, binX, encoding);
                }
            }
            image = new TestImage(numX, numY, values, encoding.transmissionType);
            exposing = false;
            imageReady = true;
        }
    }

    private static int intSetting(AlpacaRequest request, String name, int current, int min, int max) throws AlpacaError, BadRequest {
        if (!request.isPut()) {
            return current;
        }
        int value = request.integer(name);
        if (value < min || value > max) {
            throw AlpacaError.invalidValue(name + " " + value + " is outside " + min + " to " + max);
        }
        return value;
    }
}
