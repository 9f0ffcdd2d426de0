package org.nocturne.device.alpaca.server;

import java.util.List;

/** A seven-slot filter wheel turning five slots a second; its position reads −1 while it turns. */
public final class TestFilterWheel extends SimulatedDevice {

    static final List<String> NAMES = List.of("L", "R", "G", "B", "Ha", "OIII", "SII");
    static final List<Integer> OFFSETS = List.of(0, 12, 10, 15, -20, -18, -25);
    private final Travel travel = new Travel(0, 5);

    TestFilterWheel() {
        super("filterwheel", 0, "Test filter wheel");
    }

    @Override
    Object member(AlpacaRequest request) throws AlpacaError, BadRequest {
        return switch (request.member) {
            case "names" -> NAMES;
            case "focusoffsets" -> OFFSETS;
            case "position" -> {
                if (request.isPut()) {
                    int slot = request.integer("Position");
                    if (slot < 0 || slot >= NAMES.size()) {
                        throw AlpacaError.invalidValue("Position " + slot + " is not a slot");
                    }
                    travel.moveTo(slot);
                    yield VOID;
                }
                yield travel.moving() ? -1 : (int) travel.target();
            }
            default -> throw AlpacaError.notImplemented(request.member);
        };
    }
}
