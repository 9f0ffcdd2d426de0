package org.nocturne.device.alpaca.server;

/** An absolute focuser of 50000 steps that moves 5000 steps a second and reads 12.5 °C. */
public final class TestFocuser extends SimulatedDevice {

    static final int MAX_STEP = 50_000;
    private final Travel travel = new Travel(25_000, 5_000);

    TestFocuser() {
        super("focuser", 0, "Test focuser");
    }

    @Override
    Object member(AlpacaRequest request) throws AlpacaError, BadRequest {
        return switch (request.member) {
            case "absolute" -> true;
            case "maxstep", "maxincrement" -> MAX_STEP;
            case "stepsize" -> 4.5;
            case "temperature" -> 12.5;
            case "tempcompavailable", "tempcomp" -> false;
            case "position" -> (int) Math.round(travel.position());
            case "ismoving" -> travel.moving();
            case "move" -> {
                requirePut(request);
                int position = request.integer("Position");
                if (position < 0 || position > MAX_STEP) {
                    throw AlpacaError.invalidValue("Position " + position + " is outside 0 to " + MAX_STEP);
                }
                travel.moveTo(position);
                yield VOID;
            }
            case "halt" -> {
                requirePut(request);
                travel.halt();
                travel.set(Math.round(travel.position()));
                yield VOID;
            }
            default -> throw AlpacaError.notImplemented(request.member);
        };
    }
}
