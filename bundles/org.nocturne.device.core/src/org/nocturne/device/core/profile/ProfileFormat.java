package org.nocturne.device.core.profile;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.nocturne.core.sky.ObserverSite;
import org.nocturne.device.api.DeviceKind;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Equipment profiles as JSON files a person can read, edit and compare: UTF-8, two-space indentation, "\n" line ends,
 * keys sorted at every level, numbers in plain decimal notation, and a {@code "format": 1} field. For example:
 *
 * <pre>
 * {
 *   "apertureMm": 80,
 *   "devices": {
 *     "camera": {
 *       "provider": "org.nocturne.device.sim",
 *       "settings": {}
 *     }
 *   },
 *   "focalLengthMm": 400,
 *   "format": 1,
 *   "name": "Simulator",
 *   "site": {
 *     "elevationMeters": 46,
 *     "latitudeDegrees": 51.4769,
 *     "longitudeDegreesEast": -0.0005,
 *     "name": "Royal Observatory Greenwich"
 *   }
 * }
 * </pre>
 *
 * Device kinds are the {@link DeviceKind} names in lower case ("filter_wheel"). Every field is required, settings
 * values are text, and unknown fields are refused rather than dropped, so that saving again never loses what a person
 * wrote. The same profile always gives the same bytes.
 *
 * <p>Thread-safe; reading blocks on file I/O.
 */
final class ProfileFormat {

    /** The format this version writes and reads. */
    static final int VERSION = 1;

    /** Larger files are refused unread: a profile is a few kilobytes. */
    static final long MAX_BYTES = 1 << 20;

    private static final Map<String, DeviceKind> KINDS_BY_KEY = Arrays.stream(DeviceKind.values())
            .collect(Collectors.toMap(ProfileFormat::key, kind -> kind, (a, b) -> a, LinkedHashMap::new));

    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private final ObjectWriter writer = mapper.writer(new DefaultPrettyPrinter(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter("  ", "\n")));

    /** The key a device kind is stored under: "filter_wheel". */
    static String key(DeviceKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    /** The profile as the bytes of its file, ending in a line feed. */
    byte[] write(EquipmentProfile profile) {
        Map<String, Object> site = new TreeMap<>();
        site.put("name", profile.site().name());
        site.put("latitudeDegrees", plain(profile.site().latitudeDegrees()));
        site.put("longitudeDegreesEast", plain(profile.site().longitudeDegrees()));
        site.put("elevationMeters", plain(profile.site().elevationMeters()));
        Map<String, Object> devices = new TreeMap<>();
        profile.devices().forEach((kind, choice) -> {
            Map<String, Object> device = new TreeMap<>();
            device.put("provider", choice.providerId());
            device.put("settings", new TreeMap<>(choice.settings()));
            devices.put(key(kind), device);
        });
        Map<String, Object> root = new TreeMap<>();
        root.put("format", VERSION);
        root.put("name", profile.name());
        root.put("site", site);
        root.put("focalLengthMm", plain(profile.focalLengthMm()));
        root.put("apertureMm", plain(profile.apertureMm()));
        root.put("devices", devices);
        try {
            return (writer.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Jackson could not write maps of text and numbers", e);
        }
    }

    /**
     * Reads the profile in {@code file}.
     *
     * @throws ProfileException naming the file and what is wrong: unreadable, too large, not JSON (with line and
     *             column), or a field missing, of the wrong type, unknown or out of range (with the field's path)
     */
    EquipmentProfile read(Path file) throws ProfileException {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new ProfileException(file, "is " + size + " bytes long; a profile is at most " + MAX_BYTES + " bytes");
            }
            bytes = Files.readAllBytes(file);
        } catch (ProfileException e) {
            throw e;
        } catch (NoSuchFileException e) {
            throw new ProfileException(file, "does not exist", e);
        } catch (AccessDeniedException e) {
            throw new ProfileException(file, "may not be read (access denied)", e);
        } catch (IOException e) {
            throw new ProfileException(file, "cannot be read: " + e.getMessage(), e);
        }
        return parse(file, bytes);
    }

    /** Reads a profile from the bytes of {@code file}; see {@link #read}. */
    EquipmentProfile parse(Path file, byte[] bytes) throws ProfileException {
        JsonNode root;
        try {
            root = mapper.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new ProfileException(file, at(e.getLocation()) + "not valid JSON: " + withoutSource(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new ProfileException(file, "cannot be read: " + e.getMessage(), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new ProfileException(file, "is empty");
        }
        try {
            return profile(root);
        } catch (FieldProblem problem) {
            throw new ProfileException(file, problem.getMessage());
        }
    }

    private static EquipmentProfile profile(JsonNode root) throws FieldProblem {
        if (!root.isObject()) {
            throw new FieldProblem("does not hold a JSON object ({ … }) but " + describe(root));
        }
        checkFormat(root);
        onlyFields(root, "", List.of("format", "name", "site", "focalLengthMm", "apertureMm", "devices"));
        String name = text(root, "", "name");
        ObserverSite site = site(object(root, "", "site"));
        double focalLengthMm = positive(root, "", "focalLengthMm");
        double apertureMm = positive(root, "", "apertureMm");
        Map<DeviceKind, DeviceChoice> devices = devices(object(root, "", "devices"));
        try {
            return new EquipmentProfile(name, site, focalLengthMm, apertureMm, devices);
        } catch (IllegalArgumentException e) {
            throw new FieldProblem("field \"name\": " + e.getMessage());
        }
    }

    private static void checkFormat(JsonNode root) throws FieldProblem {
        JsonNode format = required(root, "", "format");
        if (!format.isIntegralNumber()) {
            throw new FieldProblem("field \"format\" must be the whole number " + VERSION + ", found " + describe(format));
        }
        long version = format.longValue();
        if (version > VERSION) {
            throw new FieldProblem("is in format " + version + ", written by a newer Nocturne; this one reads format " + VERSION);
        }
        if (version != VERSION) {
            throw new FieldProblem("field \"format\" is " + version + "; there is no such format (this Nocturne reads format "
                    + VERSION + ")");
        }
    }

    private static ObserverSite site(JsonNode site) throws FieldProblem {
        onlyFields(site, "site", List.of("name", "latitudeDegrees", "longitudeDegreesEast", "elevationMeters"));
        String name = text(site, "site", "name");
        double latitude = number(site, "site", "latitudeDegrees");
        double longitude = number(site, "site", "longitudeDegreesEast");
        double elevation = number(site, "site", "elevationMeters");
        try {
            return new ObserverSite(name, latitude, longitude, elevation);
        } catch (IllegalArgumentException e) {
            throw new FieldProblem("field \"site\": " + e.getMessage());
        }
    }

    private static Map<DeviceKind, DeviceChoice> devices(JsonNode devices) throws FieldProblem {
        Map<DeviceKind, DeviceChoice> choices = new EnumMap<>(DeviceKind.class);
        for (Map.Entry<String, JsonNode> entry : devices.properties()) {
            DeviceKind kind = KINDS_BY_KEY.get(entry.getKey());
            if (kind == null) {
                throw new FieldProblem("unknown device kind \"" + entry.getKey() + "\" in field \"devices\"; the kinds are "
                        + String.join(", ", KINDS_BY_KEY.keySet()));
            }
            String path = "devices." + entry.getKey();
            if (!entry.getValue().isObject()) {
                throw new FieldProblem("field \"" + path + "\" must be an object ({ … }), found " + describe(entry.getValue()));
            }
            choices.put(kind, choice(entry.getValue(), path));
        }
        return choices;
    }

    private static DeviceChoice choice(JsonNode device, String path) throws FieldProblem {
        onlyFields(device, path, List.of("provider", "settings"));
        String provider = text(device, path, "provider");
        JsonNode settingsNode = object(device, path, "settings");
        Map<String, String> settings = new TreeMap<>();
        for (Map.Entry<String, JsonNode> setting : settingsNode.properties()) {
            if (!setting.getValue().isTextual()) {
                throw new FieldProblem("field \"" + path + ".settings." + setting.getKey() + "\" must be text in quotes, found "
                        + describe(setting.getValue()));
            }
            settings.put(setting.getKey(), setting.getValue().textValue());
        }
        try {
            return new DeviceChoice(provider, settings);
        } catch (IllegalArgumentException e) {
            throw new FieldProblem("field \"" + path + "\": " + e.getMessage());
        }
    }

    private static void onlyFields(JsonNode object, String path, List<String> known) throws FieldProblem {
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            String name = field.getKey();
            if (!known.contains(name)) {
                throw new FieldProblem("unknown field \"" + join(path, name) + "\"; " + (path.isEmpty() ? "a profile" : "\"" + path + "\"")
                        + " holds " + String.join(", ", known));
            }
        }
    }

    private static JsonNode required(JsonNode object, String path, String name) throws FieldProblem {
        JsonNode node = object.get(name);
        if (node == null) {
            throw new FieldProblem("field \"" + join(path, name) + "\" is missing");
        }
        return node;
    }

    private static String text(JsonNode object, String path, String name) throws FieldProblem {
        JsonNode node = required(object, path, name);
        if (!node.isTextual()) {
            throw new FieldProblem("field \"" + join(path, name) + "\" must be text in quotes, found " + describe(node));
        }
        return node.textValue();
    }

    private static double number(JsonNode object, String path, String name) throws FieldProblem {
        JsonNode node = required(object, path, name);
        if (!node.isNumber()) {
            throw new FieldProblem("field \"" + join(path, name) + "\" must be a number, found " + describe(node));
        }
        return node.doubleValue();
    }

    private static double positive(JsonNode object, String path, String name) throws FieldProblem {
        double millimetres = number(object, path, name);
        if (!(millimetres > 0 && Double.isFinite(millimetres))) {
            throw new FieldProblem("field \"" + join(path, name) + "\" must be a positive number of millimetres, found "
                    + describe(object.get(name)));
        }
        return millimetres;
    }

    private static JsonNode object(JsonNode object, String path, String name) throws FieldProblem {
        JsonNode node = required(object, path, name);
        if (!node.isObject()) {
            throw new FieldProblem("field \"" + join(path, name) + "\" must be an object ({ … }), found " + describe(node));
        }
        return node;
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** For the user: {@code text "400"}, {@code the number 400}, {@code a list}. */
    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING -> "text \"" + abbreviate(node.textValue()) + "\"";
            case NUMBER -> "the number " + node.asText();
            case BOOLEAN -> node.asText();
            case NULL -> "null";
            case ARRAY -> "a list ([ … ])";
            case OBJECT -> "an object ({ … })";
            default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return "line " + location.getLineNr() + ", column " + location.getColumnNr() + ": ";
    }

    /** Jackson's message without the "[Source: REDACTED …; line: 1, column: 1]" it puts inside some messages. */
    private static String withoutSource(String message) {
        return message.replaceAll("\\[Source: [^;\\]]*; line: (\\d+), column: (\\d+)\\]", "line $1, column $2");
    }

    private static BigDecimal plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros();
    }

    /** A field that is missing, of the wrong type, unknown or out of range; the message names the field. */
    private static final class FieldProblem extends Exception {

        private static final long serialVersionUID = 1L;

        FieldProblem(String message) {
            super(message);
        }
    }
}
