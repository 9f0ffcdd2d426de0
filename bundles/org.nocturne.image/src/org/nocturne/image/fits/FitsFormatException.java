package org.nocturne.image.fits;

import java.io.IOException;
import java.nio.file.Path;

/** A FITS file that cannot be read as a frame; the message names the file and what is wrong with it. */
public final class FitsFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public FitsFormatException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    public FitsFormatException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    /** The file that could not be read. */
    public Path file() {
        return file;
    }
}
