package org.nocturne.device.indi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.nocturne.device.indi.protocol.IndiConnection;
import org.nocturne.device.indi.protocol.IndiProperty;

/** A BLOB's bytes leave the property model once read, but never a newer BLOB's that came in the meantime. */
class IndiBlobReleaseTest {

    @Test
    void releasingAReadBlobDropsItsBytesButKeepsANewerOne() throws Exception {
        try (FakeIndiServer server = new FakeIndiServer();
                IndiConnection connection = IndiConnection.open("127.0.0.1", server.port(), Duration.ofSeconds(5), 1 << 20)) {
            server.push("<defBLOBVector device='CCD' name='CCD1' state='Idle' perm='ro'><defBLOB name='CCD1'/></defBLOBVector>");
            server.push(blob("first"));
            await(connection, () -> hasBlob(connection, "first"));
            IndiProperty first = connection.property("CCD", "CCD1");
            server.push(blob("second"));
            await(connection, () -> hasBlob(connection, "second"));

            connection.releaseBlobs(first);
            assertArrayEquals(bytes("second"), connection.property("CCD", "CCD1").element("CCD1").blob(), "a newer image stays");

            IndiProperty second = connection.property("CCD", "CCD1");
            long version = connection.version();
            connection.releaseBlobs(second);
            IndiProperty released = connection.property("CCD", "CCD1");
            assertTrue(released.element("CCD1").blob() == null, "the image read is let go");
            assertEquals(".fits", released.element("CCD1").format());
            assertEquals(second.updated(), released.updated(), "not an update from the driver");
            assertEquals(version, connection.version());
        }
    }

    private static String blob(String content) {
        byte[] data = bytes(content);
        return "<setBLOBVector device='CCD' name='CCD1' state='Ok'><oneBLOB name='CCD1' format='.fits' size='" + data.length + "' len='"
                + data.length + "'>" + Base64.getEncoder().encodeToString(data) + "</oneBLOB></setBLOBVector>";
    }

    private static byte[] bytes(String content) {
        return content.getBytes(StandardCharsets.US_ASCII);
    }

    private static boolean hasBlob(IndiConnection connection, String content) {
        IndiProperty property = connection.property("CCD", "CCD1");
        return property != null && property.element("CCD1").blob() != null
                && new String(property.element("CCD1").blob(), StandardCharsets.US_ASCII).equals(content);
    }

    private static void await(IndiConnection connection, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline && connection.failure() == null, "timed out; " + connection.failure());
            connection.awaitChange(connection.version(), Duration.ofMillis(100));
        }
    }
}
