package org.nocturne.device.alpaca;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Reads an Alpaca ImageBytes answer: a 44-byte little-endian header (MetadataVersion, ErrorNumber,
 * ClientTransactionID, ServerTransactionID, DataStart, ImageElementType, TransmissionElementType, Rank, Dimension1,
 * Dimension2, Dimension3), then the array {@code [Dimension1 = X, Dimension2 = Y]} with Y fastest, in the transmission
 * element type, widened here. The header is checked against the body length and the size asked for before anything is
 * allocated. Colour (rank 3) images are not supported yet and are refused with a message saying so.
 */
final class ImageBytesDecoder {

    static final int HEADER_BYTES = 44;

    private final String device;
    private final int width;
    private final int height;
    private final long maxAdu;

    ImageBytesDecoder(String device, int width, int height, long maxAdu) {
        this.device = device;
        this.width = width;
        this.height = height;
        this.maxAdu = maxAdu;
    }

    ImagePixels decode(byte[] body, long transaction) {
        if (body.length < HEADER_BYTES) {
            throw broken("the ImageBytes answer has " + body.length + " bytes, fewer than its 44-byte header");
        }
        ByteBuffer data = ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN);
        int version = data.getInt(0);
        int errorNumber = data.getInt(4);
        long echoed = data.getInt(8) & 0xFFFF_FFFFL;
        int dataStart = data.getInt(16);
        int imageType = data.getInt(20);
        int transmissionType = data.getInt(24);
        int rank = data.getInt(28);
        int dimension1 = data.getInt(32);
        int dimension2 = data.getInt(36);
        if (version != 1) {
            throw broken("ImageBytes MetadataVersion " + version + " is not 1");
        }
        if (dataStart < HEADER_BYTES || dataStart > body.length) {
            throw broken("ImageBytes DataStart " + dataStart + " is outside the " + body.length + "-byte answer");
        }
        if (echoed != 0 && echoed != transaction) {
            throw broken("the image echoes ClientTransactionID " + echoed + " for request " + transaction + " (an answer to another request)");
        }
        if (errorNumber != 0) {
            String message = new String(body, dataStart, body.length - dataStart, StandardCharsets.UTF_8);
            throw AlpacaException.refused(AlpacaErrors.describe(device, "imagearray", errorNumber, message), errorNumber);
        }
        if (rank == 3) {
            throw AlpacaException.refused(device + ": imagearray: colour images (rank 3) are not supported yet", 0);
        }
        if (rank != 2) {
            throw broken("ImageBytes Rank " + rank + " is not 2");
        }
        if (imageType < 1 || imageType > 9) {
            throw broken("ImageBytes ImageElementType " + imageType + " is unknown");
        }
        int size = elementBytes(transmissionType);
        if (size == 0) {
            throw broken("ImageBytes TransmissionElementType " + transmissionType + " is unknown");
        }
        if (dimension1 != width || dimension2 != height) {
            throw broken("the image header claims " + dimension1 + "×" + dimension2 + " pixels, but " + width + "×" + height + " were asked for");
        }
        long pixels = (long) width * height; // the size asked for, within the sensor's
        long expected = pixels * size;
        if (body.length - (long) dataStart != expected) {
            throw broken("the image has " + (body.length - dataStart) + " bytes of pixels, but its header announces " + expected
                    + " (truncated or garbled)");
        }
        ImagePixels out = new ImagePixels(width, height, maxAdu);
        data.position(dataStart);
        for (long i = 0; i < pixels; i++) {
            switch (transmissionType) {
                case 1 -> out.put(data.getShort());
                case 2 -> out.put(data.getInt());
                case 3 -> out.put(data.getDouble());
                case 4 -> out.put(data.getFloat());
                case 5 -> {
                    long value = data.getLong();
                    out.put(value < 0 ? Long.MAX_VALUE : value); // an unsigned value beyond 2^63 saturates
                }
                case 6 -> out.put(data.get() & 0xFF);
                case 7 -> out.put(data.getLong());
                case 8 -> out.put(data.getShort() & 0xFFFF);
                case 9 -> out.put(data.getInt() & 0xFFFF_FFFFL);
                default -> throw new IllegalStateException("element type " + transmissionType);
            }
        }
        return out;
    }

    /** Bytes per element of an Alpaca ImageArrayElementTypes value; 0 for an unknown type. */
    static int elementBytes(int type) {
        return switch (type) {
            case 1, 8 -> 2; // Int16, UInt16
            case 2, 4, 9 -> 4; // Int32, Single, UInt32
            case 3, 5, 7 -> 8; // Double, UInt64, Int64
            case 6 -> 1; // Byte
            default -> 0;
        };
    }

    private AlpacaException broken(String what) {
        return AlpacaException.broken(device + ": imagearray: " + what, null);
    }
}
