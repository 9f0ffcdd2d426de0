package org.nocturne.image.fits;

import java.nio.file.Path;
import java.util.Arrays;

/** Turns a nom-tam-fits image kernel of any BITPIX into row-major unsigned 16-bit pixels (see {@link FitsFrames}). */
final class PixelConversion {

    private static final System.Logger LOG = System.getLogger(PixelConversion.class.getName());

    private PixelConversion() {
    }

    /** Into {@code target} when it is not null (it must hold {@code width * height} pixels), else into a new array. */
    static short[] toUnsigned16(Object kernel, int width, int height, double bscale, double bzero, Path file,
            short[] target) throws FitsFormatException {
        Object[] rows = planeRows(kernel, file);
        if (rows.length != height) {
            throw new FitsFormatException(file, "image has " + rows.length + " rows, the header says " + height);
        }
        short[] out = target != null ? target : new short[width * height];
        boolean identity = bscale == 1.0 && bzero == 0.0;
        if (rows instanceof short[][] shorts && bscale == 1.0 && bzero == 32768.0) {
            for (int y = 0; y < height; y++) {
                short[] row = shorts[y];
                int offset = y * width;
                for (int x = 0; x < width; x++) {
                    out[offset + x] = (short) (row[x] ^ 0x8000);
                }
            }
        } else if (rows instanceof short[][] shorts) {
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    out[y * width + x] = clip(identity ? shorts[y][x] : shorts[y][x] * bscale + bzero);
                }
            }
        } else if (rows instanceof byte[][] bytes) {
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    out[y * width + x] = clip((bytes[y][x] & 0xFF) * bscale + bzero);
                }
            }
        } else if (rows instanceof int[][] ints) {
            Range range = new Range((long) width * height);
            for (int[] row : ints) {
                for (int v : row) {
                    range.add(v * bscale + bzero);
                }
            }
            Mapping mapping = range.mapping(false, file);
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    out[y * width + x] = mapping.pixel(ints[y][x] * bscale + bzero);
                }
            }
        } else if (rows instanceof long[][] longs) {
            Range range = new Range((long) width * height);
            for (long[] row : longs) {
                for (long v : row) {
                    range.add(v * bscale + bzero);
                }
            }
            Mapping mapping = range.mapping(false, file);
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    out[y * width + x] = mapping.pixel(longs[y][x] * bscale + bzero);
                }
            }
        } else if (rows instanceof float[][] floats) {
            Range range = new Range((long) width * height);
            for (float[] row : floats) {
                for (float v : row) {
                    range.add(v * bscale + bzero);
                }
            }
            Mapping mapping = range.mapping(true, file);
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    out[y * width + x] = mapping.pixel(floats[y][x] * bscale + bzero);
                }
            }
        } else if (rows instanceof double[][] doubles) {
            Range range = new Range((long) width * height);
            for (double[] row : doubles) {
                for (double v : row) {
                    range.add(v * bscale + bzero);
                }
            }
            Mapping mapping = range.mapping(true, file);
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    out[y * width + x] = mapping.pixel(doubles[y][x] * bscale + bzero);
                }
            }
        } else {
            throw new FitsFormatException(file, "unsupported pixel type " + rows.getClass().getComponentType());
        }
        return out;
    }

    /** The 2-D rows of a kernel, taking the first plane of a 3-D kernel with one plane. */
    private static Object[] planeRows(Object kernel, Path file) throws FitsFormatException {
        if (kernel instanceof Object[] array && array.length > 0 && array[0] instanceof Object[] plane) {
            return plane;
        }
        if (kernel instanceof Object[] array) {
            return array;
        }
        throw new FitsFormatException(file, "image data is not a 2-D array");
    }

    /**
     * The finite physical values of a frame: how many there are, how many lie outside 0..65535 and inside 0..1, and an
     * even sample of at most {@value #SAMPLE} of them for the ends of their range.
     */
    private static final class Range {
        private static final int SAMPLE = 100_000;
        /** The share of values left out at each end of the range a frame is shifted or scaled by (hot pixels, blanks). */
        private static final double TAIL = 1e-4;

        private final long stride;
        private final double[] sample;
        private int sampled;
        private long count;
        private long outside;
        private long fractions;

        Range(long pixels) {
            stride = Math.max(1, pixels / SAMPLE);
            sample = new double[(int) Math.min(pixels, SAMPLE) + 1];
        }

        void add(double value) {
            if (!Double.isFinite(value)) {
                return;
            }
            if (count++ % stride == 0 && sampled < sample.length) {
                sample[sampled++] = value;
            }
            if (value < 0 || value > 65535) {
                outside++;
            }
            if (value >= 0 && value <= 1) {
                fractions++;
            }
        }

        /**
         * How this frame's physical values become pixels. When (with {@code normalisable}: floating point) at least
         * 99.9% of the values lie in 0..1, they are fractions of full scale, times 65535 (a calibrated frame's few
         * values just below 0 or above 1 are clipped). A frame of which at most half the values lie outside 0..65535 is
         * in 16-bit ADU, its few others hot pixels, cosmic-ray hits or blanks, clipped. Otherwise the frame as a whole
         * does not fit, as with a pedestal (ESO-MIDAS's NOT.fits, 32-bit, 9,899 to 124,172). Its range is taken
         * without the lowest and highest hundredth of a percent of its values, so a lone extreme value (a sentinel, a
         * hot pixel) cannot squeeze the rest: the frame is shifted down by the range's low end when the range fits in
         * 16 bits, which keeps one ADU one step, else the range is mapped linearly onto 0..65535. Either is logged.
         */
        Mapping mapping(boolean normalisable, Path file) {
            if (count == 0) {
                return Mapping.IDENTITY;
            }
            if (normalisable && fractions >= 0.999 * count) {
                return new Mapping(0, 65535);
            }
            if (2 * outside <= count) {
                return Mapping.IDENTITY;
            }
            double[] sorted = Arrays.copyOf(sample, sampled);
            Arrays.sort(sorted);
            double low = sorted[(int) Math.floor(TAIL * (sampled - 1))];
            double high = sorted[(int) Math.ceil((1 - TAIL) * (sampled - 1))];
            Mapping mapping = high - low <= 65535 ? new Mapping(low, 1) : new Mapping(low, 65535 / (high - low));
            LOG.log(System.Logger.Level.INFO, "{0}: most pixel values lie outside 0..65535 (99.98% of them span {1} to"
                    + " {2}); read as (value - {1}) * {3}", file, low, high, mapping.factor);
            return mapping;
        }
    }

    /** A pixel is (physical value − {@code offset}) × {@code factor}, rounded and clipped to 0..65535. */
    private record Mapping(double offset, double factor) {

        static final Mapping IDENTITY = new Mapping(0, 1);

        short pixel(double physical) {
            return clip((physical - offset) * factor);
        }
    }

    /** Rounds and clips a physical value to unsigned 16-bit; NaN (blank) becomes 0. */
    private static short clip(double value) {
        if (!(value > 0)) {
            return 0;
        }
        return value >= 65535.0 ? (short) 0xFFFF : (short) Math.round(value);
    }
}
