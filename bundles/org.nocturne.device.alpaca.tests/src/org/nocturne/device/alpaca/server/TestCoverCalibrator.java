package org.nocturne.device.alpaca.server;

/** A flat panel with a motorised cover that takes half a second to open or close and a light of 0..255 that warms up for 0.2 s. */
public final class TestCoverCalibrator extends SimulatedDevice {

    static final int MAX_BRIGHTNESS = 255;
    private static final long WARM_UP_NANOS = 200_000_000L;
    /** 0 closed .. 1 open. */
    private final Travel cover = new Travel(1, 2);
    private int brightness;
    private long readyAt;
    private boolean coverError;

    TestCoverCalibrator() {
        super("covercalibrator", 0, "Test flat panel");
    }

    /** Makes the cover report an error (CoverStatus 5), or stop reporting it. */
    public synchronized void coverError(boolean error) {
        coverError = error;
    }

    @Override
    Object member(AlpacaRequest request) throws AlpacaError, BadRequest {
        return switch (request.member) {
            // CoverStatus: 1 closed, 2 moving, 3 open, 5 error
            case "coverstate" -> coverError ? 5 : cover.moving() ? 2 : cover.position() == 1 ? 3 : 1;
            case "covermoving" -> cover.moving();
            // CalibratorStatus: 1 off, 2 not ready, 3 ready
            case "calibratorstate" -> brightness == 0 ? 1 : System.nanoTime() < readyAt ? 2 : 3;
            case "calibratorchanging" -> brightness != 0 && System.nanoTime() < readyAt;
            case "maxbrightness" -> MAX_BRIGHTNESS;
            case "brightness" -> brightness;
            case "opencover" -> {
                requirePut(request);
                cover.moveTo(1);
                yield VOID;
            }
            case "closecover" -> {
                requirePut(request);
                cover.moveTo(0);
                yield VOID;
            }
            case "haltcover" -> {
                requirePut(request);
                cover.halt();
                yield VOID;
            }
            case "calibratoron" -> {
                requirePut(request);
                int value = request.integer("Brightness");
                if (value < 0 || value > MAX_BRIGHTNESS) {
                    throw AlpacaError.invalidValue("Brightness " + value + " is outside 0 to " + MAX_BRIGHTNESS);
                }
                brightness = value;
                readyAt = System.nanoTime() + WARM_UP_NANOS;
                yield VOID;
            }
            case "calibratoroff" -> {
                requirePut(request);
                brightness = 0;
                yield VOID;
            }
            default -> throw AlpacaError.notImplemented(request.member);
        };
    }
}
