package org.nocturne.image.display;

import java.util.stream.IntStream;

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
        short[][] planes = newPlanes(w * h);
        short[] red = planes[0];
        short[] green = planes[1];
        short[] blue = planes[2];
        int r = redAt;
        int b = blueAt;
        int g1 = greenA;
        int g2 = greenB;
        IntStream.range(0, h).parallel().forEach(y -> {
            int cells = 2 * y * fw;
            int out = y * w;
            for (int x = 0; x < w; x++) {
                int cell = cells + 2 * x;
                red[out + x] = raw[cell + r];
                blue[out + x] = raw[cell + b];
                green[out + x] = (short) (((raw[cell + g1] & 0xFFFF) + (raw[cell + g2] & 0xFFFF)) >>> 1);
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
        short[][] planes = newPlanes(w * h);
        IntStream.range(0, h).parallel().forEach(y -> {
            if (y == 0 || y == h - 1) {
                for (int x = 0; x < w; x++) {
                    edgePixel(frame, pattern, planes, x, y);
                }
                return;
            }
            edgePixel(frame, pattern, planes, 0, y);
            edgePixel(frame, pattern, planes, w - 1, y);
            // Inner pixels of one column parity at a time: x = 2, 4, ... then 1, 3, ... up to w - 2.
            for (int parity = 0; parity < 2; parity++) {
                int from = y * w + (parity == 0 ? 2 : 1);
                int to = y * w + w - 1;
                Channel own = pattern.colorAt(parity, y);
                if (own == Channel.GREEN) {
                    Channel beside = pattern.colorAt(parity + 1, y);
                    greenPixels(raw, w, from, to, planes[Channel.GREEN.ordinal()], planes[beside.ordinal()],
                            planes[opposite(beside).ordinal()]);
                } else {
                    redOrBluePixels(raw, w, from, to, planes[own.ordinal()], planes[Channel.GREEN.ordinal()],
                            planes[opposite(own).ordinal()]);
                }
            }
        });
        return new RgbImage(w, h, planes[0], planes[1], planes[2]);
    }

    /**
     * Green pixels i = from, from + 2, ... below {@code to}, all with four neighbours: green as is, the colour beside
     * from left and right, the other from above and below.
     */
    private static void greenPixels(short[] raw, int w, int from, int to, short[] green, short[] beside, short[] other) {
        for (int i = from; i < to; i += 2) {
            green[i] = raw[i];
            beside[i] = (short) (((raw[i - 1] & 0xFFFF) + (raw[i + 1] & 0xFFFF) + 1) >>> 1);
            other[i] = (short) (((raw[i - w] & 0xFFFF) + (raw[i + w] & 0xFFFF) + 1) >>> 1);
        }
    }

    /**
     * Red or blue pixels i = from, from + 2, ... below {@code to}: their colour as is, green from the four side
     * neighbours, the other colour from the four diagonal ones.
     */
    private static void redOrBluePixels(short[] raw, int w, int from, int to, short[] own, short[] green, short[] other) {
        for (int i = from; i < to; i += 2) {
            own[i] = raw[i];
            green[i] = (short) (((raw[i - 1] & 0xFFFF) + (raw[i + 1] & 0xFFFF) + (raw[i - w] & 0xFFFF)
                    + (raw[i + w] & 0xFFFF) + 2) >>> 2);
            other[i] = (short) (((raw[i - w - 1] & 0xFFFF) + (raw[i - w + 1] & 0xFFFF) + (raw[i + w - 1] & 0xFFFF)
                    + (raw[i + w + 1] & 0xFFFF) + 2) >>> 2);
        }
    }

    private static Channel opposite(Channel redOrBlue) {
        return redOrBlue == Channel.RED ? Channel.BLUE : Channel.RED;
    }

    /**
     * Red, green and blue planes of {@code n} pixels, allocated in parallel: the JVM zeroes a new array on the thread
     * that allocates it, and for full-size planes that zeroing is a good part of a debayer's time.
     */
    private static short[][] newPlanes(int n) {
        return IntStream.range(0, 3).parallel().mapToObj(c -> new short[n]).toArray(short[][]::new);
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
