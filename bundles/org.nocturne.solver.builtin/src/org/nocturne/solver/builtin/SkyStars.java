package org.nocturne.solver.builtin;

import java.util.Arrays;

import org.nocturne.catalog.stars.StarCatalog;
import org.nocturne.core.sky.Equatorial;

/**
 * Catalog stars as unit vectors, grouped by {@link SkyCells} cell for neighbour searches. Built by {@link #select},
 * which keeps the brightest few per cell so that the density matches what a frame of a given field shows. Immutable
 * after construction and thread-safe.
 */
final class SkyStars {

    /** How a selection keeps stars: the brightest {@code perCell} of each cell of side {@code cellDegrees}. */
    record Density(double cellDegrees, int perCell) {
    }

    private final SkyCells cells;
    private final int[] cellStart;
    /** Unit vectors, single precision (0.02″): enough for shapes and candidates; fits read the catalog itself. */
    final float[] x;
    final float[] y;
    final float[] z;
    private final float[] ra;
    private final float[] dec;

    private SkyStars(SkyCells cells, int[] cellStart, float[] x, float[] y, float[] z, float[] ra, float[] dec) {
        this.cells = cells;
        this.ra = ra;
        this.dec = dec;
        this.cellStart = cellStart;
        this.x = x;
        this.y = y;
        this.z = z;
    }

    int size() {
        return x.length;
    }

    /** The brightest stars of each cell of {@code region} within {@code radiusDegrees} of {@code centre}. */
    static SkyStars select(Region all, Equatorial centre, double radiusDegrees, Density density, Budget budget) {
        budget.check();
        SkyCells cells = new SkyCells(density.cellDegrees());
        double cosRadius = Math.cos(Math.toRadians(Math.min(180, radiusDegrees)));
        double sinDec0 = Math.sin(centre.decRadians());
        double cosDec0 = Math.cos(centre.decRadians());
        boolean everywhere = radiusDegrees >= 180;
        int n = all.size;
        long[] keys = new long[n];
        int inside = 0;
        for (int i = 0; i < n; i++) {
            if (!everywhere && sinDec0 * Math.sin(all.dec[i])
                    + cosDec0 * Math.cos(all.dec[i]) * Math.cos(all.ra[i] - centre.raRadians()) < cosRadius) {
                continue;
            }
            long cell = cells.cellOf(all.ra[i], all.dec[i]);
            long milli = Math.max(0, Math.min(0x7fff, Math.round(all.mag[i] * 1000) + 5000));
            keys[inside++] = cell << 36 | milli << 21 | i;
        }
        keys = Arrays.copyOf(keys, inside);
        Arrays.parallelSort(keys);
        budget.check();
        int[] kept = new int[n];
        int count = 0;
        int cellStartCount = cells.count() + 1;
        int[] cellStart = new int[cellStartCount];
        long previousCell = -1;
        int inCell = 0;
        for (long key : keys) {
            long cell = key >>> 36;
            if (cell != previousCell) {
                previousCell = cell;
                inCell = 0;
            }
            if (inCell++ < density.perCell()) {
                kept[count++] = (int) (key & 0x1fffff);
                cellStart[(int) cell + 1]++;
            }
        }
        for (int c = 0; c < cells.count(); c++) {
            cellStart[c + 1] += cellStart[c];
        }
        float[] x = new float[count];
        float[] y = new float[count];
        float[] z = new float[count];
        float[] ra = new float[count];
        float[] dec = new float[count];
        for (int k = 0; k < count; k++) {
            int i = kept[k];
            double cosDec = Math.cos(all.dec[i]);
            x[k] = (float) (cosDec * Math.cos(all.ra[i]));
            y[k] = (float) (cosDec * Math.sin(all.ra[i]));
            z[k] = (float) Math.sin(all.dec[i]);
            ra[k] = (float) all.ra[i];
            dec[k] = (float) all.dec[i];
        }
        return new SkyStars(cells, cellStart, x, y, z, ra, dec);
    }

    /** Receives the stars within a radius of a star. */
    interface NeighbourVisitor {
        void neighbour(int star, double chord);
    }

    /**
     * Visits every star other than {@code star} within {@code chord} (straight-line distance between unit vectors, about
     * the angle in radians for small angles).
     */
    void forEachNeighbour(int star, double chord, NeighbourVisitor visitor) {
        double sx = x[star];
        double sy = y[star];
        double sz = z[star];
        double limit = chord * chord;
        cells.forEachCellNear(ra[star], dec[star], chord * 1.0001, cell -> {
            for (int j = cellStart[cell]; j < cellStart[cell + 1]; j++) {
                if (j == star) {
                    continue;
                }
                double dx = x[j] - sx;
                double dy = y[j] - sy;
                double dz = z[j] - sz;
                double d2 = dx * dx + dy * dy + dz * dz;
                if (d2 <= limit) {
                    visitor.neighbour(j, Math.sqrt(d2));
                }
            }
        });
    }

    /** The chord between two stars. */
    double chord(int a, int b) {
        double dx = x[a] - x[b];
        double dy = y[a] - y[b];
        double dz = z[a] - z[b];
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }

    /** The catalog stars of a cone, as the catalog delivers them, to select from once or several times. */
    static final class Region implements org.nocturne.catalog.stars.StarVisitor {
        private double[] ra = new double[1024];
        private double[] dec = new double[1024];
        private float[] mag = new float[1024];
        private int size;

        private Region() {
        }

        static Region of(StarCatalog catalog, Equatorial centre, double radiusDegrees) {
            Region region = new Region();
            catalog.forEachInCone(centre, radiusDegrees, 99, region);
            return region;
        }

        @Override
        public void star(double raRadians, double decRadians, double magnitude) {
            if (size == ra.length) {
                ra = Arrays.copyOf(ra, size * 2);
                dec = Arrays.copyOf(dec, size * 2);
                mag = Arrays.copyOf(mag, size * 2);
            }
            ra[size] = raRadians;
            dec[size] = decRadians;
            mag[size] = (float) magnitude;
            size++;
        }
    }
}
