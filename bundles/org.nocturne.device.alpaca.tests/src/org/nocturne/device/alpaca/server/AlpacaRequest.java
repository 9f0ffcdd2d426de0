package org.nocturne.device.alpaca.server;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One Alpaca request as a device sees it. GET parameter names match in any case; PUT parameter names must match
 * exactly (wrong casing is a {@link BadRequest}, as ConformU expects).
 */
final class AlpacaRequest {

    final String method;
    final String member;
    private final Map<String, String> parameters;

    AlpacaRequest(String method, String member, String encoded) {
        this.method = method;
        this.member = member;
        this.parameters = decode(encoded);
    }

    boolean isPut() {
        return method.equals("PUT");
    }

    /** A parameter by its exact Alpaca name, checked as the method requires; null when absent. */
    String optional(String name) throws BadRequest {
        if (parameters.containsKey(name)) {
            return parameters.get(name);
        }
        for (Map.Entry<String, String> entry : parameters.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                if (isPut()) {
                    throw new BadRequest("PUT parameter " + entry.getKey() + " has the wrong casing; expected " + name);
                }
                return entry.getValue();
            }
        }
        return null;
    }

    String text(String name) throws BadRequest {
        String value = optional(name);
        if (value == null) {
            throw new BadRequest("Missing parameter " + name);
        }
        return value;
    }

    int integer(String name) throws BadRequest {
        try {
            return Integer.parseInt(text(name).trim());
        } catch (NumberFormatException e) {
            throw new BadRequest("Parameter " + name + " is not an integer: " + text(name));
        }
    }

    double decimal(String name) throws BadRequest {
        try {
            return Double.parseDouble(text(name).trim());
        } catch (NumberFormatException e) {
            throw new BadRequest("Parameter " + name + " is not a number: " + text(name));
        }
    }

    boolean bool(String name) throws BadRequest {
        String value = text(name).trim().toLowerCase(Locale.ROOT);
        if (!value.equals("true") && !value.equals("false")) {
            throw new BadRequest("Parameter " + name + " is not a boolean: " + value);
        }
        return value.equals("true");
    }

    /** The ClientTransactionID (uint32), 0 when absent. */
    long clientTransaction() throws BadRequest {
        String value = optional("ClientTransactionID");
        if (value == null) {
            return 0;
        }
        try {
            long id = Long.parseLong(value.trim());
            if (id < 0 || id > 0xFFFF_FFFFL) {
                throw new NumberFormatException(value);
            }
            return id;
        } catch (NumberFormatException e) {
            throw new BadRequest("ClientTransactionID " + value + " is not a uint32");
        }
    }

    private static Map<String, String> decode(String encoded) {
        Map<String, String> map = new HashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return map;
        }
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            map.put(name, value);
        }
        return map;
    }
}
