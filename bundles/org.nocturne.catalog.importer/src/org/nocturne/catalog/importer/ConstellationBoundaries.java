package org.nocturne.catalog.importer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jastronomy.jsofa.JSOFA;
import org.nocturne.core.sky.Equatorial;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Which constellation a direction lies in, by the IAU boundaries (Delporte 1930, as tabulated by Roman 1987,
 * CDS VI/42). d3-celestial gives the boundary vertices in J2000; they are precessed back to the equinox B1875.0,
 * where every edge runs along a parallel or an hour circle, so a point-in-polygon test there is exact to the
 * vertices' rounding. The point is precessed the same way (IAU 2006 precession, SOFA's {@code jauPmat06}).
 */
public final class ConstellationBoundaries {

    private static final double[][] J2000_TO_B1875 = precession();

    private final List<Region> regions;

    private ConstellationBoundaries(List<Region> regions) {
        this.regions = regions;
    }

    /** Reads d3-celestial's {@code constellations.bounds.json}. */
    public static ConstellationBoundaries read(Path boundsJson) throws IOException {
        JsonNode root = new ObjectMapper().readTree(boundsJson.toFile());
        List<Region> regions = new ArrayList<>();
        for (JsonNode feature : root.path("features")) {
            String abbreviation = feature.path("id").asText();
            for (JsonNode ring : feature.path("geometry").path("coordinates")) {
                int n = ring.size();
                double[] ra = new double[n];
                double[] dec = new double[n];
                for (int i = 0; i < n; i++) {
                    double[] b1875 = toB1875(ring.get(i).get(0).asDouble(), ring.get(i).get(1).asDouble());
                    ra[i] = b1875[0];
                    dec[i] = b1875[1];
                }
                regions.add(new Region(abbreviation, ra, dec));
            }
        }
        if (regions.isEmpty()) {
            throw new IOException(boundsJson + " holds no constellation boundaries");
        }
        return new ConstellationBoundaries(regions);
    }

    /**
     * The IAU abbreviation of the constellation containing an ICRS/J2000 direction.
     *
     * @throws IllegalStateException when no region or more than one contains it (the boundaries would be broken)
     */
    public String constellationOf(Equatorial j2000) {
        double[] b1875 = toB1875(Math.toDegrees(j2000.raRadians()), j2000.decDegrees());
        String found = null;
        for (Region region : regions) {
            if (region.contains(b1875[0], b1875[1])) {
                if (found != null && !found.equals(region.abbreviation)) {
                    throw new IllegalStateException("Both " + found + " and " + region.abbreviation + " contain " + j2000);
                }
                found = region.abbreviation;
            }
        }
        if (found == null) {
            throw new IllegalStateException("No constellation contains " + j2000);
        }
        return found;
    }

    /** A longitude in degrees as d3 writes it, (−180, 180], and a latitude; returns B1875 RA [0, 360) and Dec. */
    private static double[] toB1875(double raDegrees, double decDegrees) {
        double[] v = JSOFA.jauS2c(Math.toRadians(raDegrees), Math.toRadians(decDegrees));
        double[] p = JSOFA.jauRxp(J2000_TO_B1875, v);
        JSOFA.SphericalCoordinate s = JSOFA.jauC2s(p);
        return new double[] { Math.toDegrees(JSOFA.jauAnp(s.alpha)), Math.toDegrees(s.delta) };
    }

    private static double[][] precession() {
        JSOFA.JulianDate b1875 = JSOFA.jauEpb2jd(1875.0);
        return JSOFA.jauPmat06(b1875.djm0, b1875.djm1);
    }

    /** One closed ring of a constellation's boundary, in B1875 degrees. */
    private record Region(String abbreviation, double[] ra, double[] dec, boolean containsNorthPole) {

        Region(String abbreviation, double[] ra, double[] dec) {
            this(abbreviation, ra, dec, Math.abs(windingDegrees(ra)) > 180 && dec[0] > 0);
        }

        /**
         * Ray casting towards the north pole. A ring that winds once around the sky in the north encloses that pole, so
         * the parity flips; one that winds around the south pole needs no correction.
         */
        boolean contains(double pointRa, double pointDec) {
            boolean inside = containsNorthPole;
            int n = ra.length;
            for (int i = 0, j = n - 1; i < n; j = i++) {
                double a = wrap(ra[j] - pointRa);
                double b = a + wrap(ra[i] - ra[j]);
                if ((a <= 0 && b > 0) || (b <= 0 && a > 0)) {
                    double t = -a / (b - a);
                    double crossingDec = dec[j] + t * (dec[i] - dec[j]);
                    if (crossingDec > pointDec) {
                        inside = !inside;
                    }
                }
            }
            return inside;
        }

        private static double windingDegrees(double[] ra) {
            double total = 0;
            for (int i = 0, j = ra.length - 1; i < ra.length; j = i++) {
                total += wrap(ra[i] - ra[j]);
            }
            return total;
        }

        /** An RA difference into (−180, 180]. */
        private static double wrap(double degrees) {
            double d = degrees % 360;
            if (d > 180) {
                d -= 360;
            } else if (d <= -180) {
                d += 360;
            }
            return d;
        }
    }
}
