package org.nocturne.device.alpaca.server;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * An image as an Alpaca camera holds it: the .NET array {@code [X, Y]}, sent column by column (Y fastest), either as
 * ImageBytes (44-byte little-endian header, then the elements in the transmission type) or as JSON columns.
 *
 * @param width NumX
 * @param height NumY
 * @param values the pixels, {@code values[x][y]}
 * @param transmissionType the ImageBytes element type the values are sent in (the image type is always Int32)
 */
public record TestImage(int width, int height, int[][] values, int transmissionType) {

    /** The JSON Value: one inner array per X column. */
    int[][] columns() {
        return values;
    }

    /** The ImageBytes answer. */
    byte[] imageBytes(long clientTransaction, long serverTransaction) {
        int size = switch (transmissionType) {
            case 6 -> 1;
            case 1, 8 -> 2;
            default -> 4;
        };
        byte[] header = header(1, 0, clientTransaction, serverTransaction, 2, transmissionType, width, height, 0);
        ByteBuffer body = ByteBuffer.allocate(header.length + width * height * size).order(ByteOrder.LITTLE_ENDIAN);
        body.put(header);
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                int value = values[x][y];
                switch (transmissionType) {
                    case 6 -> body.put((byte) value);
                    case 1, 8 -> body.putShort((short) value);
                    default -> body.putInt(value);
                }
            }
        }
        return body.array();
    }

    /** A 44-byte ImageBytes header (rank 2), followed by {@code padding} zero bytes. */
    static byte[] header(int version, int error, long clientTransaction, long serverTransaction, int imageType, int transmissionType,
            int dimension1, int dimension2, int padding) {
        ByteBuffer header = ByteBuffer.allocate(44 + padding).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(version).putInt(error).putInt((int) clientTransaction).putInt((int) serverTransaction).putInt(44).putInt(imageType)
                .putInt(transmissionType).putInt(2).putInt(dimension1).putInt(dimension2).putInt(0);
        return header.array();
    }
}
