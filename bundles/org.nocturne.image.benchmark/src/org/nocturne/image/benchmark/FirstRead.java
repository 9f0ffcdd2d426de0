package org.nocturne.image.benchmark;

import java.nio.file.Path;
import java.util.Locale;

import org.nocturne.image.Frame;
import org.nocturne.image.fits.FitsFrames;

/**
 * Run in a new JVM by {@link ImageBenchmark}: reads the FITS file given as the only argument once and prints how long
 * that first read took, in milliseconds, class loading and a cold JIT included.
 */
final class FirstRead {

    private FirstRead() {
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        Frame frame = FitsFrames.read(Path.of(args[0]));
        long end = System.nanoTime();
        if (frame.pixels().length == 0) {
            throw new IllegalStateException("no pixels");
        }
        System.out.println(String.format(Locale.ROOT, "%.2f", (end - start) / 1e6));
    }
}
