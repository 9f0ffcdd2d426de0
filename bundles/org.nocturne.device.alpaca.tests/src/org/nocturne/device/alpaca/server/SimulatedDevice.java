package org.nocturne.device.alpaca.server;

import java.util.List;
import java.util.Map;

/**
 * One device of the test server, with the members every Alpaca device has: {@code connected} (GET/PUT Connected),
 * Platform 7's {@code connect}/{@code connecting}/{@code disconnect} (the connection takes a few hundred
 * milliseconds), and the descriptive members. Other members are refused with NotConnected until connected. Calls
 * come from the server's threads; implementations synchronise on the device.
 */
abstract class SimulatedDevice {

    /** What a void member returns. */
    static final Object VOID = new Object();
    private static final long CONNECT_NANOS = 300_000_000L;

    final String type;
    final int number;
    final String name;
    private boolean connected;
    private long connectingUntil;
    private boolean connectingTarget;

    SimulatedDevice(String type, int number, String name) {
        this.type = type;
        this.number = number;
        this.name = name;
    }

    /** Answers a request: its Value, or {@link #VOID}. */
    final synchronized Object answer(AlpacaRequest request, boolean platform7) throws AlpacaError, BadRequest {
        settleConnection();
        String member = request.member;
        switch (member) {
            case "connected" -> {
                if (request.isPut()) {
                    connected = request.bool("Connected");
                    return VOID;
                }
                return connected;
            }
            case "connect", "disconnect", "connecting" -> {
                if (!platform7) {
                    throw new BadRequest("Unknown method " + member);
                }
                if (member.equals("connecting")) {
                    return connectingUntil != 0;
                }
                requirePut(request);
                connectingTarget = member.equals("connect");
                connectingUntil = System.nanoTime() + CONNECT_NANOS;
                return VOID;
            }
            case "name" -> {
                return name;
            }
            case "description" -> {
                return name + " of the Nocturne Alpaca test server";
            }
            case "driverinfo" -> {
                return "Nocturne Alpaca test server";
            }
            case "driverversion" -> {
                return "1.0";
            }
            case "interfaceversion" -> {
                return interfaceVersion();
            }
            case "supportedactions" -> {
                return List.of();
            }
            default -> {
                if (!connected) {
                    throw new AlpacaError(AlpacaError.NOT_CONNECTED, name + " is not connected");
                }
                return member(request);
            }
        }
    }

    private void settleConnection() {
        if (connectingUntil != 0 && System.nanoTime() >= connectingUntil) {
            connected = connectingTarget;
            connectingUntil = 0;
        }
    }

    static void requirePut(AlpacaRequest request) throws BadRequest {
        if (!request.isPut()) {
            throw new BadRequest(request.member + " takes PUT");
        }
    }

    /** The device's configured-devices entry. */
    Map<String, Object> configured() {
        String deviceType = switch (type) {
            case "filterwheel" -> "FilterWheel";
            case "covercalibrator" -> "CoverCalibrator";
            case "observingconditions" -> "ObservingConditions";
            case "safetymonitor" -> "SafetyMonitor";
            default -> Character.toUpperCase(type.charAt(0)) + type.substring(1);
        };
        return Map.of("DeviceName", name, "DeviceType", deviceType, "DeviceNumber", number,
                "UniqueID", "nocturne-test-" + type + "-" + number);
    }

    int interfaceVersion() {
        return 3;
    }

    /** A member of this kind of device, called while connected, holding the device's lock. */
    abstract Object member(AlpacaRequest request) throws AlpacaError, BadRequest;
}
