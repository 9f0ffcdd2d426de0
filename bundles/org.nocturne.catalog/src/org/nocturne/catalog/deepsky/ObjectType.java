package org.nocturne.catalog.deepsky;

/** What kind of object a catalog entry is, in the classes imagers choose targets by. */
public enum ObjectType {
    GALAXY("Galaxy", "G"),
    GALAXY_CLUSTER("Galaxy cluster", "GCl"),
    OPEN_CLUSTER("Open cluster", "OC"),
    GLOBULAR_CLUSTER("Globular cluster", "GC"),
    NEBULA("Nebula", "Neb"),
    PLANETARY_NEBULA("Planetary nebula", "PN"),
    SUPERNOVA_REMNANT("Supernova remnant", "SNR"),
    DARK_NEBULA("Dark nebula", "DN"),
    ASTERISM("Asterism", "Ast"),
    STAR("Star", "*"),
    MULTIPLE_STAR("Multiple star", "**"),
    OTHER("Other", "?");

    private final String label;
    private final String code;

    ObjectType(String label, String code) {
        this.label = label;
        this.code = code;
    }

    /** For the user, for example "Planetary nebula". */
    public String label() {
        return label;
    }

    /** The short code the catalog file uses, for example "PN". */
    public String code() {
        return code;
    }

    /** @throws IllegalArgumentException naming the unknown code */
    public static ObjectType ofCode(String code) {
        for (ObjectType type : values()) {
            if (type.code.equals(code)) {
                return type;
            }
        }
        throw new IllegalArgumentException("Unknown object type code \"" + code + "\"");
    }
}
