package org.nocturne.device.api.filterwheel;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.nocturne.device.api.Device;

/** A filter wheel. Slots count from 0. */
public interface FilterWheel extends Device<FilterWheelState> {

    /** The filters in slot order, with names and focus offsets. */
    List<Filter> filters();

    /** Turns to a slot and completes when it has stopped there. */
    CompletableFuture<Void> select(int slot);

    /**
     * One filter.
     *
     * @param name what the user calls it ("Ha 7nm")
     * @param focusOffsetSteps focuser steps to add when this filter is in, relative to the reference filter
     */
    record Filter(String name, int focusOffsetSteps) {
    }
}
