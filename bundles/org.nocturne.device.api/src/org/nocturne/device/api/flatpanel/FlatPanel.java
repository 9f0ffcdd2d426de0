package org.nocturne.device.api.flatpanel;

import java.util.concurrent.CompletableFuture;

import org.nocturne.device.api.Device;

/** A flat panel, possibly with a dust cover (a "cover calibrator"). */
public interface FlatPanel extends Device<FlatPanelState> {

    /** The largest brightness value; 0 is off. */
    int maxBrightness();

    /** True when it has a motorised cover. */
    boolean hasCover();

    /** Opens (true) or closes the cover; completes when it has stopped. */
    CompletableFuture<Void> setCover(boolean open);

    /** Sets the light's brightness, 0 for off, up to {@link #maxBrightness()}. */
    CompletableFuture<Void> setBrightness(int brightness);
}
