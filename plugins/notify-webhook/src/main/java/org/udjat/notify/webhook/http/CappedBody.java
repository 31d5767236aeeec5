package org.udjat.notify.webhook.http;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Keeps the first bytes of a response body and drops the rest, so a server that answers
 * with an endless body costs no more than {@code cap} bytes of memory.
 */
final class CappedBody implements BodySubscriber<byte[]> {
    private final int cap;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    CappedBody(int cap) {
        this.cap = cap;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer b : buffers) {
            int n = Math.min(b.remaining(), cap - kept.size());
            byte[] part = new byte[n];
            b.get(part);
            kept.write(part, 0, n);
        }
        if (kept.size() >= cap) {
            subscription.cancel();
            result.complete(kept.toByteArray());
        }
    }

    @Override
    public void onError(Throwable t) {
        result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        result.complete(kept.toByteArray());
    }
}
