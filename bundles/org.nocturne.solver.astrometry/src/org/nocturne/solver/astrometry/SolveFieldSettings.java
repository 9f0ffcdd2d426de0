package org.nocturne.solver.astrometry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where solve-field and its index files are. Immutable.
 *
 * @param executable solve-field: a bare name looked up on the {@code PATH} at each solve, or a path
 * @param indexDirectories the directories whose {@code index*.fits} files solve-field searches, in this order
 */
public record SolveFieldSettings(String executable, List<Path> indexDirectories) {

    /** The program's name, looked up on the {@code PATH} by default. */
    public static final String PROGRAM = "solve-field";

    public SolveFieldSettings {
        Objects.requireNonNull(executable, "executable");
        indexDirectories = List.copyOf(indexDirectories);
        if (indexDirectories.isEmpty()) {
            throw new IllegalArgumentException("solve-field needs at least one index directory");
        }
    }

    /**
     * solve-field from the {@code PATH}, with those of {@link #usualIndexDirectories()} that hold index files, or the
     * first of them when none does (so that the solver can say where it looked). Reads the directories: blocks briefly.
     */
    public static SolveFieldSettings defaults() {
        List<Path> usual = usualIndexDirectories();
        List<Path> found = usual.stream().filter(SolveFieldSettings::holdsIndexFiles).toList();
        return new SolveFieldSettings(PROGRAM, found.isEmpty() ? List.of(usual.get(0)) : found);
    }

    /**
     * Where index files usually are: Debian's and Ubuntu's packages ({@code /usr/share/astrometry}), a source install
     * ({@code /usr/local/astrometry/data}), the folder KStars downloads index files into
     * ({@code ~/.local/share/kstars/astrometry}) and the Tycho-2 index files Nocturne's build unpacks
     * ({@code ~/.cache/nocturne/catalog-sources/usr/share/astrometry}).
     */
    public static List<Path> usualIndexDirectories() {
        List<Path> directories = new ArrayList<>(List.of(Path.of("/usr/share/astrometry"), Path.of("/usr/local/astrometry/data")));
        String home = System.getProperty("user.home");
        if (home != null && !home.isBlank()) {
            directories.add(Path.of(home, ".local", "share", "kstars", "astrometry"));
            directories.add(Path.of(home, ".cache", "nocturne", "catalog-sources", "usr", "share", "astrometry"));
        }
        return List.copyOf(directories);
    }

    /** The settings with {@code value} as the executable. */
    public SolveFieldSettings withExecutable(String value) {
        return new SolveFieldSettings(value, indexDirectories);
    }

    /** The settings with {@code value} as the index directories. */
    public SolveFieldSettings withIndexDirectories(List<Path> value) {
        return new SolveFieldSettings(executable, value);
    }

    /** Whether {@code directory} holds at least one astrometry.net index file ({@code index*.fits}). */
    public static boolean holdsIndexFiles(Path directory) {
        return !indexFiles(directory).isEmpty();
    }

    /** The astrometry.net index files ({@code index*.fits}) in {@code directory}; none when it does not exist. */
    public static List<Path> indexFiles(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, "index*.fits")) {
            entries.forEach(files::add);
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
        files.sort(null);
        return files;
    }
}
