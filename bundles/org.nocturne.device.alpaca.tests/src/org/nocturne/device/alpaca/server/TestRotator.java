package org.nocturne.device.alpaca.server;

/**
 * A rotator turning 120° a second. The sky position angle is the mechanical angle plus the offset a sync sets
 * (IRotatorV3: {@code position} is the synced angle, {@code mechanicalposition} the mechanical one).
 */
public final class TestRotator extends SimulatedDevice {

    private final Travel travel = new Travel(0, 120);
    private double offset;

    TestRotator() {
        super("rotator", 0, "Test rotator");
    }

    @Override
    Object member(AlpacaRequest request) throws AlpacaError, BadRequest {
        return switch (request.member) {
            case "mechanicalposition" -> normalised(travel.position());
            case "position" -> normalised(travel.position() + offset);
            case "targetposition" -> normalised(travel.target() + offset);
            case "ismoving" -> travel.moving();
            case "canreverse" -> true;
            case "reverse" -> request.isPut() ? VOID : false;
            case "stepsize" -> 0.01;
            case "movemechanical" -> {
                travel.moveTo(angle(request));
                yield VOID;
            }
            case "moveabsolute" -> {
                travel.moveTo(normalised(angle(request) - offset));
                yield VOID;
            }
            case "move" -> {
                requirePut(request);
                travel.moveTo(normalised(travel.position() + request.decimal("Position")));
                yield VOID;
            }
            case "sync" -> {
                offset = angle(request) - travel.position();
                yield VOID;
            }
            case "halt" -> {
                requirePut(request);
                travel.halt();
                yield VOID;
            }
            default -> throw AlpacaError.notImplemented(request.member);
        };
    }

    private static double angle(AlpacaRequest request) throws AlpacaError, BadRequest {
        requirePut(request);
        double angle = request.decimal("Position");
        if (!(angle >= 0 && angle < 360)) {
            throw AlpacaError.invalidValue("Position " + angle + " is outside 0 to 360");
        }
        return angle;
    }

    private static double normalised(double degrees) {
        double angle = degrees % 360;
        return angle < 0 ? angle + 360 : angle;
    }
}
