package org.nocturne.catalog.deepsky;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.nocturne.core.sky.Equatorial;

/**
 * The text file the deep-sky and named-star catalogs ship in: UTF-8, one object a line, tab-separated, with the
 * provenance in leading {@code #} lines and then one header line. Columns: id, designations and common names (each
 * {@code |}-separated), type code ({@link ObjectType#code()}), constellation, right ascension and declination in
 * degrees (ICRS J2000), magnitude, major and minor axis in arc-minutes, position angle in degrees; an empty field is
 * an unknown value.
 */
public final class TargetTable {

    static final String HEADER = "id\tdesignations\tnames\ttype\tconstellation\tra_deg\tdec_deg\tmag\tmajor_arcmin\tminor_arcmin\tpa_deg";
    private static final int COLUMNS = 11;

    private TargetTable() {
    }

    /** Writes objects in this format; the same objects in the same order give the same bytes. */
    public static void write(List<DeepSkyObject> objects, List<String> provenance, Writer out) throws IOException {
        for (String line : provenance) {
            out.write("# " + line + "\n");
        }
        out.write(HEADER + "\n");
        for (DeepSkyObject object : objects) {
            out.write(String.join("\t", object.id(), String.join("|", object.designations()),
                    String.join("|", object.commonNames()), object.type().code(), object.constellation(),
                    number(object.position().raHours() * 15, 6), number(object.position().decDegrees(), 6),
                    number(object.magnitude(), 2), number(object.majorAxisArcmin(), 2), number(object.minorAxisArcmin(), 2),
                    number(object.positionAngleDegrees(), 1)));
            out.write("\n");
        }
    }

    /**
     * Reads a table.
     *
     * @param source names the table in error messages
     * @throws IOException naming the source, line and column of the first bad value
     */
    public static List<DeepSkyObject> read(InputStream in, String source) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        List<DeepSkyObject> objects = new ArrayList<>();
        String line;
        int lineNumber = 0;
        boolean headerSeen = false;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            if (line.startsWith("#") || line.isEmpty()) {
                continue;
            }
            if (!headerSeen) {
                if (!line.equals(HEADER)) {
                    throw new IOException(source + " line " + lineNumber + ": expected the header \"" + HEADER + "\"");
                }
                headerSeen = true;
                continue;
            }
            String[] fields = line.split("\t", -1);
            if (fields.length != COLUMNS) {
                throw new IOException(source + " line " + lineNumber + ": " + fields.length + " columns, expected " + COLUMNS);
            }
            try {
                objects.add(new DeepSkyObject(fields[0], list(fields[1]), list(fields[2]), ObjectType.ofCode(fields[3]), fields[4],
                        Equatorial.ofHoursDegrees(parse(fields[5], "ra_deg") / 15, parse(fields[6], "dec_deg")),
                        parse(fields[7], "mag"), parse(fields[8], "major_arcmin"), parse(fields[9], "minor_arcmin"),
                        parse(fields[10], "pa_deg")));
            } catch (IllegalArgumentException e) {
                throw new IOException(source + " line " + lineNumber + ": " + e.getMessage(), e);
            }
        }
        if (!headerSeen) {
            throw new IOException(source + " has no header line");
        }
        return objects;
    }

    private static List<String> list(String field) {
        return field.isEmpty() ? List.of() : Arrays.asList(field.split("\\|"));
    }

    private static double parse(String field, String column) {
        if (field.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(field);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("column " + column + ": \"" + field + "\" is not a number", e);
        }
    }

    private static String number(double value, int decimals) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
