package org.nocturne.device.alpaca;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.nocturne.device.api.ConnectionState;
import org.nocturne.device.api.DeviceKind;
import org.nocturne.device.api.filterwheel.FilterWheel;
import org.nocturne.device.api.filterwheel.FilterWheelState;

/**
 * An Alpaca filter wheel: {@code names} and {@code focusoffsets} read on connect; {@code PUT position} turns it, and
 * {@code position} reads −1 until it has stopped.
 */
final class AlpacaFilterWheel extends AlpacaDevice<FilterWheelState> implements FilterWheel {

    private static final long POLL_MILLIS = 100;
    /** Longer than the slowest real wheel turning half a round. */
    private static final Duration MOTION_LIMIT = Duration.ofMinutes(2);

    private volatile List<Filter> filters = List.of();

    AlpacaFilterWheel(AlpacaEndpoint endpoint) {
        super(endpoint, DeviceKind.FILTER_WHEEL, FilterWheelState.disconnected());
    }

    /** The filters, read on connect; empty before the first connection. */
    @Override
    public List<Filter> filters() {
        return filters;
    }

    @Override
    protected void readDevice() throws InterruptedException {
        List<String> names = alpaca().getStrings("names");
        List<Integer> offsets = alpaca().getInts("focusoffsets");
        if (names.size() != offsets.size()) {
            throw AlpacaException.broken(info().name() + ": " + names.size() + " filter names but " + offsets.size() + " focus offsets", null);
        }
        List<Filter> read = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            read.add(new Filter(names.get(i), offsets.get(i)));
        }
        filters = List.copyOf(read);
    }

    @Override
    protected void refresh() throws InterruptedException {
        int position = alpaca().getInt("position");
        if (position < -1 || position >= filters.size()) {
            throw AlpacaException.broken(info().name() + ": position " + position + " is not a slot of the " + filters.size() + "-slot wheel", null);
        }
        update(s -> new FilterWheelState(s.connection(), s.message(), position, position == -1));
    }

    @Override
    protected FilterWheelState withConnection(FilterWheelState s, ConnectionState connection, String message) {
        return new FilterWheelState(connection, message, s.slot(), s.moving());
    }

    @Override
    public CompletableFuture<Void> select(int slot) {
        return alpacaCommand("select a filter", () -> {
            if (slot < 0 || slot >= filters.size()) {
                throw new IllegalArgumentException("Filter slot " + slot + " is outside 0 to " + (filters.size() - 1));
            }
            alpaca().put("position", "Position", String.valueOf(slot));
            Duration limit = limit(MOTION_LIMIT);
            long deadline = deadline(limit);
            do {
                checkDeadline(deadline, "turning the wheel", limit, null); // ASCOM has no way to stop a wheel
                Thread.sleep(POLL_MILLIS);
                refresh();
            } while (state().slot() == -1);
            if (state().slot() != slot) {
                throw AlpacaException.refused(info().name() + ": the wheel stopped at slot " + state().slot() + ", not " + slot, 0);
            }
            return null;
        });
    }
}
