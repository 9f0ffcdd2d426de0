package org.nocturne.device.alpaca;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * An HTTP body read into memory, refused as soon as it grows beyond a cap, so that a hostile or broken server cannot
 * make us allocate without bound. A body with a Content-Length is read straight into one array of that size (an image
 * of 100 MB costs 100 MB, not twice that).
 */
final class CappedBody implements BodySubscriber<byte[]> {

    private final long cap;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    /** The body of a declared length, filled in place; null when the length is unknown. */
    private final byte[] sized;
    private int filled;
    /** The body of unknown length. */
    private final ByteArrayOutputStream growing = new ByteArrayOutputStream();
    private Flow.Subscription subscription;

    private CappedBody(long cap, long declared) {
        this.cap = cap;
        this.sized = declared >= 0 && declared <= cap ? new byte[(int) declared] : null;
        if (declared > cap) {
            result.completeExceptionally(new TooLarge(declared, cap));
        }
    }

    /** A handler whose bodies fail with {@link TooLarge} past {@code cap} bytes (at most 2 GB). */
    static BodyHandler<byte[]> handler(long cap) {
        long limit = Math.min(cap, Integer.MAX_VALUE - 8);
        return info -> new CappedBody(limit, info.headers().firstValueAsLong("Content-Length").orElse(-1));
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
        for (ByteBuffer buffer : buffers) {
            long size = (sized != null ? filled : growing.size()) + (long) buffer.remaining();
            if (size > cap || (sized != null && size > sized.length)) {
                subscription.cancel();
                result.completeExceptionally(sized != null && size <= cap
                        ? new IOException("the answer is longer than its Content-Length " + sized.length)
                        : new TooLarge(size, cap));
                return;
            }
            if (sized != null) {
                int length = buffer.remaining();
                buffer.get(sized, filled, length);
                filled += length;
            } else {
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                growing.writeBytes(chunk);
            }
        }
    }

    @Override
    public void onError(Throwable error) {
        result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        if (sized == null) {
            result.complete(growing.toByteArray());
        } else if (filled == sized.length) {
            result.complete(sized);
        } else {
            result.completeExceptionally(new IOException("the answer ended after " + filled + " of its " + sized.length + " bytes"));
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
