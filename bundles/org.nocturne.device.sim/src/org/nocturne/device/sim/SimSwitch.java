package org.nocturne.device.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.nocturne.device.api.ConnectionState;
import org.nocturne.device.api.DeviceInfo;
import org.nocturne.device.api.DeviceKind;
import org.nocturne.device.api.SettingDescriptor;
import org.nocturne.device.api.power.Switch;
import org.nocturne.device.api.power.SwitchState;

/** A simulated power box: four 12 V ports, two dew heaters in percent, and a read-only input voltage. */
final class SimSwitch extends SimDevice<SwitchState> implements Switch {

    static final List<SettingDescriptor> SETTINGS = List.of();

    private static final List<Channel> CHANNELS = List.of(new Channel("12 V port 1", 0, 1, true), new Channel("12 V port 2", 0, 1, true),
            new Channel("12 V port 3", 0, 1, true), new Channel("12 V port 4", 0, 1, true), new Channel("Dew heater A", 0, 100, true),
            new Channel("Dew heater B", 0, 100, true), new Channel("Input voltage", 0, 15, false));

    private final List<Double> values = new ArrayList<>(List.of(1.0, 1.0, 0.0, 0.0, 30.0, 30.0, 12.6));

    SimSwitch(SimulatedObservatory observatory) {
        super(new DeviceInfo(SimulatorProvider.ID, "Simulated power box", "Switches and dew heaters of the sky simulator"), DeviceKind.SWITCH,
                SwitchState.disconnected(), observatory);
    }

    @Override
    public List<Channel> channels() {
        return CHANNELS;
    }

    @Override
    protected void openConnection() {
        publish(new SwitchState(ConnectionState.CONNECTED, "", values));
    }

    @Override
    protected void closeConnection() {
        // ports keep their state
    }

    @Override
    protected SwitchState withConnection(SwitchState s, ConnectionState connection, String message) {
        return new SwitchState(connection, message, s.values());
    }

    @Override
    public CompletableFuture<Void> set(int index, double value) {
        return command("set a switch", () -> {
            if (index < 0 || index >= CHANNELS.size()) {
                throw new IllegalArgumentException("Switch " + index + " is outside 0 to " + (CHANNELS.size() - 1));
            }
            Channel channel = CHANNELS.get(index);
            if (!channel.writable()) {
                throw new IllegalArgumentException(channel.name() + " is read-only");
            }
            if (value < channel.min() || value > channel.max()) {
                throw new IllegalArgumentException(channel.name() + " value " + value + " is outside " + channel.min() + " to " + channel.max());
            }
            values.set(index, value);
            publish(new SwitchState(ConnectionState.CONNECTED, "", values));
            return null;
        });
    }
}
