package org.nocturne.device.alpaca.server;

/** A weather station measuring temperature, humidity, dew point, pressure, cloud cover, wind and rain; no sky quality, nothing else. */
public final class TestObservingConditions extends SimulatedDevice {

    private double averagePeriod;

    TestObservingConditions() {
        super("observingconditions", 0, "Test weather station");
    }

    @Override
    Object member(AlpacaRequest request) throws AlpacaError, BadRequest {
        return switch (request.member) {
            case "temperature" -> 8.5;
            case "humidity" -> 72.0;
            case "dewpoint" -> 3.7;
            case "pressure" -> 1013.2;
            case "cloudcover" -> 20.0;
            case "windspeed" -> 2.5;
            case "rainrate" -> 0.0;
            case "timesincelastupdate" -> 1.5;
            case "sensordescription" -> "Test sensor";
            case "averageperiod" -> {
                if (request.isPut()) {
                    double period = request.decimal("AveragePeriod");
                    if (period != 0) {
                        throw AlpacaError.invalidValue("Only instantaneous readings (AveragePeriod 0)");
                    }
                    averagePeriod = period;
                    yield VOID;
                }
                yield averagePeriod;
            }
            case "refresh" -> {
                requirePut(request);
                yield VOID;
            }
            default -> throw AlpacaError.notImplemented(request.member);
        };
    }
}
