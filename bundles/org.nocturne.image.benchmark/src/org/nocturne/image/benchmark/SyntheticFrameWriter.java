package org.nocturne.image.benchmark;

import java.nio.file.Path;

import org.nocturne.image.fits.FitsFrames;

/**
 * Writes the benchmark's synthetic star field as a FITS file, for demonstrations and screenshots:
 * {@code SyntheticFrameWriter <file> <width> <height>}.
 */
public final class SyntheticFrameWriter {

    private SyntheticFrameWriter() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: SyntheticFrameWriter <file.fits> <width> <height>");
            System.exit(2);
        }
        FitsFrames.write(BenchmarkFrames.synthetic(Integer.parseInt(args[1]), Integer.parseInt(args[2]), 7), Path.of(args[0]));
    }
}
