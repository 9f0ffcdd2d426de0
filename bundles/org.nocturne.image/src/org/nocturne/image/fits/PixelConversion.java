package org.nocturne.image.fits;

import java.nio.file.Path;

/** Turns a nom-tam-fits image kernel of any BITPIX into row-major unsigned 16-bit pixels (see {@link FitsFrames}). */
final class PixelConversion {

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
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    out[y * width + x] = clip(ints[y][x] * bscale + bzero);
                }
            }
        } else if (rows instanceof long[][] longs) {
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    out[y * width + x] = clip(longs[y][x] * bscale + bzero);
                }
            }
        } else if (rows instanceof float[][] floats) {
            double factor = normalisedScale(floats, bscale, bzero);
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    out[y * width + x] = clip((floats[y][x] * bscale + bzero) * factor);
                }
            }
        } else if (rows instanceof double[][] doubles) {
            double factor = normalisedScale(doubles, bscale, bzero);
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    out[y * width + x] = clip((doubles[y][x] * bscale + bzero) * factor);
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

    /** 65535 when every finite physical value lies within [0, 1], else 1 (values are ADU already). */
    private static double normalisedScale(float[][] rows, double bscale, double bzero) {
        for (float[] row : rows) {
            for (float v : row) {
                double physical = v * bscale + bzero;
                if (physical > 1.0 || physical < 0.0) {
                    return 1.0;
                }
            }
        }
        return 65535.0;
    }

    private static double normalisedScale(double[][] rows, double bscale, double bzero) {
        for (double[] row : rows) {
            for (double v : row) {
                double physical = v * bscale + bzero;
                if (physical > 1.0 || physical < 0.0) {
                    return 1.0;
                }
            }
        }
        return 65535.0;
    }

    /** Rounds and clips a physical value to unsigned 16-bit; NaN (blank) becomes 0. */
    private static short clip(double value) {
        if (!(value > 0)) {
            return 0;
        }
        return value >= 65535.0 ? (short) 0xFFFF : (short) Math.round(value);
    }
}
