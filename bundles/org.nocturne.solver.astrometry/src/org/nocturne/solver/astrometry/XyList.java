package org.nocturne.solver.astrometry;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.nocturne.image.stars.Star;

import nom.tam.fits.BinaryTable;
import nom.tam.fits.BinaryTableHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.FitsException;

/**
 * Detected stars as astrometry.net reads them: an "xylist", a FITS binary table with columns {@value #X} and
 * {@value #Y} (FITS pixels, 1-based: the centre of the first pixel is 1.0) and {@value #FLUX}, brightest first.
 */
final class XyList {

    static final String X = "X";
    static final String Y = "Y";
    static final String FLUX = "FLUX";

    private XyList() {
    }

    /** Writes the first {@code limit} of {@code stars} (brightest first, 0-based pixels) to {@code file}. Blocks. */
    static void write(List<Star> stars, int limit, Path file) throws IOException {
        int n = Math.min(limit, stars.size());
        double[] x = new double[n];
        double[] y = new double[n];
        double[] flux = new double[n];
        for (int i = 0; i < n; i++) {
            Star star = stars.get(i);
            x[i] = star.x() + 1;
            y[i] = star.y() + 1;
            flux[i] = star.flux();
        }
        try (Fits fits = new Fits()) {
            BinaryTableHDU table = BinaryTable.fromColumnMajor(new Object[] { x, y, flux }).toHDU();
            table.setColumnName(0, X, "[px] centroid x, FITS convention (1-based)");
            table.setColumnName(1, Y, "[px] centroid y, FITS convention (1-based)");
            table.setColumnName(2, FLUX, "[ADU] background-subtracted flux");
            fits.addHDU(table); // nom-tam-fits puts an empty primary HDU before it
            fits.write(file.toFile());
        } catch (FitsException e) {
            throw new IOException("cannot write the star list " + file + ": " + e.getMessage(), e);
        }
    }
}
