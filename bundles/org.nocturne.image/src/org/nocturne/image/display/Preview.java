package org.nocturne.image.display;

import org.nocturne.image.Frame;
import org.nocturne.image.stats.Histogram;
import org.nocturne.image.stats.ImageStatistics;

/**
 * A frame made ready for the screen: auto-stretched to 8-bit and shrunk by a whole factor to fit a size, grey for
 * mono frames and colour (superpixel debayer, linked stretch) for Bayer frames. Pixels are interleaved RGB, row by
 * row. Immutable; the array is the preview's own.
 *
 * @param width preview width in pixels
 * @param height preview height in pixels
 * @param rgb 3 bytes per pixel, row by row
 * @param scale frame pixels per preview pixel (frame x = preview x × scale)
 */
public record Preview(int width, int height, byte[] rgb, int scale) {

    /**
     * Renders {@code frame} no larger than {@code maxSize} on either side. Blocks for the work (tens of milliseconds
     * for a 24-megapixel frame); call it off the UI thread.
     */
    public static Preview of(Frame frame, int maxSize) {
        return of(frame, frame.isBayer() ? null : ImageStatistics.of(frame), maxSize);
    }

    /**
     * As {@link #of(Frame, int)}, reusing the frame's statistics when the caller has them already (a mono frame's
     * stretch comes from them; a Bayer frame's from each colour's own, so there they are not used and may be null).
     */
    public static Preview of(Frame frame, ImageStatistics statistics, int maxSize) {
        if (frame.isBayer()) {
            return colour(Debayer.superpixel(frame), maxSize);
        }
        int scale = Math.max(1, (int) Math.ceil(Math.max(frame.width(), frame.height()) / (double) maxSize));
        byte[] lut = ScreenTransferFunction.auto(statistics).lookupTable();
        int w = frame.width() / scale;
        int h = frame.height() / scale;
        byte[] rgb = new byte[w * h * 3];
        short[] pixels = frame.pixels();
        for (int y = 0; y < h; y++) {
            int row = y * scale * frame.width();
            for (int x = 0; x < w; x++) {
                byte v = lut[pixels[row + x * scale] & 0xFFFF];
                int o = (y * w + x) * 3;
                rgb[o] = v;
                rgb[o + 1] = v;
                rgb[o + 2] = v;
            }
        }
        return new Preview(w, h, rgb, scale);
    }

    private static Preview colour(RgbImage image, int maxSize) {
        // The colour image is half the frame's size: one preview pixel covers 2 × step frame pixels.
        int step = Math.max(1, (int) Math.ceil(Math.max(image.width(), image.height()) / (double) maxSize));
        ScreenTransferFunction stf = ScreenTransferFunction.autoLinked(stats(image.red()),
                stats(image.green()), stats(image.blue()));
        byte[] lut = stf.lookupTable();
        int w = image.width() / step;
        int h = image.height() / step;
        byte[] rgb = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * step * image.width() + x * step;
                int o = (y * w + x) * 3;
                rgb[o] = lut[image.red()[i] & 0xFFFF];
                rgb[o + 1] = lut[image.green()[i] & 0xFFFF];
                rgb[o + 2] = lut[image.blue()[i] & 0xFFFF];
            }
        }
        return new Preview(w, h, rgb, 2 * step);
    }

    private static ImageStatistics stats(short[] plane) {
        return ImageStatistics.of(Histogram.of(plane), 65535);
    }
}
