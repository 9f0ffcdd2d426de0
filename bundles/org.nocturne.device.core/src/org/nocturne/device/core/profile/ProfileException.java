package org.nocturne.device.core.profile;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A profile file that cannot be read as an equipment profile; the message names the file and what is wrong with it, at
 * which line and column or in which field where that is known. The file itself is left as it is.
 */
public final class ProfileException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String problem;

    public ProfileException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
        this.problem = problem;
    }

    public ProfileException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
        this.problem = problem;
    }

    /** The file that could not be read. */
    public Path file() {
        return file;
    }

    /** What is wrong, without the file name. */
    public String problem() {
        return problem;
    }
}
