package org.nocturne.device.indi.protocol;

import java.util.Locale;
import java.util.Map;

/** Builds the client's messages: getProperties, enableBLOB and the new*Vector commands. */
public final class IndiXml {

    private IndiXml() {
    }

    /** {@code <getProperties version='1.7'/>}, for one device when {@code device} is not null. */
    public static String getProperties(String device) {
        return device == null ? "<getProperties version='1.7'/>\n"
                : "<getProperties version='1.7' device='" + escape(device) + "'/>\n";
    }

    /**
     * {@code <enableBLOB device='…' name='…'>Also</enableBLOB>}: BLOBs of one property (or, with {@code property} null,
     * of every property of the device) on this connection; {@code mode} is Never, Also or Only.
     */
    public static String enableBlob(String device, String property, String mode) {
        return "<enableBLOB device='" + escape(device) + "'" + (property == null ? "" : " name='" + escape(property) + "'") + ">" + mode
                + "</enableBLOB>\n";
    }

    /** A newNumberVector with the given members, in the given order. */
    public static String newNumbers(String device, String property, Map<String, Double> values) {
        StringBuilder xml = open("Number", device, property);
        values.forEach((name, value) -> member(xml, "Number", name, String.format(Locale.ROOT, "%.12g", value)));
        return close(xml, "Number");
    }

    /** A newSwitchVector setting the given members On (true) or Off. */
    public static String newSwitches(String device, String property, Map<String, Boolean> values) {
        StringBuilder xml = open("Switch", device, property);
        values.forEach((name, on) -> member(xml, "Switch", name, on ? "On" : "Off"));
        return close(xml, "Switch");
    }

    /** A newTextVector with the given members. */
    public static String newTexts(String device, String property, Map<String, String> values) {
        StringBuilder xml = open("Text", device, property);
        values.forEach((name, value) -> member(xml, "Text", name, escape(value)));
        return close(xml, "Text");
    }

    private static StringBuilder open(String type, String device, String property) {
        return new StringBuilder("<new").append(type).append("Vector device='").append(escape(device)).append("' name='")
                .append(escape(property)).append("'>");
    }

    private static void member(StringBuilder xml, String type, String name, String value) {
        xml.append("<one").append(type).append(" name='").append(escape(name)).append("'>").append(value).append("</one").append(type)
                .append('>');
    }

    private static String close(StringBuilder xml, String type) {
        return xml.append("</new").append(type).append("Vector>\n").toString();
    }

    /** Escapes text for an attribute or element value. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&apos;").replace("\"", "&quot;");
    }
}
