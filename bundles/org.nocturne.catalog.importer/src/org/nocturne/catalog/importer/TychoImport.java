package org.nocturne.catalog.importer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.nocturne.catalog.stars.StarCatalog;
import org.nocturne.catalog.stars.ZonedStarFormat;


/**
 * Builds the bundled star catalog: the union of the stars of astrometry.net's Tycho-2 index files 4107–4119 (each a
 * uniformised subset of Tycho-2; 4107 holds almost all, the coarser ones add a few thousand), a star counted once when
 * two files give it the same place to 0.036″ and the same magnitude. Tycho-2's main catalogue lacks some of the
 * brightest stars (Sirius, Vega, Canopus, Polaris…); every Hipparcos star that Tycho-2 does not have (no star within
 * {@link HipparcosStars#MATCH_ARCSEC} and {@link HipparcosStars#MATCH_MAGNITUDES}) is added from d3-celestial's
 * {@code stars.14.json}, at its epoch J1991.25 place, with its V magnitude.
 */
public final class TychoImport {

    static final String PROVENANCE = """
            Tycho-2 stars (Høg et al. 2000, A&A 355, L27), ICRS at epoch J2000, V_T magnitudes, as carried by the \
            astrometry.net index files index-tycho2-07..19 (Debian packages astrometry-data-tycho2-*-littleendian 2-4). \
            Licence: BSD-2-Clause, granted by E. Høg for the Tycho-2 catalogue (see Debian's copyright file of those \
            packages). Supplemented with the Hipparcos stars that Tycho-2 lacks (no star within 30 arcsec and 1.5 mag), \
            at their epoch J1991.25 places with V magnitudes, from d3-celestial 0.7.35 stars.14.json (BSD-3-Clause, Olaf Frohn). Imported by org.nocturne.catalog.importer.""";

    private TychoImport() {
    }

    /**
     * Reads the index files and the Hipparcos supplement and writes the star file; returns the number of stars
     * written.
     */
    public static int run(List<Path> indexFiles, Path hipparcosJson, OutputStream out) throws IOException {
        Set<StarKey> seen = new HashSet<>();
        DoubleColumns ra = new DoubleColumns();
        DoubleColumns dec = new DoubleColumns();
        DoubleColumns mag = new DoubleColumns();
        for (Path path : indexFiles) {
            TychoIndexFile file = TychoIndexFile.read(path);
            for (int i = 0; i < file.size(); i++) {
                StarKey key = new StarKey(Math.round(file.raDegrees()[i] * 1e5), Math.round(file.decDegrees()[i] * 1e5),
                        Math.round(file.magnitudes()[i] * 1000));
                if (seen.add(key)) {
                    ra.add(file.raDegrees()[i]);
                    dec.add(file.decDegrees()[i]);
                    mag.add(file.magnitudes()[i]);
                }
            }
        }
        ByteArrayOutputStream tychoOnly = new ByteArrayOutputStream();
        ZonedStarFormat.write(ra.toArray(), dec.toArray(), mag.toArray(), "", tychoOnly);
        StarCatalog tycho = StarCatalog.read(new ByteArrayInputStream(tychoOnly.toByteArray()), "Tycho-2 union");
        for (HipparcosStars.Star star : HipparcosStars.read(hipparcosJson).all()) {
            if (HipparcosStars.tychoPlace(tycho, star).isEmpty()) {
                ra.add(Math.toDegrees(star.place().raRadians()));
                dec.add(star.place().decDegrees());
                mag.add(star.magnitude());
            }
        }
        ZonedStarFormat.write(ra.toArray(), dec.toArray(), mag.toArray(), PROVENANCE, out);
        return ra.size();
    }

    private record StarKey(long ra, long dec, long milliMagnitude) {
    }

    /** A growing column of doubles. */
    private static final class DoubleColumns {
        private double[] values = new double[1 << 16];
        private int size;

        void add(double value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int size() {
            return size;
        }

        double[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
