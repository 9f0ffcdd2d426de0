package org.nocturne.device.alpaca;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.nocturne.device.api.ConnectionState;
import org.nocturne.device.api.DeviceKind;
import org.nocturne.device.api.flatpanel.FlatPanel;
import org.nocturne.device.api.flatpanel.FlatPanelState;

/**
 * An Alpaca cover calibrator as a flat panel: {@code opencover}/{@code closecover} polled on {@code coverstate},
 * {@code calibratoron} (Brightness) and {@code calibratoroff} polled on {@code calibratorstate} until ready.
 */
final class AlpacaFlatPanel extends AlpacaDevice<FlatPanelState> implements FlatPanel {

    /** ASCOM CoverStatus. */
    private static final int COVER_NOT_PRESENT = 0;
    private static final int COVER_CLOSED = 1;
    private static final int COVER_MOVING = 2;
    private static final int COVER_OPEN = 3;
    private static final int COVER_ERROR = 5;
    /** ASCOM CalibratorStatus. */
    private static final int CALIBRATOR_NOT_PRESENT = 0;
    private static final int CALIBRATOR_NOT_READY = 2;
    private static final int CALIBRATOR_ERROR = 5;
    private static final String COVER_ERROR_MESSAGE = "The cover reports an error";
    private static final long POLL_MILLIS = 100;
    /** Longer than the slowest real cover or warming light. */
    private static final Duration MOTION_LIMIT = Duration.ofMinutes(2);

    private volatile int maxBrightness;
    private volatile boolean hasCover;
    private boolean hasCalibrator;

    AlpacaFlatPanel(AlpacaEndpoint endpoint) {
        super(endpoint, DeviceKind.FLAT_PANEL, FlatPanelState.disconnected());
    }

    /** The largest brightness, read on connect; 0 before the first connection or without a light. */
    @Override
    public int maxBrightness() {
        return maxBrightness;
    }

    /** Whether it has a motorised cover, read on connect; false before the first connection. */
    @Override
    public boolean hasCover() {
        return hasCover;
    }

    @Override
    protected void readDevice() throws InterruptedException {
        hasCover = alpaca().getInt("coverstate") != COVER_NOT_PRESENT;
        hasCalibrator = alpaca().getInt("calibratorstate") != CALIBRATOR_NOT_PRESENT;
        maxBrightness = hasCalibrator ? alpaca().getInt("maxbrightness") : 0;
    }

    @Override
    protected void refresh() throws InterruptedException {
        int cover = alpaca().getInt("coverstate");
        int brightness = hasCalibrator ? alpaca().getInt("brightness") : 0;
        boolean open = cover == COVER_OPEN || cover == COVER_NOT_PRESENT;
        String message = cover == COVER_ERROR ? COVER_ERROR_MESSAGE : "";
        update(s -> new FlatPanelState(s.connection(), message, open, cover == COVER_MOVING, brightness));
    }

    @Override
    protected FlatPanelState withConnection(FlatPanelState s, ConnectionState connection, String message) {
        return new FlatPanelState(connection, message, s.coverOpen(), s.coverMoving(), s.brightness());
    }

    @Override
    public CompletableFuture<Void> setCover(boolean open) {
        return alpacaCommand(open ? "open the cover" : "close the cover", () -> {
            if (!hasCover) {
                throw new IllegalArgumentException(info().name() + " has no cover");
            }
            alpaca().put(open ? "opencover" : "closecover");
            int cover;
            Duration limit = limit(MOTION_LIMIT);
            long deadline = deadline(limit);
            try {
                while ((cover = alpaca().getInt("coverstate")) == COVER_MOVING) {
                    checkDeadline(deadline, "the cover", limit, "haltcover");
                    refresh();
                    Thread.sleep(POLL_MILLIS);
                }
            } catch (InterruptedException e) {
                Thread.interrupted();
                alpaca().put("haltcover");
                refresh();
                throw e;
            }
            refresh();
            if (cover != (open ? COVER_OPEN : COVER_CLOSED)) {
                throw AlpacaException.refused(info().name() + ": the cover did not " + (open ? "open" : "close") + " (cover state " + cover + ")", 0);
            }
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> setBrightness(int brightness) {
        return alpacaCommand("set the light", () -> {
            if (brightness < 0 || brightness > maxBrightness) {
                throw new IllegalArgumentException("Brightness " + brightness + " is outside 0 to " + maxBrightness);
            }
            if (!hasCalibrator) {
                throw new IllegalArgumentException(info().name() + " has no light");
            }
            if (brightness == 0) {
                alpaca().put("calibratoroff");
            } else {
                alpaca().put("calibratoron", "Brightness", String.valueOf(brightness));
            }
            int calibrator;
            Duration limit = limit(MOTION_LIMIT);
            long deadline = deadline(limit);
            while ((calibrator = alpaca().getInt("calibratorstate")) == CALIBRATOR_NOT_READY) {
                checkDeadline(deadline, "the light", limit, null);
                Thread.sleep(POLL_MILLIS);
            }
            if (calibrator == CALIBRATOR_ERROR) {
                throw AlpacaException.refused(info().name() + ": the light reports an error", 0);
            }
            refresh();
            return null;
        });
    }
}
