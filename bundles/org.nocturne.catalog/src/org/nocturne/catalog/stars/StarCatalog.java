package org.nocturne.catalog.stars;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.nocturne.core.sky.Equatorial;

/**
 * A star catalog held in memory in declination zones, each sorted by right ascension (8 bytes a star), for cone
 * searches fast enough to run for every frame: a 3° cone costs a binary search per zone plus a dot product per star
 * in the cone's bounding box.
 *
 * <p>Immutable and thread-safe once loaded. Positions are ICRS at epoch J2000 without proper motion.
 */
public final class StarCatalog {

    /** The catalog that ships with Nocturne: Tycho-2 stars as astrometry.net's index files carry them. */
    public static final String BUNDLED_RESOURCE = "/data/tycho2.stars.gz";

    private static volatile StarCatalog bundled;

    private final String provenance;
    private final int[] zoneStart;
    private final int[] ra;
    private final char[] dec;
    private final short[] milliMagnitude;

    StarCatalog(String provenance, int[] zoneStart, int[] ra, char[] dec, short[] milliMagnitude) {
        this.provenance = provenance;
        this.zoneStart = zoneStart;
        this.ra = ra;
        this.dec = dec;
        this.milliMagnitude = milliMagnitude;
    }

    /**
     * The bundled catalog, read on first use (about 2 million stars, a fraction of a second, 16 MB of heap) and
     * shared after. Blocks the calling thread while it loads: call it off the UI thread.
     */
    public static StarCatalog bundled() {
        StarCatalog catalog = bundled;
        if (catalog == null) {
            synchronized (StarCatalog.class) {
                catalog = bundled;
                if (catalog == null) {
                    try (InputStream in = StarCatalog.class.getResourceAsStream(BUNDLED_RESOURCE)) {
                        if (in == null) {
                            throw new IllegalStateException("The bundled star catalog " + BUNDLED_RESOURCE + " is missing from org.nocturne.catalog");
                        }
                        catalog = ZonedStarFormat.read(in, BUNDLED_RESOURCE);
                    } catch (IOException e) {
                        throw new UncheckedIOException("Cannot read the bundled star catalog: " + e.getMessage(), e);
                    }
                    bundled = catalog;
                }
            }
        }
        return catalog;
    }

    /** Reads a catalog in {@link ZonedStarFormat}; {@code source} names it in error messages. */
    public static StarCatalog read(InputStream in, String source) throws IOException {
        return ZonedStarFormat.read(in, source);
    }

    /** Where the stars come from and under which licence, as the importer wrote it. */
    public String provenance() {
        return provenance;
    }

    public int size() {
        return ra.length;
    }

    /**
     * Visits every star within {@code radiusDegrees} of {@code centre} (inclusive) and no fainter than
     * {@code faintestMagnitude}, zone by zone in right ascension order. Allocates nothing.
     */
    public void forEachInCone(Equatorial centre, double radiusDegrees, double faintestMagnitude, StarVisitor visitor) {
        if (!(radiusDegrees >= 0)) {
            throw new IllegalArgumentException("Cone radius " + radiusDegrees + "° is not a non-negative angle");
        }
        double radius = Math.toRadians(Math.min(radiusDegrees, 180));
        double cosRadius = Math.cos(radius);
        double centreDec = centre.decRadians();
        double cx = Math.cos(centreDec) * Math.cos(centre.raRadians());
        double cy = Math.cos(centreDec) * Math.sin(centre.raRadians());
        double cz = Math.sin(centreDec);
        int faintest = (int) Math.floor(Math.min(faintestMagnitude, 32) * 1000);
        int firstZone = ZonedStarFormat.zoneOf(Math.toDegrees(centreDec - radius));
        int lastZone = ZonedStarFormat.zoneOf(Math.toDegrees(centreDec + radius));
        boolean allRightAscensions = Math.abs(centreDec) + radius >= Math.PI / 2 - 1e-9;
        double halfWidth = allRightAscensions ? Math.PI : Math.asin(Math.min(1, Math.sin(radius) / Math.cos(centreDec)));
        for (int zone = firstZone; zone <= lastZone; zone++) {
            int start = zoneStart[zone];
            int end = zoneStart[zone + 1];
            if (allRightAscensions || halfWidth >= Math.PI) {
                visitRange(zone, start, end, cx, cy, cz, cosRadius, faintest, visitor);
                continue;
            }
            double from = centre.raRadians() - halfWidth;
            double to = centre.raRadians() + halfWidth;
            if (from < 0) {
                visitRange(zone, lowerBound(start, end, from + 2 * Math.PI), end, cx, cy, cz, cosRadius, faintest, visitor);
                from = 0;
            }
            if (to >= 2 * Math.PI) {
                visitRange(zone, start, upperBound(start, end, to - 2 * Math.PI), cx, cy, cz, cosRadius, faintest, visitor);
                to = 2 * Math.PI;
            }
            visitRange(zone, lowerBound(start, end, from), upperBound(start, end, to), cx, cy, cz, cosRadius, faintest, visitor);
        }
    }

    /** The stars of a cone, brightest first. */
    public List<CatalogStar> cone(Equatorial centre, double radiusDegrees, double faintestMagnitude) {
        List<CatalogStar> stars = new ArrayList<>();
        forEachInCone(centre, radiusDegrees, faintestMagnitude,
                (raRadians, decRadians, magnitude) -> stars.add(new CatalogStar(new Equatorial(raRadians, decRadians), magnitude)));
        stars.sort(Comparator.comparingDouble(CatalogStar::magnitude));
        return stars;
    }

    private void visitRange(int zone, int from, int to, double cx, double cy, double cz, double cosRadius, int faintest,
            StarVisitor visitor) {
        for (int i = from; i < to; i++) {
            if (milliMagnitude[i] > faintest) {
                continue;
            }
            double raRadians = ZonedStarFormat.raRadians(ra[i]);
            double decRadians = ZonedStarFormat.decRadians(zone, dec[i]);
            double cosDec = Math.cos(decRadians);
            double dot = cx * cosDec * Math.cos(raRadians) + cy * cosDec * Math.sin(raRadians) + cz * Math.sin(decRadians);
            if (dot >= cosRadius) {
                visitor.star(raRadians, decRadians, milliMagnitude[i] / 1000.0);
            }
        }
    }

    /** First index in [start, end) whose right ascension is at least {@code raRadians}. */
    private int lowerBound(int start, int end, double raRadians) {
        long key = Math.max(0, ZonedStarFormat.raUnits(raRadians) & 0xffffffffL);
        int low = start;
        int high = end;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (Integer.toUnsignedLong(ra[mid]) < key) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** First index in [start, end) whose right ascension is above {@code raRadians}. */
    private int upperBound(int start, int end, double raRadians) {
        if (raRadians >= 2 * Math.PI) {
            return end;
        }
        long key = ZonedStarFormat.raUnits(raRadians) & 0xffffffffL;
        int low = start;
        int high = end;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (Integer.toUnsignedLong(ra[mid]) <= key) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
