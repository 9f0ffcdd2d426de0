package org.nocturne.catalog.importer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

import nom.tam.fits.FitsException;
import nom.tam.fits.Header;
import nom.tam.util.FitsFile;

/**
 * The stars of one astrometry.net index file ({@code index-tycho2-NN.littleendian.fits}): the star k-d tree's
 * quantised unit vectors ({@code kdtree_data_stars}, three unsigned 32-bit little-endian integers a star, scaled by
 * {@code kdtree_range_stars}) and the tag-along {@code MAG_VT} column in the same order. Headers are read with
 * nom-tam-fits; the k-d tree tables are declared as character columns but hold raw little-endian binary, so their
 * bytes are read directly at the offsets the headers give.
 *
 * @param raDegrees ICRS right ascension, epoch J2000, [0, 360)
 * @param decDegrees ICRS declination, epoch J2000
 * @param magnitudes Tycho V<sub>T</sub>
 */
public record TychoIndexFile(Path path, double[] raDegrees, double[] decDegrees, double[] magnitudes) {

    public static TychoIndexFile read(Path path) throws IOException {
        Map<String, long[]> tables = tableOffsets(path);
        for (String table : new String[] { "kdtree_data_stars", "kdtree_range_stars", "MAG_VT" }) {
            if (!tables.containsKey(table)) {
                throw new IOException(path + " has no " + table + " table: not an astrometry.net star index");
            }
        }
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            ByteBuffer range = bytes(channel, tables.get("kdtree_range_stars"), ByteOrder.LITTLE_ENDIAN);
            double[] minimum = { range.getDouble(0), range.getDouble(8), range.getDouble(16) };
            double scale = range.getDouble(48);
            ByteBuffer data = bytes(channel, tables.get("kdtree_data_stars"), ByteOrder.LITTLE_ENDIAN);
            ByteBuffer vt = bytes(channel, tables.get("MAG_VT"), ByteOrder.BIG_ENDIAN);
            int count = (int) tables.get("kdtree_data_stars")[2];
            if (tables.get("MAG_VT")[2] != count || tables.get("kdtree_data_stars")[1] != 12) {
                throw new IOException(path + ": the star and magnitude tables disagree in size");
            }
            double[] ra = new double[count];
            double[] dec = new double[count];
            double[] mag = new double[count];
            for (int i = 0; i < count; i++) {
                double x = minimum[0] + Integer.toUnsignedLong(data.getInt(12 * i)) / scale;
                double y = minimum[1] + Integer.toUnsignedLong(data.getInt(12 * i + 4)) / scale;
                double z = minimum[2] + Integer.toUnsignedLong(data.getInt(12 * i + 8)) / scale;
                ra[i] = (Math.toDegrees(Math.atan2(y, x)) + 360) % 360;
                dec[i] = Math.toDegrees(Math.atan2(z, Math.hypot(x, y)));
                mag[i] = vt.getFloat(4 * i);
            }
            return new TychoIndexFile(path, ra, dec, mag);
        }
    }

    public int size() {
        return raDegrees.length;
    }

    /** Per table named by TTYPE1: the data offset, the row width and the row count. */
    private static Map<String, long[]> tableOffsets(Path path) throws IOException {
        Map<String, long[]> tables = new HashMap<>();
        try (FitsFile file = new FitsFile(path.toFile(), "r")) {
            long length = file.length();
            while (file.getFilePointer() < length) {
                Header header = Header.readHeader(file);
                long offset = file.getFilePointer();
                if (header.containsKey("TTYPE1")) {
                    tables.put(header.getStringValue("TTYPE1").trim(),
                            new long[] { offset, header.getLongValue("NAXIS1"), header.getLongValue("NAXIS2") });
                }
                long padded = (header.getDataSize() + 2879) / 2880 * 2880;
                file.seek(offset + padded);
            }
        } catch (FitsException e) {
            throw new IOException(path + ": " + e.getMessage(), e);
        }
        return tables;
    }

    private static ByteBuffer bytes(FileChannel channel, long[] table, ByteOrder order) throws IOException {
        int size = Math.toIntExact(table[1] * table[2]);
        ByteBuffer buffer = ByteBuffer.allocate(size);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, table[0] + buffer.position()) < 0) {
                throw new IOException("truncated table at byte " + table[0]);
            }
        }
        return buffer.flip().order(order);
    }
}
