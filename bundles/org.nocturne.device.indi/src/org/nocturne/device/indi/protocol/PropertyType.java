package org.nocturne.device.indi.protocol;

/** The five kinds of INDI property vector, with the element names they use on the wire. */
public enum PropertyType {
    NUMBER("Number"), SWITCH("Switch"), TEXT("Text"), LIGHT("Light"), BLOB("BLOB");

    private final String wire;

    PropertyType(String wire) {
        this.wire = wire;
    }

    /** "Number", as in defNumberVector, oneNumber. */
    public String wire() {
        return wire;
    }

    /** The type named by a vector tag such as "setSwitchVector", or null when it is not one. */
    static PropertyType ofVectorTag(String tag) {
        for (PropertyType type : values()) {
            if (tag.equals("def" + type.wire + "Vector") || tag.equals("set" + type.wire + "Vector")) {
                return type;
            }
        }
        return null;
    }
}
