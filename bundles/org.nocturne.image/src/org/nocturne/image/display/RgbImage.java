package org.nocturne.image.display;

/**
 * A colour image from a debayered frame: three planes of unsigned 16-bit values, row by row. The arrays are owned by
 * the image; read them, never write them.
 */
public record RgbImage(int width, int height, short[] red, short[] green, short[] blue) {

    public RgbImage {
        int n = width * height;
        if (red.length != n || green.length != n || blue.length != n) {
            throw new IllegalArgumentException("RGB planes must hold " + n + " pixels each");
        }
    }
}
