package org.nocturne.image.fits;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.nocturne.image.Frame;

/**
 * The primary header of the usual frame file, parsed without nom-tam-fits: a 2-D BITPIX 16 image with BZERO 0 or
 * 32768 and BSCALE 1 in the primary HDU, as cameras and capture programs write it. nom-tam-fits takes a few hundred
 * milliseconds to load and initialise in a new JVM and about a millisecond per header after that; this is a loop over
 * the cards into a map.
 *
 * <p>Deliberately narrow: {@link #read} gives null for anything else and for anything unusual in the header (long
 * strings with CONTINUE, HIERARCH or lower-case keywords, a keyword given twice, a malformed card, a missing END, data
 * the file is too short for), and the caller then reads the file through nom-tam-fits, which also reports what is
 * wrong with it.
 */
final class SimpleImageHeader implements HeaderValues {

    private static final int BLOCK = 2880;
    private static final int CARD = 80;
    /** Headers longer than this (36 cards a block) are left to nom-tam-fits. */
    private static final int MAX_BLOCKS = 16;

    private final Map<String, String> values;
    private final int width;
    private final int height;
    private final boolean unsigned;
    private final long dataOffset;

    private SimpleImageHeader(Map<String, String> values, int width, int height, boolean unsigned, long dataOffset) {
        this.values = values;
        this.width = width;
        this.height = height;
        this.unsigned = unsigned;
        this.dataOffset = dataOffset;
    }

    /** The header at the start of {@code channel}, or null when the file is not the simple case (see the class). */
    static SimpleImageHeader read(FileChannel channel, long fileSize) throws IOException {
        Map<String, String> values = new HashMap<>();
        ByteBuffer block = ByteBuffer.allocate(BLOCK);
        byte[] bytes = block.array();
        for (int b = 0; b < MAX_BLOCKS && (b + 1L) * BLOCK <= fileSize; b++) {
            block.clear();
            while (block.hasRemaining()) {
                if (channel.read(block, (long) b * BLOCK + block.position()) < 0) {
                    return null;
                }
            }
            for (int card = 0; card < BLOCK; card += CARD) {
                String key = new String(bytes, card, 8, StandardCharsets.US_ASCII).trim();
                if (key.equals("END")) {
                    return image(values, (b + 1L) * BLOCK, fileSize);
                }
                if (!parseCard(bytes, card, key, values)) {
                    return null;
                }
            }
        }
        return null;
    }

    /** Adds the value of the card at {@code offset} to {@code values}; false when it is not a card this class takes. */
    private static boolean parseCard(byte[] bytes, int offset, String key, Map<String, String> values) {
        if (key.isEmpty() || key.equals("COMMENT") || key.equals("HISTORY")) {
            return true;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                return false;
            }
        }
        if (key.equals("CONTINUE") || key.equals("HIERARCH")) {
            return false;
        }
        if (bytes[offset + 8] != '=' || bytes[offset + 9] != ' ') {
            return true; // a keyword without a value
        }
        String value = value(bytes, offset + 10, offset + CARD);
        return value != null && values.putIfAbsent(key, value) == null;
    }

    /**
     * The value in {@code bytes[from..to)}: a quoted string without its quotes ({@code ''} for a quote, trailing blanks
     * dropped), else the text before any {@code /} comment, trimmed. Null when a string has no closing quote.
     */
    private static String value(byte[] bytes, int from, int to) {
        int i = from;
        while (i < to && bytes[i] == ' ') {
            i++;
        }
        if (i < to && bytes[i] == '\'') {
            StringBuilder text = new StringBuilder();
            for (i++; i < to; i++) {
                if (bytes[i] == '\'') {
                    if (i + 1 < to && bytes[i + 1] == '\'') {
                        text.append('\'');
                        i++;
                    } else {
                        return text.toString().stripTrailing();
                    }
                } else {
                    text.append((char) (bytes[i] & 0xFF));
                }
            }
            return null;
        }
        int end = i;
        while (end < to && bytes[end] != '/') {
            end++;
        }
        return new String(bytes, i, end - i, StandardCharsets.ISO_8859_1).trim();
    }

    /** The header when it describes a simple 16-bit image whose data the file holds in full, else null. */
    private static SimpleImageHeader image(Map<String, String> values, long dataOffset, long fileSize) {
        if (!"T".equals(values.get("SIMPLE")) || !"16".equals(values.get("BITPIX")) || !"2".equals(values.get("NAXIS"))) {
            return null;
        }
        Double bscale = number(values.getOrDefault("BSCALE", "1"));
        Double bzero = number(values.getOrDefault("BZERO", "0"));
        Double width = number(values.get("NAXIS1"));
        Double height = number(values.get("NAXIS2"));
        if (bscale == null || bscale != 1.0 || bzero == null || (bzero != 0.0 && bzero != 32768.0) || width == null
                || height == null || width < 1 || height < 1 || width * height > Frame.MAX_PIXELS
                || width != Math.rint(width) || height != Math.rint(height)
                || dataOffset + 2 * width * height > fileSize) {
            return null;
        }
        return new SimpleImageHeader(values, width.intValue(), height.intValue(), bzero == 32768.0, dataOffset);
    }

    private static Double number(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Double.parseDouble(text.replace('D', 'E'));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public String text(String key) {
        return values.get(key);
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /** True for BZERO 32768: unsigned pixels stored with their sign bit flipped. */
    boolean unsigned() {
        return unsigned;
    }

    /** Where the pixels start in the file, in bytes. */
    long dataOffset() {
        return dataOffset;
    }
}
