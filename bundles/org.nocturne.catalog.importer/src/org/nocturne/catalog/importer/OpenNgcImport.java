package org.nocturne.catalog.importer;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.nocturne.catalog.deepsky.DeepSkyObject;
import org.nocturne.catalog.deepsky.ObjectType;
import org.nocturne.core.sky.Equatorial;
import org.sqlite.JDBC;

/**
 * Reads OpenNGC (release v20210306, CC-BY-SA-4.0) from the SQLite catalog KStars ships ({@code OpenNGC.kscat} in
 * Debian's {@code kstars-data}). In that table {@code name} is the preferred designation (the Messier number where
 * there is one), {@code long_name} lists common names and cross-identifications together, and {@code type} is KStars'
 * object type.
 */
public final class OpenNgcImport {

    static final List<String> PROVENANCE = List.of(
            "OpenNGC v20210306 by Mattia Verga and contributors, https://github.com/mattiaverga/OpenNGC",
            "Licence: CC-BY-SA-4.0 (https://creativecommons.org/licenses/by-sa/4.0/). This file is an adaptation, shared under the same licence.",
            "Read from OpenNGC.kscat of Debian's kstars-data 5:3.6.2-2; constellations from the IAU boundaries (d3-celestial, BSD-3-Clause).",
            "Imported by org.nocturne.catalog.importer; do not edit by hand.");

    /** A cross-identification rather than a common name: a catalog prefix followed by a number. */
    private static final Pattern DESIGNATION = Pattern.compile(
            "^(M|NGC|IC|PGC|UGC|UGCA|MCG|ESO|CGCG|Cr|Mel|Sh2|LBN|LDN|Ced|vdB|Abell|Arp|HCG|B|C|Tr|Pal|Mrk|IRAS|2MASX|PK|PN G|Stock|King|Be|Ru|H|Hickson)[ -]?[-+]?\\d.*");
    private static final Pattern CATALOG_NUMBER = Pattern.compile("^(NGC|IC) ?0*(\\d+)(.*)$");

    private OpenNgcImport() {
    }

    /** The objects, sorted by catalog (Messier, NGC, IC) and number. */
    public static List<DeepSkyObject> read(Path kscat, ConstellationBoundaries boundaries) throws IOException {
        List<DeepSkyObject> objects = new ArrayList<>();
        try (Connection connection = new JDBC().connect("jdbc:sqlite:file:" + kscat.toAbsolutePath() + "?mode=ro", new Properties());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "select name, long_name, catalog_identifier, type, ra, dec, magnitude, major_axis, minor_axis, position_angle from cat")) {
            while (rows.next()) {
                objects.add(object(rows, boundaries));
            }
        } catch (SQLException e) {
            throw new IOException("Cannot read OpenNGC from " + kscat + ": " + e.getMessage(), e);
        }
        objects.sort(Comparator.comparing(OpenNgcImport::sortKey));
        return objects;
    }

    private static DeepSkyObject object(ResultSet row, ConstellationBoundaries boundaries) throws SQLException {
        String name = row.getString("name").trim();
        Set<String> designations = new LinkedHashSet<>();
        designations.add(name);
        designations.add(catalogDesignation(row.getString("catalog_identifier")));
        List<String> commonNames = new ArrayList<>();
        String longName = row.getString("long_name");
        if (longName != null) {
            for (String part : longName.split(",")) {
                String text = part.trim();
                if (text.isEmpty()) {
                    continue;
                }
                if (DESIGNATION.matcher(text).matches()) {
                    designations.add(text);
                } else if (!commonNames.contains(text)) {
                    commonNames.add(text);
                }
            }
        }
        Equatorial position = Equatorial.ofHoursDegrees(row.getDouble("ra") / 15, row.getDouble("dec"));
        return new DeepSkyObject(name, new ArrayList<>(designations), commonNames, type(row.getInt("type")),
                boundaries.constellationOf(position), position, number(row, "magnitude"), number(row, "major_axis"),
                number(row, "minor_axis"), number(row, "position_angle"));
    }

    /** "NGC0224" → "NGC 224", "IC0434" → "IC 434", "NGC5194A"? → "NGC 5194A". */
    static String catalogDesignation(String identifier) {
        Matcher matcher = CATALOG_NUMBER.matcher(identifier.trim());
        return matcher.matches() ? matcher.group(1) + " " + matcher.group(2) + matcher.group(3) : identifier.trim();
    }

    /** KStars' SkyObject::TYPE numbers, as OpenNGC.kscat uses them. */
    private static ObjectType type(int kstarsType) {
        return switch (kstarsType) {
            case 0 -> ObjectType.STAR;
            case 3 -> ObjectType.OPEN_CLUSTER;
            case 4 -> ObjectType.GLOBULAR_CLUSTER;
            case 5 -> ObjectType.NEBULA;
            case 6 -> ObjectType.PLANETARY_NEBULA;
            case 7 -> ObjectType.SUPERNOVA_REMNANT;
            case 8 -> ObjectType.GALAXY;
            case 13 -> ObjectType.ASTERISM;
            case 14 -> ObjectType.GALAXY_CLUSTER;
            case 15 -> ObjectType.DARK_NEBULA;
            case 17 -> ObjectType.MULTIPLE_STAR;
            default -> ObjectType.OTHER;
        };
    }

    private static double number(ResultSet row, String column) throws SQLException {
        double value = row.getDouble(column);
        return row.wasNull() ? Double.NaN : value;
    }

    /** Messier first by number, then NGC and IC by number and suffix. */
    private static String sortKey(DeepSkyObject object) {
        String id = object.id();
        Matcher messier = Pattern.compile("^M (\\d+)$").matcher(id);
        if (messier.matches()) {
            return String.format("0 %05d", Integer.parseInt(messier.group(1)));
        }
        Matcher catalog = CATALOG_NUMBER.matcher(id);
        if (catalog.matches()) {
            return (catalog.group(1).equals("NGC") ? "1 " : "2 ") + String.format("%05d", Integer.parseInt(catalog.group(2))) + catalog.group(3);
        }
        return "3 " + id;
    }
}
