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

    /** Half-size colour: red and blue from their pixel of each 2×2 cell, green the mean of the cell's two greens. */
    public static RgbImage superpixel(Frame frame) {
        BayerPattern pattern = requireBayer(frame);
        int w = frame.width() / 2;
        int h = frame.height() / 2;
        short[] red = new short[w * h];
        short[] green = new short[w * h];
        short[] blue = new short[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int greens = 0;
                int i = y * w + x;
                for (int dy = 0; dy < 2; dy++) {
                    for (int dx = 0; dx < 2; dx++) {
                        int value = frame.value(2 * x + dx, 2 * y + dy);
                        switch (pattern.colorAt(dx, dy)) {
                            case RED -> red[i] = (short) value;
                            case BLUE -> blue[i] = (short) value;
                            case GREEN -> greens += value;
                        }
                    }
                }
                green[i] = (short) (greens / 2);
            }
        }
        return new RgbImage(w, h, red, green, blue);
    }

    /** Full-size colour by bilinear interpolation; edge pixels use the neighbours that exist. */
    public static RgbImage bilinear(Frame frame) {
        BayerPattern pattern = requireBayer(frame);
        int w = frame.width();
        int h = frame.height();
        short[] red = new short[w * h];
        short[] green = new short[w * h];
        short[] blue = new short[w * h];
        short[][] planes = { red, green, blue };
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                Channel own = pattern.colorAt(x, y);
                int i = y * w + x;
                for (Channel channel : Channel.values()) {
                    planes[channel.ordinal()][i] = (short) (channel == own ? frame.value(x, y)
                            : neighbourMean(frame, pattern, channel, x, y));
                }
            }
        }
        return new RgbImage(w, h, red, green, blue);
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
