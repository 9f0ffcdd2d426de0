package org.nocturne.device.indi.protocol;

import java.util.Arrays;

/**
 * Decodes base64 text fed in pieces, as a BLOB's text arrives from the parser, so the encoded text is never held whole.
 * Line breaks and other whitespace are skipped. Refuses output beyond a cap and characters outside the alphabet. Not
 * thread-safe; one per BLOB.
 */
final class Base64Accumulator {

    private static final int[] VALUES = new int[128];

    static {
        Arrays.fill(VALUES, -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            VALUES[alphabet.charAt(i)] = i;
        }
    }

    /** The most bytes allocated ahead on the strength of an announced size. */
    private static final long PRESIZE_LIMIT = 64L << 20;

    private final long maxBytes;
    private final String what;
    private byte[] out;
    private int size;
    private int quantum;
    private int quantumLength;
    private int padding;

    /**
     * @param maxBytes the most decoded bytes accepted
     * @param expectedBytes the decoded size announced, to size the buffer at once; 0 when unknown
     * @param what the BLOB, for messages ("CCD Simulator.CCD1.CCD1")
     */
    Base64Accumulator(long maxBytes, long expectedBytes, String what) {
        this.maxBytes = maxBytes;
        this.what = what;
        // the announced size is the server's word: pre-size at most PRESIZE_LIMIT and grow from there
        this.out = new byte[(int) Math.min(Math.min(Math.max(expectedBytes, 64), maxBytes), PRESIZE_LIMIT)];
    }

    /** Decodes {@code length} characters of {@code text} from {@code start}. */
    void feed(char[] text, int start, int length) throws IndiProtocolException {
        for (int i = start; i < start + length; i++) {
            char c = text[i];
            if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                continue;
            }
            if (c == '=') {
                padding++;
                continue;
            }
            int value = c < 128 ? VALUES[c] : -1;
            if (value < 0 || padding > 0) {
                throw new IndiProtocolException(what + " is not base64 (character '" + c + "')");
            }
            quantum = quantum << 6 | value;
            if (++quantumLength == 4) {
                append(quantum >> 16);
                append(quantum >> 8);
                append(quantum);
                quantum = 0;
                quantumLength = 0;
            }
        }
    }

    /** The decoded bytes, after the last piece. */
    byte[] finish() throws IndiProtocolException {
        if (quantumLength == 2 && padding <= 2) {
            append(quantum >> 4);
        } else if (quantumLength == 3 && padding <= 1) {
            append(quantum >> 10);
            append(quantum >> 2);
        } else if (quantumLength != 0 || padding > 2) {
            throw new IndiProtocolException(what + " ends in the middle of a base64 group (truncated?)");
        }
        return size == out.length ? out : Arrays.copyOf(out, size);
    }

    private void append(int value) throws IndiProtocolException {
        if (size == out.length) {
            if (size >= maxBytes) {
                throw new IndiProtocolException(what + " is larger than the " + maxBytes + " bytes accepted");
            }
            out = Arrays.copyOf(out, (int) Math.min(maxBytes, Math.max(1024, (long) size * 2)));
        }
        out[size++] = (byte) value;
    }
}
