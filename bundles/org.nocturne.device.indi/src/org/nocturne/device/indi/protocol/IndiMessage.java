package org.nocturne.device.indi.protocol;

import java.util.Map;

/** One top-level message of the server's stream. */
public sealed interface IndiMessage {

    /**
     * A def*Vector (definition) or set*Vector (update).
     *
     * @param state the state given, or null when a set message leaves it out
     * @param timeoutSeconds the timeout given, NaN when left out
     * @param message the driver's message attribute, empty when none
     */
    record Vector(boolean definition, PropertyType type, String device, String name, PropertyState state, String perm,
            double timeoutSeconds, String rule, String message, Map<String, IndiElement> elements) implements IndiMessage {
    }

    /** delProperty: one property deleted, or (name null) every property of the device. */
    record Delete(String device, String name, String message) implements IndiMessage {
    }

    /** A message from a driver (device may be empty for the server's own). */
    record Message(String device, String message) implements IndiMessage {
    }
}
