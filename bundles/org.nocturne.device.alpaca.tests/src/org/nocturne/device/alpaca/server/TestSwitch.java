package org.nocturne.device.alpaca.server;

import java.util.List;

/**
 * A power box (ISwitchV2 members with parameter {@code Id}): two dew heaters 0..100 %, a 12 V port on/off and a
 * read-only input voltage. Writing a read-only switch is NotImplemented, a value out of range InvalidValue.
 */
public final class TestSwitch extends SimulatedDevice {

    private record Channel(String name, double min, double max, double step, boolean writable) {
    }

    private static final List<Channel> CHANNELS = List.of(new Channel("Dew heater 1", 0, 100, 1, true), new Channel("12 V port 1", 0, 1, 1, true),
            new Channel("Input voltage", 0, 20, 0.1, false), new Channel("Dew heater 2", 0, 100, 1, true));
    private final double[] values = { 0, 0, 12.3, 0 };

    TestSwitch() {
        super("switch", 0, "Test power box");
    }

    @Override
    int interfaceVersion() {
        return 2;
    }

    @Override
    Object member(AlpacaRequest request) throws AlpacaError, BadRequest {
        if (request.member.equals("maxswitch")) {
            return CHANNELS.size();
        }
        int id = request.integer("Id");
        if (id < 0 || id >= CHANNELS.size()) {
            throw AlpacaError.invalidValue("Id " + id + " is outside 0 to " + (CHANNELS.size() - 1));
        }
        Channel channel = CHANNELS.get(id);
        return switch (request.member) {
            case "getswitchname" -> channel.name();
            case "getswitchdescription" -> channel.name() + " of the test power box";
            case "minswitchvalue" -> channel.min();
            case "maxswitchvalue" -> channel.max();
            case "switchstep" -> channel.step();
            case "canwrite" -> channel.writable();
            case "getswitchvalue" -> values[id];
            case "getswitch" -> values[id] > channel.min();
            case "setswitchvalue" -> {
                requirePut(request);
                set(id, channel, request.decimal("Value"));
                yield VOID;
            }
            case "setswitch" -> {
                requirePut(request);
                set(id, channel, request.bool("State") ? channel.max() : channel.min());
                yield VOID;
            }
            default -> throw AlpacaError.notImplemented(request.member);
        };
    }

    private void set(int id, Channel channel, double value) throws AlpacaError {
        if (!channel.writable()) {
            throw AlpacaError.notImplemented("Writing switch " + id);
        }
        if (!(value >= channel.min() && value <= channel.max())) {
            throw AlpacaError.invalidValue("Value " + value + " is outside " + channel.min() + " to " + channel.max());
        }
        values[id] = value;
    }
}
