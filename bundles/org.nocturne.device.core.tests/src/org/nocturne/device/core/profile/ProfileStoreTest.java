package org.nocturne.device.core.profile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nocturne.core.sky.ObserverSite;
import org.nocturne.device.api.DeviceKind;

class ProfileStoreTest {

    /** A valid profile file as a person might write it; the malformed cases below each break one thing in it. */
    private static final String VALID = """
            {
              "apertureMm": 72,
              "devices": {
                "camera": {
                  "provider": "org.nocturne.device.indi",
                  "settings": {
                    "host": "localhost"
                  }
                }
              },
              "focalLengthMm": 420,
              "format": 1,
              "name": "Broken",
              "site": {
                "elevationMeters": 300,
                "latitudeDegrees": 45.5,
                "longitudeDegreesEast": 7.25,
                "name": "Backyard"
              }
            }
            """;

    @TempDir
    Path directory;

    @Test
    void theFirstStartMakesTheSimulatorProfileAndMarksItLastUsed() throws IOException {
        ProfileStore store = ProfileStore.open(directory.resolve("profiles"));

        EquipmentProfile simulator = store.load("Simulator").orElseThrow();
        assertEquals(List.of("Simulator"), store.list().names());
        assertEquals(Optional.of("Simulator"), store.lastUsed());
        assertEquals(ObserverSite.GREENWICH, simulator.site());
        assertEquals(400, simulator.focalLengthMm());
        assertEquals(80, simulator.apertureMm());
        for (DeviceKind kind : DeviceKind.values()) {
            assertEquals(new DeviceChoice("org.nocturne.device.sim", Map.of()), simulator.device(kind).orElseThrow(), kind.label());
        }
        assertEquals(List.of("last-used.txt", "simulator.json"), fileNames(directory.resolve("profiles")));
    }

    @Test
    void theDefaultProfileIsMadeOnceAndNeverAgain() throws IOException {
        ProfileStore first = ProfileStore.open(directory);
        byte[] simulatorFile = Files.readAllBytes(directory.resolve("simulator.json"));
        ProfileStore.open(directory);
        assertEquals(List.of("last-used.txt", "simulator.json"), fileNames());
        assertArrayEquals(simulatorFile, Files.readAllBytes(directory.resolve("simulator.json")));

        first.save(EquipmentProfile.simulator().withName("Rig"));
        assertTrue(first.delete("Simulator"));
        ProfileStore again = ProfileStore.open(directory);

        assertEquals(List.of("Rig"), again.list().names());
        assertEquals(Optional.empty(), again.lastUsed());
    }

    @Test
    void aDirectoryHoldingOnlyUnreadableProfilesGetsNoDefaultProfile() throws IOException {
        byte[] broken = "{ not json".getBytes(StandardCharsets.UTF_8);
        Files.write(directory.resolve("rig.json"), broken);

        ProfileStore store = ProfileStore.open(directory);

        assertEquals(List.of(), store.list().names());
        assertEquals(1, store.list().problems().size());
        assertEquals(List.of("rig.json"), fileNames());
        assertArrayEquals(broken, Files.readAllBytes(directory.resolve("rig.json")));
    }

    @Test
    void savesListsLoadsReplacesAndDeletesProfiles() throws IOException {
        ProfileStore store = ProfileStore.open(directory);
        EquipmentProfile rig = EquipmentProfile.simulator().withName("Backyard rig")
                .withSite(new ObserverSite("Backyard", 45.5, 7.25, 300))
                .withTelescope(420, 72)
                .withDevice(DeviceKind.CAMERA, new DeviceChoice("org.nocturne.device.indi", Map.of("host", "localhost")));

        store.save(rig);
        store.save(EquipmentProfile.simulator().withName("alpha"));
        store.save(rig.withTelescope(530, 72));

        assertEquals(List.of("alpha", "Backyard rig", "Simulator"), store.list().names());
        assertEquals(rig.withTelescope(530, 72), store.load("Backyard rig").orElseThrow());
        assertEquals(List.of("alpha.json", "backyard-rig.json", "last-used.txt", "simulator.json"), fileNames());
        assertTrue(store.delete("alpha"));
        assertFalse(store.delete("alpha"));
        assertEquals(Optional.empty(), store.load("alpha"));
        assertEquals(List.of("Backyard rig", "Simulator"), store.list().names());
        assertTrue(store.list().problems().isEmpty());
    }

    @Test
    void everySaveIsAtomicAndLeavesNoTemporaryFileBehind() throws IOException {
        ProfileStore store = ProfileStore.open(directory);
        for (int i = 0; i < 20; i++) {
            store.save(EquipmentProfile.simulator().withName("Rig " + (i % 4)).withTelescope(100 + i, 50));
            store.setLastUsed("Rig " + (i % 4));
        }

        assertEquals(List.of("last-used.txt", "rig-0.json", "rig-1.json", "rig-2.json", "rig-3.json", "simulator.json"), fileNames());
        assertEquals(119, store.load("Rig 3").orElseThrow().focalLengthMm());
    }

    @Test
    void rememberTheLastUsedProfileWhileItExists() throws IOException {
        ProfileStore store = ProfileStore.open(directory);
        store.save(EquipmentProfile.simulator().withName("Rig"));

        store.setLastUsed("Rig");
        assertEquals(Optional.of("Rig"), ProfileStore.open(directory).lastUsed());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> store.setLastUsed("Nope"));
        assertTrue(unknown.getMessage().contains("\"Nope\""), unknown.getMessage());
        assertEquals(Optional.of("Rig"), store.lastUsed());

        store.delete("Rig");
        assertEquals(Optional.empty(), store.lastUsed());
        assertFalse(Files.exists(directory.resolve("last-used.txt")));
    }

    @Test
    void fileNamesAreSafeReadableAndDistinctWhateverTheProfileName() throws IOException {
        ProfileStore store = ProfileStore.open(directory);
        List<String> names = List.of("Rig #2 (Été)", "rig 2 ete", "RIG-2-ÉTÉ", "CON", "../../etc/passwd", "C:\\Windows\\x", "星空",
                "a/b", "Ferne Sterne".repeat(6), "...");
        for (String name : names) {
            store.save(EquipmentProfile.simulator().withName(name));
        }

        assertEquals(List.of("a-b.json", "c-windows-x.json", "con-profile.json", "etc-passwd.json",
                "ferne-sterneferne-sterneferne-sterneferne-sterne.json", "last-used.txt", "profile-2.json", "profile.json",
                "rig-2-ete-2.json", "rig-2-ete-3.json", "rig-2-ete.json", "simulator.json"), fileNames());
        for (String name : names) {
            assertEquals(name, store.load(name).orElseThrow().name());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            bad JSON                | "name": "Broken"              | "name": "Broken",,                | line 13, column 20: not valid JSON: Unexpected character (',' (code 44))
            truncated               | VALID                         | `{"format": 1, "name": "Broken"`  | line 1, column 31: not valid JSON: Unexpected end-of-input: expected close marker for Object (start marker at line 1, column 1)
            unterminated text       | "Backyard"                    | "Backyard                         | line 18, column 22: not valid JSON: Illegal unquoted character ((CTRL-CHAR, code 10))
            wrong type              | "focalLengthMm": 420          | "focalLengthMm": "420"            | field "focalLengthMm" must be a number, found text "420"
            missing field           | "apertureMm": 72,             | ``                                | field "apertureMm" is missing
            unknown device kind     | "camera": {                   | "telescope": {                    | unknown device kind "telescope" in field "devices"; the kinds are camera, mount, focuser, filter_wheel,
            invalid site            | "latitudeDegrees": 45.5       | "latitudeDegrees": 95             | field "site": Latitude 95.0° is outside -90.0° to 90.0°
            site name empty         | "name": "Backyard"            | "name": ""                        | field "site": Site name is empty
            negative focal length   | "focalLengthMm": 420          | "focalLengthMm": -420             | field "focalLengthMm" must be a positive number of millimetres, found the number -420
            unknown field           | "settings": {                 | "setings": {                      | unknown field "devices.camera.setings"; "devices.camera" holds provider, settings
            setting not text        | "host": "localhost"           | "port": 7624                      | field "devices.camera.settings.port" must be text in quotes, found the number 7624
            duplicate field         | "format": 1,                  | "format": 1, "format": 1,         | line 12, column 24: not valid JSON: Duplicate field 'format'
            newer format            | "format": 1                   | "format": 2                       | is in format 2, written by a newer Nocturne; this one reads format 1
            format not a number     | "format": 1                   | "format": "1"                     | field "format" must be the whole number 1, found text "1"
            no object               | VALID                         | [1, 2]                            | does not hold a JSON object ({ … }) but a list ([ … ])
            empty file              | VALID                         | ``                                | is empty
            null provider           | "org.nocturne.device.indi"    | null                              | field "devices.camera.provider" must be text in quotes, found null
            """)
    void aMalformedFileIsReportedByNameAndProblemAndNeverTouched(String what, String replaced, String replacement, String expected)
            throws IOException {
        ProfileStore store = ProfileStore.open(directory);
        store.save(EquipmentProfile.simulator().withName("Good"));
        String text = replaced.equals("VALID") ? replacement : VALID.replace(replaced, replacement);
        assertTrue(replaced.equals("VALID") || !text.equals(VALID), what + ": the case changes nothing");
        Path broken = directory.resolve("broken.json");
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Files.write(broken, bytes);

        ProfileListing listing = store.list();
        store.save(EquipmentProfile.simulator().withName("Broken"));
        ProfileListing after = ProfileStore.open(directory).list();

        assertEquals(List.of("Good", "Simulator"), listing.names(), what);
        assertEquals(1, listing.problems().size(), what);
        ProfileException problem = listing.problems().get(0);
        assertEquals(broken, problem.file());
        assertTrue(problem.getMessage().startsWith(broken + ": "), problem.getMessage());
        assertTrue(problem.problem().startsWith(expected),
                what + ": expected \"" + expected + "\" in \"" + problem.problem() + "\"");
        assertArrayEquals(bytes, Files.readAllBytes(broken), what + ": the user's file is untouched");
        assertEquals(List.of("Broken", "Good", "Simulator"), after.names(), what + ": saving a profile of that name goes elsewhere");
        assertTrue(Files.exists(directory.resolve("broken-2.json")), what);
        assertEquals(List.of(broken), after.problems().stream().map(ProfileException::file).toList(), what);
    }

    @Test
    void theBrokenSampleIsValidOnceRepaired() throws IOException {
        Files.writeString(directory.resolve("broken.json"), VALID);

        ProfileListing listing = ProfileStore.open(directory).list();

        assertEquals(List.of("Broken"), listing.names());
        assertTrue(listing.problems().isEmpty());
    }

    @Test
    void fileThatIsNotUtf8OrTooLargeOrADirectoryIsReported() throws IOException {
        ProfileStore store = ProfileStore.open(directory);
        byte[] latin1 = VALID.replace("Backyard", "Jardin à Genève").getBytes(StandardCharsets.ISO_8859_1);
        Files.write(directory.resolve("latin1.json"), latin1);
        Files.write(directory.resolve("huge.json"), new byte[(int) ProfileFormat.MAX_BYTES + 1]);
        Files.createDirectory(directory.resolve("folder.json"));
        Files.writeString(directory.resolve(".hidden.json"), "junk");

        List<String> problems = store.list().problems().stream().map(ProfileException::getMessage).sorted().toList();

        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith(directory.resolve("folder.json") + ": cannot be read"), problems.get(0));
        assertEquals(directory.resolve("huge.json") + ": is 1048577 bytes long; a profile is at most 1048576 bytes", problems.get(1));
        assertTrue(problems.get(2).startsWith(directory.resolve("latin1.json") + ": line 18, column "), problems.get(2));
        assertTrue(problems.get(2).contains("not valid JSON: Invalid UTF-8"), problems.get(2));
        assertArrayEquals(latin1, Files.readAllBytes(directory.resolve("latin1.json")));
        assertEquals(List.of("Simulator"), store.list().names());
    }

    @Test
    void twoFilesHoldingTheSameProfileNameKeepTheFirstAndReportTheOther() throws IOException {
        ProfileStore store = ProfileStore.open(directory);
        Files.copy(directory.resolve("simulator.json"), directory.resolve("the-copy.json"));

        ProfileListing listing = store.list();

        assertEquals(List.of("Simulator"), listing.names());
        assertEquals(List.of(directory.resolve("the-copy.json") + ": holds profile \"Simulator\" too, which simulator.json already"
                + " holds; this file is ignored"), listing.problems().stream().map(ProfileException::getMessage).toList());
    }

    private List<String> fileNames() throws IOException {
        return fileNames(directory);
    }

    private static List<String> fileNames(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }
}
