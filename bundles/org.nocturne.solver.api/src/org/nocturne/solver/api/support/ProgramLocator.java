package org.nocturne.solver.api.support;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/** Finds an external program: as given when it is a path, else in the directories of the {@code PATH}. Immutable. */
public final class ProgramLocator {

    private final String searchPath;

    /** Searches the {@code PATH} this process was started with. */
    public ProgramLocator() {
        this(System.getenv("PATH"));
    }

    /** Searches {@code searchPath}, directories separated by {@link File#pathSeparator}; null searches nothing. */
    public ProgramLocator(String searchPath) {
        this.searchPath = searchPath == null ? "" : searchPath;
    }

    /**
     * The executable file {@code program} names: a path (anything with a directory separator) when it is an executable
     * file, a bare name when one of the search directories holds an executable file of that name. Empty otherwise.
     */
    public Optional<Path> find(String program) {
        if (program == null || program.isBlank()) {
            return Optional.empty();
        }
        try {
            if (program.contains("/") || program.contains(File.separator)) {
                Path path = Path.of(program);
                return isProgram(path) ? Optional.of(path) : Optional.empty();
            }
            for (String directory : searchPath.split(File.pathSeparator)) {
                if (!directory.isBlank()) {
                    Path candidate = Path.of(directory, program);
                    if (isProgram(candidate)) {
                        return Optional.of(candidate);
                    }
                }
            }
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static boolean isProgram(Path path) {
        return Files.isRegularFile(path) && Files.isExecutable(path);
    }
}
