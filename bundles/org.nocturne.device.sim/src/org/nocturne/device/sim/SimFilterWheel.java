package org.nocturne.device.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.nocturne.device.api.ConnectionState;
import org.nocturne.device.api.DeviceInfo;
import org.nocturne.device.api.DeviceKind;
import org.nocturne.device.api.SettingDescriptor;
import org.nocturne.device.api.SettingDescriptor.Type;
import org.nocturne.device.api.filterwheel.FilterWheel;
import org.nocturne.device.api.filterwheel.FilterWheelState;
import org.nocturne.device.api.support.SettingValues;

/** A simulated filter wheel: a second per slot turned; each filter's focus offset moves the true best focus. */
final class SimFilterWheel extends SimDevice<FilterWheelState> implements FilterWheel {

    static final List<SettingDescriptor> SETTINGS = List.of(
            SettingDescriptor.of("filters", "Filters", Type.TEXT, "L:0, R:12, G:8, B:20, Ha:-40, OIII:-35, SII:-45", "",
                    "Name:focus offset in steps, comma-separated, in slot order"));

    private final List<Filter> filters;
    private int slot;

    SimFilterWheel(SimulatedObservatory observatory, SettingValues settings) {
        super(new DeviceInfo(SimulatorProvider.ID, "Simulated filter wheel", "Filter wheel of the sky simulator"), DeviceKind.FILTER_WHEEL,
                FilterWheelState.disconnected(), observatory);
        this.filters = parse(settings.text("filters"));
        observatory.setFilter(filters.get(0).name(), filters.get(0).focusOffsetSteps());
    }

    /** "L:0, Ha:-40" → filters. @throws IllegalArgumentException naming the bad entry */
    static List<Filter> parse(String text) {
        List<Filter> parsed = new ArrayList<>();
        for (String entry : text.split(",")) {
            String[] parts = entry.trim().split(":");
            if (parts.length != 2 || parts[0].isBlank()) {
                throw new IllegalArgumentException("Filter \"" + entry.trim() + "\" is not name:offset");
            }
            try {
                parsed.add(new Filter(parts[0].trim(), Integer.parseInt(parts[1].trim())));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Filter \"" + entry.trim() + "\": focus offset is not a whole number", e);
            }
        }
        return List.copyOf(parsed);
    }

    @Override
    public List<Filter> filters() {
        return filters;
    }

    @Override
    protected void openConnection() {
        publish(new FilterWheelState(ConnectionState.CONNECTED, "", slot, false));
    }

    @Override
    protected void closeConnection() {
        // nothing to release
    }

    @Override
    protected FilterWheelState withConnection(FilterWheelState s, ConnectionState connection, String message) {
        return new FilterWheelState(connection, message, s.slot(), s.moving());
    }

    @Override
    public CompletableFuture<Void> select(int target) {
        return command("change filter", () -> {
            if (target < 0 || target >= filters.size()) {
                throw new IllegalArgumentException("Filter slot " + target + " is outside 0 to " + (filters.size() - 1));
            }
            int distance = Math.floorMod(target - slot, filters.size());
            publish(new FilterWheelState(ConnectionState.CONNECTED, "", -1, true));
            try {
                observatory.clock().sleep(Duration.ofSeconds(Math.min(distance, filters.size() - distance)));
                slot = target;
                observatory.setFilter(filters.get(slot).name(), filters.get(slot).focusOffsetSteps());
            } finally {
                publish(new FilterWheelState(ConnectionState.CONNECTED, "", slot, false));
            }
            return null;
        });
    }
}
