package org.nocturne.image.fits;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ShortBuffer;
import java.nio.channels.FileChannel;

/**
 * The fast path for the common case, 16-bit integer pixels: FITS stores them big-endian, and unsigned values with
 * BZERO 32768 (flipping the sign bit turns one into the other). Reading and writing go through a 1 MiB direct buffer,
 * so a 24-megapixel frame moves with no intermediate 2-D array and no per-pixel object. nom-tam-fits still parses and
 * writes the headers.
 */
final class RawPixels {

    private static final int CHUNK_BYTES = 1 << 20;
    private static final int FITS_BLOCK = 2880;

    private RawPixels() {
    }

    /**
     * Reads {@code count} 16-bit pixels starting at byte {@code offset} into unsigned values: with {@code unsigned}
     * (BZERO 32768) by flipping the sign bit, else clipping negative values to 0.
     */
    static short[] read(FileChannel channel, long offset, int count, boolean unsigned) throws IOException {
        short[] out = new short[count];
        ByteBuffer buffer = ByteBuffer.allocateDirect(CHUNK_BYTES).order(ByteOrder.BIG_ENDIAN);
        ShortBuffer shorts = buffer.asShortBuffer();
        long position = offset;
        int done = 0;
        while (done < count) {
            int want = Math.min(CHUNK_BYTES / 2, count - done);
            buffer.clear().limit(want * 2);
            while (buffer.hasRemaining()) {
                int read = channel.read(buffer, position + buffer.position());
                if (read < 0) {
                    throw new EOFException("data ends after " + (position + buffer.position() - offset) + " bytes");
                }
            }
            shorts.clear().limit(want);
            shorts.get(out, done, want);
            if (unsigned) {
                for (int i = done; i < done + want; i++) {
                    out[i] ^= (short) 0x8000;
                }
            } else {
                for (int i = done; i < done + want; i++) {
                    if (out[i] < 0) {
                        out[i] = 0;
                    }
                }
            }
            position += want * 2L;
            done += want;
        }
        return out;
    }

    /** Writes unsigned 16-bit pixels as FITS data with BZERO 32768, padded with zeros to a whole 2880-byte block. */
    static void write(FileChannel channel, short[] pixels) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocateDirect(CHUNK_BYTES).order(ByteOrder.BIG_ENDIAN);
        int done = 0;
        while (done < pixels.length) {
            int n = Math.min(CHUNK_BYTES / 2, pixels.length - done);
            buffer.clear();
            for (int i = done; i < done + n; i++) {
                buffer.putShort((short) (pixels[i] ^ 0x8000));
            }
            buffer.flip();
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            done += n;
        }
        long bytes = pixels.length * 2L;
        int padding = (int) ((FITS_BLOCK - bytes % FITS_BLOCK) % FITS_BLOCK);
        if (padding > 0) {
            ByteBuffer zeros = ByteBuffer.allocate(padding);
            while (zeros.hasRemaining()) {
                channel.write(zeros);
            }
        }
    }
}
