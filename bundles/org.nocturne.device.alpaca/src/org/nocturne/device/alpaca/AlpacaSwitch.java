package org.nocturne.device.alpaca;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.nocturne.device.api.ConnectionState;
import org.nocturne.device.api.DeviceKind;
import org.nocturne.device.api.power.Switch;
import org.nocturne.device.api.power.SwitchState;

/**
 * An Alpaca switch device (ISwitchV2 members, parameter {@code Id}): {@code maxswitch}, {@code getswitchname},
 * {@code minswitchvalue}, {@code maxswitchvalue}, {@code canwrite} read on connect; {@code getswitchvalue} and
 * {@code setswitchvalue} (Id, Value) for the values.
 */
final class AlpacaSwitch extends AlpacaDevice<SwitchState> implements Switch {

    /** More channels than any real switch device has; a larger MaxSwitch is nonsense. */
    private static final int MAX_CHANNELS = 1024;

    private volatile List<Channel> channels = List.of();

    AlpacaSwitch(AlpacaEndpoint endpoint) {
        super(endpoint, DeviceKind.SWITCH, SwitchState.disconnected());
    }

    /** The channels, read on connect; empty before the first connection. */
    @Override
    public List<Channel> channels() {
        return channels;
    }

    @Override
    protected void readDevice() throws InterruptedException {
        int count = alpaca().getInt("maxswitch");
        if (count < 0 || count > MAX_CHANNELS) {
            throw AlpacaException.broken(info().name() + ": MaxSwitch " + count + " is not a possible number of switches", null);
        }
        List<Channel> read = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = String.valueOf(i);
            read.add(new Channel(alpaca().getString("getswitchname", "Id", id), alpaca().getDouble("minswitchvalue", "Id", id),
                    alpaca().getDouble("maxswitchvalue", "Id", id), alpaca().getBoolean("canwrite", "Id", id)));
        }
        channels = List.copyOf(read);
    }

    @Override
    protected void refresh() throws InterruptedException {
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < channels.size(); i++) {
            values.add(alpaca().getDouble("getswitchvalue", "Id", String.valueOf(i)));
        }
        update(s -> new SwitchState(s.connection(), s.message(), values));
    }

    @Override
    protected SwitchState withConnection(SwitchState s, ConnectionState connection, String message) {
        return new SwitchState(connection, message, s.values());
    }

    @Override
    public CompletableFuture<Void> set(int index, double value) {
        return alpacaCommand("set a switch", () -> {
            if (index < 0 || index >= channels.size()) {
                throw new IllegalArgumentException("Switch " + index + " is outside 0 to " + (channels.size() - 1));
            }
            Channel channel = channels.get(index);
            if (!channel.writable()) {
                throw new IllegalArgumentException("Switch \"" + channel.name() + "\" is read-only");
            }
            if (!(value >= channel.min() && value <= channel.max())) {
                throw new IllegalArgumentException("Switch \"" + channel.name() + "\" value " + value + " is outside " + channel.min() + " to "
                        + channel.max());
            }
            alpaca().put("setswitchvalue", "Id", String.valueOf(index), "Value", AlpacaClient.number("Switch value", value));
            refresh();
            return null;
        });
    }
}
