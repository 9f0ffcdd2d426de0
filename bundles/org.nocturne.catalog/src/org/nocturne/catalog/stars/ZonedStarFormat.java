package org.nocturne.catalog.stars;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The compact, spatially zoned star file: the sky cut into declination zones of {@link #ZONE_HEIGHT_DEGREES}, the
 * stars of each zone sorted by right ascension, 8 bytes a star, gzip-compressed. Positions keep 0.0003″ in right
 * ascension and 0.014″ in declination; magnitudes keep 0.001 mag.
 *
 * <p>Layout (big-endian, inside gzip): the magic line {@code NOCTURNE-STARS 1\n}; a UTF-8 provenance text (int length,
 * bytes); the zone count and star count (ints); one int per zone with its star count; then per star the right
 * ascension as an unsigned 32-bit fraction of a turn, the declination as an unsigned 16-bit fraction of its zone, and
 * the magnitude in millimagnitudes (signed 16-bit). The gzip header carries no time or name, so the same stars give
 * the same bytes.
 */
public final class ZonedStarFormat {

    public static final double ZONE_HEIGHT_DEGREES = 0.25;
    public static final int ZONE_COUNT = (int) Math.round(180 / ZONE_HEIGHT_DEGREES);

    private static final byte[] MAGIC = "NOCTURNE-STARS 1\n".getBytes(StandardCharsets.US_ASCII);
    private static final double TURN = 4294967296.0;

    private ZonedStarFormat() {
    }

    /** The zone of a declination, in [0, {@link #ZONE_COUNT}). */
    public static int zoneOf(double decDegrees) {
        return Math.min(ZONE_COUNT - 1, Math.max(0, (int) Math.floor((decDegrees + 90) / ZONE_HEIGHT_DEGREES)));
    }

    /**
     * Writes stars in this format. The stars need not be sorted; the output depends only on the stars, not their order.
     *
     * @param raDegrees ICRS right ascensions, [0, 360)
     * @param decDegrees ICRS declinations
     * @param magnitudes magnitudes, within ±32
     */
    public static void write(double[] raDegrees, double[] decDegrees, double[] magnitudes, String provenance,
            OutputStream out) throws IOException {
        int count = raDegrees.length;
        long[] keys = new long[count];
        int[] raUnits = new int[count];
        char[] decUnits = new char[count];
        short[] milliMagnitudes = new short[count];
        int[] zoneCounts = new int[ZONE_COUNT];
        for (int i = 0; i < count; i++) {
            int zone = zoneOf(decDegrees[i]);
            zoneCounts[zone]++;
            raUnits[i] = (int) (long) Math.floor(((raDegrees[i] % 360 + 360) % 360) / 360.0 * TURN);
            double zoneSouth = zone * ZONE_HEIGHT_DEGREES - 90;
            decUnits[i] = (char) Math.min(65535, Math.max(0, Math.floor((decDegrees[i] - zoneSouth) / ZONE_HEIGHT_DEGREES * 65536)));
            milliMagnitudes[i] = (short) Math.round(magnitudes[i] * 1000);
            keys[i] = ((long) zone << 32) | Integer.toUnsignedLong(raUnits[i]);
        }
        Integer[] order = new Integer[count];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> {
            int byKey = Long.compare(keys[a], keys[b]);
            if (byKey != 0) {
                return byKey;
            }
            int byDec = Character.compare(decUnits[a], decUnits[b]);
            return byDec != 0 ? byDec : Short.compare(milliMagnitudes[a], milliMagnitudes[b]);
        });
        GZIPOutputStream gzip = new GZIPOutputStream(out, 1 << 16);
        DataOutputStream data = new DataOutputStream(gzip);
        data.write(MAGIC);
        byte[] text = provenance.getBytes(StandardCharsets.UTF_8);
        data.writeInt(text.length);
        data.write(text);
        data.writeInt(ZONE_COUNT);
        data.writeInt(count);
        for (int zoneCount : zoneCounts) {
            data.writeInt(zoneCount);
        }
        for (int i : order) {
            data.writeInt(raUnits[i]);
            data.writeChar(decUnits[i]);
            data.writeShort(milliMagnitudes[i]);
        }
        data.flush();
        gzip.finish();
    }

    /** Reads a star file; the stream is read to its end but not closed. */
    static StarCatalog read(InputStream in, String source) throws IOException {
        try {
            DataInputStream data = new DataInputStream(new GZIPInputStream(in, 1 << 16));
            byte[] magic = new byte[MAGIC.length];
            data.readFully(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new IOException(source + " is not a Nocturne star file (version 1)");
            }
            byte[] text = new byte[checkedLength(data.readInt(), 1 << 20, "provenance", source)];
            data.readFully(text);
            int zones = data.readInt();
            if (zones != ZONE_COUNT) {
                throw new IOException(source + " has " + zones + " zones, expected " + ZONE_COUNT);
            }
            int count = checkedLength(data.readInt(), 50_000_000, "star count", source);
            int[] zoneStart = new int[ZONE_COUNT + 1];
            for (int zone = 0; zone < ZONE_COUNT; zone++) {
                zoneStart[zone + 1] = zoneStart[zone] + checkedLength(data.readInt(), count, "zone size", source);
            }
            if (zoneStart[ZONE_COUNT] != count) {
                throw new IOException(source + ": zone sizes add up to " + zoneStart[ZONE_COUNT] + ", not " + count);
            }
            int[] ra = new int[count];
            char[] dec = new char[count];
            short[] mag = new short[count];
            byte[] record = new byte[8];
            for (int i = 0; i < count; i++) {
                data.readFully(record);
                ra[i] = (record[0] & 0xff) << 24 | (record[1] & 0xff) << 16 | (record[2] & 0xff) << 8 | (record[3] & 0xff);
                dec[i] = (char) ((record[4] & 0xff) << 8 | (record[5] & 0xff));
                mag[i] = (short) ((record[6] & 0xff) << 8 | (record[7] & 0xff));
            }
            return new StarCatalog(new String(text, StandardCharsets.UTF_8), zoneStart, ra, dec, mag);
        } catch (EOFException e) {
            throw new IOException(source + " is truncated", e);
        }
    }

    private static int checkedLength(int value, int max, String what, String source) throws IOException {
        if (value < 0 || value > max) {
            throw new IOException(source + ": " + what + " " + value + " is out of range");
        }
        return value;
    }

    static double raRadians(int raUnits) {
        return Integer.toUnsignedLong(raUnits) / TURN * 2 * Math.PI;
    }

    static double decRadians(int zone, char decUnits) {
        return Math.toRadians(zone * ZONE_HEIGHT_DEGREES - 90 + (decUnits + 0.5) / 65536.0 * ZONE_HEIGHT_DEGREES);
    }

    static int raUnits(double raRadians) {
        return (int) (long) Math.floor(raRadians / (2 * Math.PI) * TURN);
    }
}
