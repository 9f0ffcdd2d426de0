package org.nocturne.solver.astap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import org.nocturne.solver.api.support.ProgramLocator;

/**
 * Where ASTAP and its star database are. Immutable.
 *
 * @param executable {@code astap_cli} (the command-line build) or {@code astap}: a bare name looked up on the
 *            {@code PATH} at each solve, or a path
 * @param databaseDirectory the directory of the star database files (H17, H18, D50, …), passed as {@code -d}
 */
public record AstapSettings(String executable, Path databaseDirectory) {

    /** The names ASTAP's programs go by, the command-line build first. */
    public static final List<String> PROGRAMS = List.of("astap_cli", "astap");

    /**
     * A star database file: a letter and two digits naming the database, an underscore, four digits naming the tile,
     * and an extension naming the tiling ({@code h18_0101.1476}, {@code d50_3604.1476}, {@code g05_0101.290}).
     */
    private static final Pattern DATABASE_FILE = Pattern.compile("[a-zA-Z]\\d\\d_\\d{4}\\.\\d+");

    public AstapSettings {
        Objects.requireNonNull(executable, "executable");
        Objects.requireNonNull(databaseDirectory, "databaseDirectory");
    }

    /**
     * The first of {@link #PROGRAMS} found on the {@code PATH} (else {@code astap_cli}), with the first of
     * {@link #usualDatabaseDirectories()} that holds star database files (else the first of them). Reads the file
     * system: blocks briefly.
     */
    public static AstapSettings defaults() {
        ProgramLocator locator = new ProgramLocator();
        String program = PROGRAMS.stream().filter(name -> locator.find(name).isPresent()).findFirst().orElse(PROGRAMS.get(0));
        List<Path> usual = usualDatabaseDirectories();
        Path database = usual.stream().filter(AstapSettings::holdsStarDatabase).findFirst().orElse(usual.get(0));
        return new AstapSettings(program, database);
    }

    /**
     * Where star databases are usually installed: Debian's path ({@code /usr/share/astap/data}, where Debian's
     * astap_cli looks by default), the upstream Linux installers' ({@code /opt/astap}) and macOS's
     * ({@code /usr/local/opt/astap}).
     */
    public static List<Path> usualDatabaseDirectories() {
        return List.of(Path.of("/usr/share/astap/data"), Path.of("/opt/astap"), Path.of("/usr/local/opt/astap"));
    }

    public AstapSettings withExecutable(String value) {
        return new AstapSettings(value, databaseDirectory);
    }

    public AstapSettings withDatabaseDirectory(Path value) {
        return new AstapSettings(executable, value);
    }

    /** Whether {@code directory} holds at least one star database file. */
    public static boolean holdsStarDatabase(Path directory) {
        if (!Files.isDirectory(directory)) {
            return false;
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory,
                entry -> DATABASE_FILE.matcher(entry.getFileName().toString()).matches())) {
            entries.forEach(files::add);
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
        return !files.isEmpty();
    }
}
