package org.nocturne.device.core.profile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The equipment profiles of one installation: one JSON file per profile ({@link ProfileFormat}) in one directory,
 * named after the profile ({@link ProfileFileName}), and a {@code last-used.txt} holding the name of the profile used
 * last.
 *
 * <p>User files are never lost: a file that cannot be read is reported by {@link #list()} as a {@link ProfileException}
 * naming it and stays byte for byte as it is (saving a profile of the same name goes to another file), and every write
 * replaces its file atomically ({@link AtomicFile}). A profile is found by the name inside its file, so files may be
 * renamed by hand; should two files hold the same name, the first by file name counts and the other is reported.
 *
 * <p>Thread-safe: calls on one store run one at a time. Every call reads the directory and blocks on file I/O, so keep
 * it off the UI thread. Two processes sharing a directory never see a half-written file; the last save wins.
 */
public final class ProfileStore {

    private static final String LAST_USED = "last-used.txt";

    private final Path directory;
    private final ProfileFormat format = new ProfileFormat();

    private ProfileStore(Path directory) {
        this.directory = directory;
    }

    /**
     * Opens the store in {@code directory}, creating the directory if needed. When it holds no profile file at all
     * (readable or not), the {@link EquipmentProfile#simulator() Simulator} profile is saved and marked last used, so a
     * first start finds equipment to run; once any profile file exists this never happens again.
     */
    public static ProfileStore open(Path directory) throws IOException {
        ProfileStore store = new ProfileStore(directory.toAbsolutePath());
        Files.createDirectories(store.directory);
        if (store.profileFiles().isEmpty()) {
            EquipmentProfile simulator = EquipmentProfile.simulator();
            store.save(simulator);
            store.setLastUsed(simulator.name());
        }
        return store;
    }

    public Path directory() {
        return directory;
    }

    /** Every profile that can be read, by name, and a problem for each profile file that cannot. */
    public synchronized ProfileListing list() throws IOException {
        Scan scan = scan();
        return new ProfileListing(scan.profiles.stream().map(StoredProfile::profile).toList(), scan.problems);
    }

    /** The profile called {@code name}, if a readable file holds it. */
    public synchronized Optional<EquipmentProfile> load(String name) throws IOException {
        return scan().find(name).map(StoredProfile::profile);
    }

    /**
     * Saves {@code profile}, replacing the file that holds a profile of the same name, or in a new file named after it.
     * A file that cannot be read is never replaced, even if it once held this profile.
     */
    public synchronized void save(EquipmentProfile profile) throws IOException {
        Objects.requireNonNull(profile, "profile");
        Path file = scan().find(profile.name()).map(StoredProfile::file).orElseGet(() -> freeFile(profile.name()));
        new AtomicFile(file).write(format.write(profile));
    }

    /**
     * Deletes the profile called {@code name}; forgets it as last used if it was.
     *
     * @return false when no readable file holds that profile
     */
    public synchronized boolean delete(String name) throws IOException {
        Optional<StoredProfile> stored = scan().find(name);
        if (stored.isEmpty()) {
            return false;
        }
        Files.delete(stored.get().file());
        if (storedLastUsed().filter(name::equals).isPresent()) {
            Files.deleteIfExists(directory.resolve(LAST_USED));
        }
        return true;
    }

    /** The name of the profile used last, if one was marked and a readable file still holds it. */
    public synchronized Optional<String> lastUsed() throws IOException {
        Optional<String> name = storedLastUsed();
        if (name.isEmpty() || scan().find(name.get()).isEmpty()) {
            return Optional.empty();
        }
        return name;
    }

    /**
     * Marks the profile called {@code name} as the one used last.
     *
     * @throws IllegalArgumentException when no readable file holds that profile
     */
    public synchronized void setLastUsed(String name) throws IOException {
        if (scan().find(name).isEmpty()) {
            throw new IllegalArgumentException("There is no profile \"" + name + "\" in " + directory);
        }
        new AtomicFile(directory.resolve(LAST_USED)).write((name + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private Optional<String> storedLastUsed() throws IOException {
        Path file = directory.resolve(LAST_USED);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        String name = Files.readString(file, StandardCharsets.UTF_8).strip();
        return name.isEmpty() ? Optional.empty() : Optional.of(name);
    }

    /** The profile files, by file name: {@code *.json}, leaving out hidden files such as macOS's {@code ._x.json}. */
    private List<Path> profileFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, "*" + ProfileFileName.EXTENSION)) {
            for (Path entry : entries) {
                if (!entry.getFileName().toString().startsWith(".")) {
                    files.add(entry);
                }
            }
        }
        files.sort(Comparator.comparing(file -> file.getFileName().toString()));
        return files;
    }

    private Scan scan() throws IOException {
        List<StoredProfile> profiles = new ArrayList<>();
        List<ProfileException> problems = new ArrayList<>();
        Map<String, Path> fileByName = new HashMap<>();
        for (Path file : profileFiles()) {
            try {
                EquipmentProfile profile = format.read(file);
                Path first = fileByName.putIfAbsent(profile.name(), file);
                if (first == null) {
                    profiles.add(new StoredProfile(file, profile));
                } else {
                    problems.add(new ProfileException(file, "holds profile \"" + profile.name() + "\" too, which "
                            + first.getFileName() + " already holds; this file is ignored"));
                }
            } catch (ProfileException e) {
                problems.add(e);
            }
        }
        profiles.sort(Comparator.comparing((StoredProfile stored) -> stored.profile().name(), String.CASE_INSENSITIVE_ORDER)
                .thenComparing(stored -> stored.profile().name()));
        return new Scan(profiles, problems);
    }

    /** The first file name derived from {@code profileName} that no file has yet. */
    private Path freeFile(String profileName) {
        ProfileFileName name = ProfileFileName.of(profileName);
        for (int n = 1;; n++) {
            Path file = directory.resolve(name.candidate(n));
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                return file;
            }
        }
    }

    private record StoredProfile(Path file, EquipmentProfile profile) {
    }

    private record Scan(List<StoredProfile> profiles, List<ProfileException> problems) {

        Optional<StoredProfile> find(String name) {
            return profiles.stream().filter(stored -> stored.profile().name().equals(name)).findFirst();
        }
    }
}
