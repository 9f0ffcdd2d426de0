package org.nocturne.device.alpaca;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * Answer bodies: memory follows the bytes that arrive, not the length a server announces; the cap depends on the
 * Content-Type (an ImageBytes image at most 8 bytes a pixel, JSON up to 12 characters a pixel).
 */
class CappedBodyTest {

    private static final Flow.Subscription IGNORED = new Flow.Subscription() {
        @Override
        public void request(long n) {
            // the test pushes the bytes itself
        }

        @Override
        public void cancel() {
            // nothing to stop
        }
    };

    @Test
    void anAnnouncedGigabyteIsNotAllocatedBeforeItArrives() throws Exception {
        CappedBody body = new CappedBody(Integer.MAX_VALUE - 8L, 1_500_000_000L);
        body.onSubscribe(IGNORED);
        body.onNext(List.of(ByteBuffer.wrap(new byte[1000])));
        assertTrue(body.allocated() <= CappedBody.PREALLOCATED_BYTES, "allocated " + body.allocated() + " bytes for 1000 that arrived");
        body.onComplete();
        ExecutionException failure = assertThrows(ExecutionException.class, () -> body.getBody().toCompletableFuture().get(5, TimeUnit.SECONDS));
        assertEquals("the answer ended after 1000 of its 1500000000 bytes", failure.getCause().getMessage());
    }

    @Test
    void aDeclaredBodyGrowsAsItArrivesAndEndsInOneArrayOfItsLength() throws Exception {
        int length = CappedBody.PREALLOCATED_BYTES + 5_000_000;
        CappedBody body = new CappedBody(Integer.MAX_VALUE - 8L, length);
        body.onSubscribe(IGNORED);
        byte[] sent = new byte[length];
        for (int i = 0; i < length; i++) {
            sent[i] = (byte) (i * 31);
        }
        for (int from = 0; from < length; from += 1 << 20) {
            body.onNext(List.of(ByteBuffer.wrap(sent, from, Math.min(1 << 20, length - from))));
        }
        body.onComplete();
        byte[] received = body.getBody().toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertEquals(length, received.length);
        assertArrayEquals(sent, received);
    }

    @Test
    void aBodyOfUnknownLengthIsCutAtTheCap() {
        CappedBody body = new CappedBody(10_000, -1);
        body.onSubscribe(IGNORED);
        body.onNext(List.of(ByteBuffer.wrap(new byte[6000])));
        body.onNext(List.of(ByteBuffer.wrap(new byte[6000])));
        ExecutionException failure = assertThrows(ExecutionException.class, () -> body.getBody().toCompletableFuture().get(5, TimeUnit.SECONDS));
        assertInstanceOf(CappedBody.TooLarge.class, failure.getCause());
    }

    @Test
    void theCapOfAnImageDependsOnItsContentType() {
        long pixels = 1000 * 1000;
        long imageBytes = AlpacaClient.imageCap("application/imagebytes", pixels);
        long json = AlpacaClient.imageCap("application/json; charset=utf-8", pixels);
        assertTrue(imageBytes >= ImageBytesDecoder.HEADER_BYTES + 8 * pixels && imageBytes < 9 * pixels, "ImageBytes cap " + imageBytes);
        assertTrue(json >= 11 * pixels, "JSON cap " + json);
        // An ImageBytes answer announcing the JSON allowance is refused before a byte is read.
        CappedBody body = (CappedBody) CappedBody.handler(type -> AlpacaClient.imageCap(type, pixels))
                .apply(response(Map.of("Content-Type", "application/imagebytes", "Content-Length", String.valueOf(json))));
        ExecutionException failure = assertThrows(ExecutionException.class, () -> body.getBody().toCompletableFuture().get(5, TimeUnit.SECONDS));
        assertInstanceOf(CappedBody.TooLarge.class, failure.getCause());
        assertEquals(0, body.allocated());
    }

    private static HttpResponse.ResponseInfo response(Map<String, String> headers) {
        HttpHeaders http = HttpHeaders.of(headers.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                entry -> List.of(entry.getValue()))), (name, value) -> true);
        return new HttpResponse.ResponseInfo() {
            @Override
            public int statusCode() {
                return 200;
            }

            @Override
            public HttpHeaders headers() {
                return http;
            }

            @Override
            public HttpClient.Version version() {
                return HttpClient.Version.HTTP_1_1;
            }
        };
    }
}
