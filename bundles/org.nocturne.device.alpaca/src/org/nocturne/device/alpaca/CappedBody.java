package org.nocturne.device.alpaca;

import java.io.IOException;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.function.ToLongFunction;

/**
 * An HTTP body read into memory, refused as soon as it grows beyond a cap that depends on its Content-Type, so that a
 * hostile or broken server cannot make us allocate without bound. Memory follows the bytes that actually arrive: a
 * declared Content-Length is trusted only for the final size (an image of 100 MB ends in one array of 100 MB) and
 * for refusing at once what is beyond the cap, never for allocating more than {@link #PREALLOCATED_BYTES} ahead.
 */
final class CappedBody implements BodySubscriber<byte[]> {

    /** The most allocated before the bytes arrive, whatever length a server announces. */
    static final int PREALLOCATED_BYTES = 16 << 20;
    private static final int UNKNOWN_LENGTH_START = 8 << 10;
    /** The largest Java array. */
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    private final long cap;
    /** The announced length, or −1. */
    private final long declared;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private byte[] buffer;
    private int filled;
    private Flow.Subscription subscription;

    CappedBody(long cap, long declared) {
        this.cap = Math.min(cap, MAX_ARRAY);
        this.declared = declared;
        if (declared > this.cap) {
            result.completeExceptionally(new TooLarge(declared, this.cap));
            buffer = new byte[0];
        } else {
            buffer = new byte[(int) (declared >= 0 ? Math.min(declared, PREALLOCATED_BYTES) : Math.min(UNKNOWN_LENGTH_START, this.cap))];
        }
    }

    /** A handler whose bodies fail with {@link TooLarge} past {@code cap} bytes (at most 2 GB), whatever their type. */
    static BodyHandler<byte[]> handler(long cap) {
        return handler(type -> cap);
    }

    /**
     * A handler whose bodies fail with {@link TooLarge} past the cap for their Content-Type (the header's value, "" when
     * there is none).
     */
    static BodyHandler<byte[]> handler(ToLongFunction<String> capByContentType) {
        return info -> new CappedBody(capByContentType.applyAsLong(info.headers().firstValue("Content-Type").orElse("")),
                info.headers().firstValueAsLong("Content-Length").orElse(-1));
    }

    /** Bytes allocated for the body so far (tests). */
    int allocated() {
        return buffer.length;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (result.isDone()) {
            s.cancel();
        } else {
            s.request(Long.MAX_VALUE);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer chunk : buffers) {
            long size = filled + (long) chunk.remaining();
            if (size > cap || (declared >= 0 && size > declared)) {
                subscription.cancel();
                result.completeExceptionally(size <= cap ? new IOException("the answer is longer than its Content-Length " + declared)
                        : new TooLarge(size, cap));
                return;
            }
            if (size > buffer.length) {
                long limit = declared >= 0 ? declared : cap;
                buffer = Arrays.copyOf(buffer, (int) Math.min(limit, Math.max(size, 2L * buffer.length)));
            }
            int length = chunk.remaining();
            chunk.get(buffer, filled, length);
            filled += length;
        }
    }

    @Override
    public void onError(Throwable error) {
        result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        if (declared >= 0 && filled != declared) {
            result.completeExceptionally(new IOException("the answer ended after " + filled + " of its " + declared + " bytes"));
        } else {
            result.complete(filled == buffer.length ? buffer : Arrays.copyOf(buffer, filled));
        }
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    /** A body beyond the cap. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(long size, long cap) {
            super("the answer is larger than " + cap + " bytes (" + size + " or more)");
        }
    }
}
