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
 * make us allocate without bound.
 */
final class CappedBody implements BodySubscriber<byte[]> {

    private final long cap;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    private CappedBody(long cap) {
        this.cap = cap;
    }

    /** A handler whose bodies fail with {@link TooLarge} past {@code cap} bytes. */
    static BodyHandler<byte[]> handler(long cap) {
        return info -> {
            long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
            CappedBody body = new CappedBody(cap);
            if (declared > cap) {
                body.result.completeExceptionally(new TooLarge(declared, cap));
            }
            return body;
        };
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
            if (bytes.size() + (long) buffer.remaining() > cap) {
                subscription.cancel();
                result.completeExceptionally(new TooLarge(bytes.size() + (long) buffer.remaining(), cap));
                return;
            }
            byte[] chunk = new byte[buffer.remaining()];
            buffer.get(chunk);
            bytes.writeBytes(chunk);
        }
    }

    @Override
    public void onError(Throwable error) {
        result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        result.complete(bytes.toByteArray());
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
