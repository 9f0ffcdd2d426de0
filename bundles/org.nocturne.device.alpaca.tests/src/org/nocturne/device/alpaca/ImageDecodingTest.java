package org.nocturne.device.alpaca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The ImageBytes and JSON image decoders widen every element type, transpose, and refuse what does not add up, clearly. */
class ImageDecodingTest {

    private static final String CAMERA = "Alpaca camera 0 on test:1";
    private static final long TRANSACTION = 77;

    /** A 3×2 image whose pixel (x, y) is 10x + y, except where the test puts other values. */
    private static ByteBuffer image(int elementType, int transmissionType, int bytesPerValue, int rank, int width, int height) {
        ByteBuffer buffer = ByteBuffer.allocate(44 + width * height * bytesPerValue).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(1).putInt(0).putInt((int) TRANSACTION).putInt(5).putInt(44).putInt(elementType).putInt(transmissionType).putInt(rank)
                .putInt(width).putInt(height).putInt(0);
        return buffer;
    }

    private static ImagePixels decode(byte[] body, int width, int height, long maxAdu) {
        return new ImageBytesDecoder(CAMERA, width, height, maxAdu).decode(body, TRANSACTION);
    }

    private static int value(ImagePixels pixels, int x, int y) {
        return pixels.pixels()[y * pixels.width() + x] & 0xFFFF;
    }

    @Test
    void widensEveryTransmissionTypeAndTransposes() {
        int[] types = { 1, 2, 3, 4, 5, 6, 7, 8, 9 };
        for (int type : types) {
            int size = ImageBytesDecoder.elementBytes(type);
            ByteBuffer body = image(2, type, size, 2, 3, 2);
            for (int x = 0; x < 3; x++) {
                for (int y = 0; y < 2; y++) {
                    int v = 10 * x + y;
                    switch (type) {
                        case 1, 8 -> body.putShort((short) v);
                        case 2, 9 -> body.putInt(v);
                        case 3 -> body.putDouble(v);
                        case 4 -> body.putFloat(v);
                        case 5, 7 -> body.putLong(v);
                        case 6 -> body.put((byte) v);
                        default -> throw new AssertionError();
                    }
                }
            }
            ImagePixels pixels = decode(body.array(), 3, 2, 65_535);
            for (int x = 0; x < 3; x++) {
                for (int y = 0; y < 2; y++) {
                    assertEquals(10 * x + y, value(pixels, x, y), "type " + type + " pixel (" + x + ", " + y + ")");
                }
            }
        }
    }

    @Test
    void unsignedValuesStayUnsignedAndOutOfRangeValuesSaturate() {
        ByteBuffer body = image(2, 8, 2, 2, 2, 1);
        body.putShort((short) 65_000).putShort((short) 40_000);
        ImagePixels unsigned = decode(body.array(), 2, 1, 65_535);
        assertEquals(65_000, value(unsigned, 0, 0));
        assertEquals(40_000, value(unsigned, 1, 0));

        ByteBuffer int32 = image(2, 2, 4, 2, 3, 1);
        int32.putInt(-5).putInt(70_000).putInt(1234);
        ImagePixels clipped = decode(int32.array(), 3, 1, 65_535);
        assertEquals(0, value(clipped, 0, 0), "negative clips to 0");
        assertEquals(65_535, value(clipped, 1, 0), "beyond 16 bits saturates");
        assertEquals(1234, value(clipped, 2, 0));
    }

    @Test
    void aSensorDeeperThan16BitsIsScaledToFit() {
        ByteBuffer body = image(2, 2, 4, 2, 2, 1);
        body.putInt(262_143).putInt(131_072);
        ImagePixels scaled = decode(body.array(), 2, 1, 262_143);
        assertEquals(65_535, value(scaled, 0, 0));
        assertEquals(32_768, value(scaled, 1, 0), 1);
    }

    @Test
    void refusesHeadersThatDoNotAddUp() {
        assertMessage(new byte[20], "fewer than its 44-byte header");
        ByteBuffer huge = image(2, 8, 0, 2, 100_000, 100_000);
        assertMessage(huge.array(), "100000×100000");
        ByteBuffer truncated = image(2, 8, 2, 2, 3, 2);
        truncated.putShort((short) 1);
        byte[] shortBody = new byte[44 + 5];
        System.arraycopy(truncated.array(), 0, shortBody, 0, shortBody.length);
        assertMessage(shortBody, "truncated");
        ByteBuffer version = image(2, 8, 2, 2, 3, 2);
        version.putInt(0, 2);
        assertMessage(version.array(), "MetadataVersion 2");
        ByteBuffer start = image(2, 8, 2, 2, 3, 2);
        start.putInt(16, 1_000_000);
        assertMessage(start.array(), "DataStart 1000000");
        ByteBuffer type = image(2, 42, 2, 2, 3, 2);
        assertMessage(type.array(), "TransmissionElementType 42");
        ByteBuffer other = image(2, 8, 2, 2, 3, 2);
        other.putInt(8, 78);
        assertMessage(other.array(), "ClientTransactionID 78");
    }

    @Test
    void aColourImageIsRefusedAsNotSupportedYet() {
        AlpacaException refused = assertThrows(AlpacaException.class, () -> decode(image(2, 8, 2, 3, 3, 2).array(), 3, 2, 65_535));
        assertTrue(refused.getMessage().contains("colour images (rank 3) are not supported yet"), refused.getMessage());
        AlpacaException json = assertThrows(AlpacaException.class, () -> json("{\"Type\":2,\"Rank\":3,\"Value\":[[[1,2,3]]]}", 1, 1));
        assertTrue(json.getMessage().contains("not supported yet"), json.getMessage());
    }

    @Test
    void anErrorInTheImageHeaderCarriesTheDevicesMessage() {
        byte[] message = "Camera overheated".getBytes(StandardCharsets.UTF_8);
        ByteBuffer body = ByteBuffer.allocate(44 + message.length).order(ByteOrder.LITTLE_ENDIAN);
        body.putInt(1).putInt(0x500).putInt((int) TRANSACTION).putInt(5).putInt(44).putInt(0).putInt(0).putInt(0).putInt(0).putInt(0).putInt(0)
                .put(message);
        AlpacaException error = assertThrows(AlpacaException.class, () -> decode(body.array(), 3, 2, 65_535));
        assertEquals(0x500, error.errorNumber());
        assertTrue(error.getMessage().contains("driver error 0x500") && error.getMessage().contains("Camera overheated"), error.getMessage());
        assertTrue(!error.linkBroken());
    }

    @Test
    void jsonColumnsAreTransposed() {
        ImagePixels pixels = json("{\"Type\":2,\"Rank\":2,\"Value\":[[0,1],[10,11],[20,21]],\"ClientTransactionID\":77,\"ErrorNumber\":0}", 3, 2);
        for (int x = 0; x < 3; x++) {
            for (int y = 0; y < 2; y++) {
                assertEquals(10 * x + y, value(pixels, x, y));
            }
        }
    }

    @Test
    void jsonImagesOfTheWrongShapeOrTypeAreRefused() {
        assertJsonMessage("{\"Rank\":2,\"Value\":[[0,1],[10,\"abc\"],[20,21]]}", "pixel (1, 1) is abc, not a number");
        assertJsonMessage("{\"Rank\":2,\"Value\":[[0,1],[10],[20,21]]}", "column 1 has 1 values");
        assertJsonMessage("{\"Rank\":2,\"Value\":[[0,1],[10,11]]}", "4 pixels, but 3×2");
        assertJsonMessage("{\"Rank\":2,\"Value\":[[0,1],[10,11],[20,21],[30,31]]}", "more than the 3 columns");
        assertJsonMessage("{\"Rank\":2}", "no Value");
        assertJsonMessage("[1,2]", "not a JSON object");
        assertJsonMessage("{\"Rank\":2,\"Value\":[[0,1],[10,11],[20,", "cannot be read");
        assertJsonMessage("{\"Rank\":2,\"Value\":[[0,1],[10,11],[20,21]],\"ClientTransactionID\":5}", "ClientTransactionID 5");
    }

    private static ImagePixels json(String text, int width, int height) {
        return new JsonImageDecoder(CAMERA, width, height, 65_535).decode(text.getBytes(StandardCharsets.UTF_8), TRANSACTION);
    }

    private static void assertJsonMessage(String text, String fragment) {
        AlpacaException error = assertThrows(AlpacaException.class, () -> json(text, 3, 2));
        assertTrue(error.getMessage().startsWith(CAMERA) && error.getMessage().contains(fragment), error.getMessage());
        assertTrue(error.linkBroken(), "a garbled image breaks the link: " + error.getMessage());
    }

    private static void assertMessage(byte[] body, String fragment) {
        AlpacaException error = assertThrows(AlpacaException.class, () -> decode(body, 3, 2, 65_535));
        assertTrue(error.getMessage().startsWith(CAMERA) && error.getMessage().contains(fragment), error.getMessage());
        assertTrue(error.linkBroken());
    }
}
