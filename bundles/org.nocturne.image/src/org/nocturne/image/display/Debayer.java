package org.nocturne.image.display;

import org.nocturne.image.BayerPattern;
import org.nocturne.image.BayerPattern.Channel;
import org.nocturne.image.Frame;

/**
 * Colour from a raw one-shot-colour frame, for display: {@link #superpixel} (half size, each 2×2 cell one pixel,
 * fastest) and {@link #bilinear} (full size, each missing colour the mean of its nearest neighbours of that colour).
 * Stateless and thread-safe.
 */
public final class Debayer {

    private Debayer() {
    }

    /**
     * Half-size colour: red and blue from their pixel of each 2×2 cell, green the mean of the cell's two greens.
     * Rows run in parallel.
     */
    public static RgbImage superpixel(Frame frame) {
        BayerPattern pattern = requireBayer(frame);
        int w = frame.width() / 2;
        int h = frame.height() / 2;
        int fw = frame.width();
        short[] raw = frame.pixels();
        // Offsets of each colour within a cell: index dy * fw + dx.
        int redAt = -1;
        int blueAt = -1;
        int greenA = -1;
        int greenB = -1;
        for (int dy = 0; dy < 2; dy++) {
            for (int dx = 0; dx < 2; dx++) {
                int offset = dy * fw + dx;
                switch (pattern.colorAt(dx, dy)) {
                    case RED -> redAt = offset;
                    case BLUE -> blueAt = offset;
                    case GREEN -> {
                        if (greenA < 0) {
                            greenA = offset;
                        } else {
                            greenB = offset;
                        }
                    }
                }
            }
        }
        short[] red = new short[w * h];
        short[] green = new short[w * h];
        short[] blue = new short[w * h];
        int r = redAt;
        int b = blueAt;
        int g1 = greenA;
        int g2 = greenB;
        java.util.stream.IntStream.range(0, h).parallel().forEach(y -> {
            for (int x = 0; x < w; x++) {
                int cell = 2 * y * fw + 2 * x;
                int i = y * w + x;
                red[i] = raw[cell + r];
                blue[i] = raw[cell + b];
                green[i] = (short) (((raw[cell + g1] & 0xFFFF) + (raw[cell + g2] & 0xFFFF)) >>> 1);
            }
        });
        return new RgbImage(w, h, red, green, blue);
    }

    /**
     * Full-size colour by bilinear interpolation: at a red or blue pixel, green is the mean of the four side neighbours
     * and the other colour the mean of the four diagonal ones; at a green pixel, each other colour is the mean of the
     * two neighbours that carry it. Edge pixels use the neighbours that exist. Rows run in parallel.
     */
    public static RgbImage bilinear(Frame frame) {
        BayerPattern pattern = requireBayer(frame);
        int w = frame.width();
        int h = frame.height();
        short[] raw = frame.pixels();
        short[] red = new short[w * h];
        short[] green = new short[w * h];
        short[] blue = new short[w * h];
        short[][] planes = { red, green, blue };
        java.util.stream.IntStream.range(0, h).parallel().forEach(y -> {
            if (y == 0 || y == h - 1) {
                for (int x = 0; x < w; x++) {
                    edgePixel(frame, pattern, planes, x, y);
                }
                return;
            }
            edgePixel(frame, pattern, planes, 0, y);
            edgePixel(frame, pattern, planes, w - 1, y);
            // The two colours of this row, by column parity, and the planes each kind of pixel fills.
            for (int parity = 0; parity < 2; parity++) {
                Channel own = pattern.colorAt(parity, y);
                short[] ownPlane = planes[own.ordinal()];
                short[] sidePlane;
                short[] otherPlane;
                boolean ownIsGreen = own == Channel.GREEN;
                if (ownIsGreen) {
                    Channel besides = pattern.colorAt(parity + 1, y);
                    sidePlane = planes[besides.ordinal()];
                    otherPlane = planes[besides == Channel.RED ? Channel.BLUE.ordinal() : Channel.RED.ordinal()];
                } else {
                    sidePlane = planes[Channel.GREEN.ordinal()];
                    otherPlane = planes[own == Channel.RED ? Channel.BLUE.ordinal() : Channel.RED.ordinal()];
                }
                int start = parity == 0 ? 2 : 1;
                for (int x = start; x < w - 1; x += 2) {
                    int i = y * w + x;
                    ownPlane[i] = raw[i];
                    if (ownIsGreen) {
                        // red or blue beside (left/right), the other above and below
                        sidePlane[i] = (short) (((raw[i - 1] & 0xFFFF) + (raw[i + 1] & 0xFFFF) + 1) >>> 1);
                        otherPlane[i] = (short) (((raw[i - w] & 0xFFFF) + (raw[i + w] & 0xFFFF) + 1) >>> 1);
                    } else {
                        sidePlane[i] = (short) (((raw[i - 1] & 0xFFFF) + (raw[i + 1] & 0xFFFF) + (raw[i - w] & 0xFFFF)
                                + (raw[i + w] & 0xFFFF) + 2) >>> 2);
                        otherPlane[i] = (short) (((raw[i - w - 1] & 0xFFFF) + (raw[i - w + 1] & 0xFFFF)
                                + (raw[i + w - 1] & 0xFFFF) + (raw[i + w + 1] & 0xFFFF) + 2) >>> 2);
                    }
                }
            }
        });
        return new RgbImage(w, h, red, green, blue);
    }

    /** An edge pixel: its own colour, and each other colour from the neighbours that exist. */
    private static void edgePixel(Frame frame, BayerPattern pattern, short[][] planes, int x, int y) {
        Channel own = pattern.colorAt(x, y);
        int i = y * frame.width() + x;
        for (Channel channel : Channel.values()) {
            planes[channel.ordinal()][i] = (short) (channel == own ? frame.value(x, y) : neighbourMean(frame, pattern, channel, x, y));
        }
    }

    /** Mean of the 3×3 neighbours of (x, y) that carry {@code channel}. */
    private static int neighbourMean(Frame frame, BayerPattern pattern, Channel channel, int x, int y) {
        int sum = 0;
        int count = 0;
        for (int dy = -1; dy <= 1; dy++) {
            int ny = y + dy;
            if (ny < 0 || ny >= frame.height()) {
                continue;
            }
            for (int dx = -1; dx <= 1; dx++) {
                int nx = x + dx;
                if ((dx != 0 || dy != 0) && nx >= 0 && nx < frame.width() && pattern.colorAt(nx, ny) == channel) {
                    sum += frame.value(nx, ny);
                    count++;
                }
            }
        }
        return count == 0 ? 0 : (sum + count / 2) / count;
    }

    private static BayerPattern requireBayer(Frame frame) {
        if (!frame.isBayer()) {
            throw new IllegalArgumentException(frame + " has no Bayer pattern to debayer");
        }
        return frame.bayerPattern();
    }
}
