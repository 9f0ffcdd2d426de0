package org.nocturne.device.indi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.nocturne.device.api.ConnectionState;
import org.nocturne.device.api.DeviceException;
import org.nocturne.device.api.DeviceKind;
import org.nocturne.device.api.filterwheel.FilterWheel;
import org.nocturne.device.api.filterwheel.FilterWheelState;
import org.nocturne.device.indi.protocol.IndiProperty;
import org.nocturne.device.indi.protocol.PropertyState;

/**
 * An INDI filter wheel: FILTER_SLOT (slots count from 1 on the wire, from 0 here) and FILTER_NAME
 * (FILTER_SLOT_NAME_1…n). INDI has no focus offsets per filter; they are 0.
 */
final class IndiFilterWheel extends IndiDevice<FilterWheelState> implements FilterWheel {

    /** The most filters a wheel is taken to have; a FILTER_SLOT maximum beyond is nonsense. */
    private static final int MAX_FILTERS = 64;

    private volatile List<Filter> filters = List.of();

    IndiFilterWheel(IndiSettings settings) {
        super(DeviceKind.FILTER_WHEEL, settings, FilterWheelState.disconnected());
    }

    @Override
    public List<Filter> filters() {
        return filters;
    }

    @Override
    protected boolean ready() {
        return property("FILTER_SLOT") != null;
    }

    @Override
    protected void prepare() {
        IndiProperty slot = require("FILTER_SLOT");
        double max = slot.element("FILTER_SLOT_VALUE").max();
        if (!(max >= 1 && max <= MAX_FILTERS)) {
            throw new DeviceException(device + ": FILTER_SLOT's maximum " + max + " is not a number of filters (1 to " + MAX_FILTERS + ")");
        }
        int count = (int) max;
        IndiProperty names = property("FILTER_NAME");
        List<Filter> known = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String name = names == null ? "" : names.text("FILTER_SLOT_NAME_" + i);
            known.add(new Filter(name.isEmpty() ? "Filter " + i : name, 0));
        }
        filters = List.copyOf(known);
    }

    @Override
    public CompletableFuture<Void> select(int slot) {
        return command("select a filter", () -> {
            if (slot < 0 || slot >= filters.size()) {
                throw new IllegalArgumentException("Filter slot " + slot + " is outside 0 to " + (filters.size() - 1));
            }
            IndiProperty property = require("FILTER_SLOT");
            long sent = sendNumbers("FILTER_SLOT", Map.of("FILTER_SLOT_VALUE", slot + 1.0));
            awaitCompletion("FILTER_SLOT", sent, timeoutOf(property, Duration.ofMinutes(1)), p -> Math.round(p.number("FILTER_SLOT_VALUE")) == slot + 1);
            return null;
        });
    }

    @Override
    protected FilterWheelState snapshot(ConnectionState connection, String message) {
        IndiProperty slot = property("FILTER_SLOT");
        boolean moving = slot != null && slot.state() == PropertyState.BUSY;
        int index = slot == null || moving ? -1 : (int) Math.round(slot.number("FILTER_SLOT_VALUE")) - 1;
        return new FilterWheelState(connection, message, index, moving);
    }
}
