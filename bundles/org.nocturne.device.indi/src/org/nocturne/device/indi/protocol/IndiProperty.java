package org.nocturne.device.indi.protocol;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One INDI property vector of one device as last received: its definition merged with every update since. Immutable.
 *
 * @param device the device name ("CCD Simulator")
 * @param name the property name ("CCD_EXPOSURE")
 * @param type number, switch, text, light or BLOB
 * @param state Idle, Ok, Busy or Alert
 * @param perm "ro", "wo" or "rw" ("ro" for lights)
 * @param timeoutSeconds the driver's worst-case time for a change, 0 when not given
 * @param rule a switch vector's rule ("OneOfMany", "AtMostOne", "AnyOfMany"), empty otherwise
 * @param elements the members by name, in the driver's order
 * @param updated the connection's change counter when this property was last defined or set
 * @param lastBusy the change counter when it was last set Busy, 0 when never
 */
public record IndiProperty(String device, String name, PropertyType type, PropertyState state, String perm, double timeoutSeconds,
        String rule, Map<String, IndiElement> elements, long updated, long lastBusy) {

    public IndiProperty {
        elements = Collections.unmodifiableMap(new LinkedHashMap<>(elements));
    }

    /** The element called {@code element}, or null. */
    public IndiElement element(String element) {
        return elements.get(element);
    }

    /** The number of element {@code element}, or NaN when there is none. */
    public double number(String element) {
        IndiElement member = elements.get(element);
        return member == null ? Double.NaN : member.number();
    }

    /** The text of element {@code element}, or empty when there is none. */
    public String text(String element) {
        IndiElement member = elements.get(element);
        return member == null ? "" : member.text();
    }

    /** True when switch {@code element} exists and is On. */
    public boolean isOn(String element) {
        IndiElement member = elements.get(element);
        return member != null && member.isOn();
    }

    /** True when clients may change it. */
    public boolean writable() {
        return !"ro".equals(perm);
    }

    /** The first switch that is On, or null. */
    public String onSwitch() {
        return elements.values().stream().filter(IndiElement::isOn).map(IndiElement::name).findFirst().orElse(null);
    }

    /** This property with its BLOB elements' bytes dropped (format kept), once a client has read them. */
    IndiProperty withoutBlobs() {
        Map<String, IndiElement> emptied = new LinkedHashMap<>(elements);
        emptied.replaceAll((key, element) -> element.blob() == null ? element
                : new IndiElement(element.name(), element.label(), element.text(), element.number(), element.min(), element.max(), null,
                        element.format()));
        return new IndiProperty(device, name, type, state, perm, timeoutSeconds, rule, emptied, updated, lastBusy);
    }

    /** This property after a set message: the given elements replaced, state and timeout taken when given. */
    IndiProperty merge(PropertyState newState, double newTimeout, Map<String, IndiElement> changed, long version) {
        Map<String, IndiElement> merged = new LinkedHashMap<>(elements);
        changed.forEach((key, value) -> merged.merge(key, value, IndiElement::withValue));
        PropertyState next = newState == null ? state : newState;
        return new IndiProperty(device, name, type, next, perm, Double.isNaN(newTimeout) ? timeoutSeconds : newTimeout, rule,
                merged, version, next == PropertyState.BUSY ? version : lastBusy);
    }
}
