package org.nocturne.device.alpaca;

import java.net.URI;
import java.time.Duration;

/**
 * Where one Alpaca device answers: {@code http://host:port/api/v1/{deviceType}/{deviceNumber}/}.
 *
 * @param host the Alpaca server's host name or address
 * @param port its HTTP port
 * @param deviceType the Alpaca device type, lower case ("camera", "telescope")
 * @param deviceNumber the device's number on that server
 * @param timeout how long one request may take before the device counts as silent
 */
public record AlpacaEndpoint(String host, int port, String deviceType, int deviceNumber, Duration timeout) {

    public AlpacaEndpoint {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("Alpaca host is empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("Alpaca port " + port + " is not a TCP port (1 to 65535)");
        }
        if (deviceNumber < 0) {
            throw new IllegalArgumentException("Alpaca device number " + deviceNumber + " is negative");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("Alpaca request timeout " + timeout + " is not positive");
        }
    }

    /** The URI of a member of this device ({@code member} lower case). */
    URI member(String member) {
        return server().resolve("/api/v1/" + deviceType + "/" + deviceNumber + "/" + member);
    }

    /** The server's root URI. */
    URI server() {
        String literal = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return URI.create("http://" + literal + ":" + port + "/");
    }

    /** For the user: "Alpaca camera 0 on localhost:11111". */
    String label() {
        return "Alpaca " + deviceType + " " + deviceNumber + " on " + host + ":" + port;
    }
}
