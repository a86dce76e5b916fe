package io.hrloop.improvement.service;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.hrloop.text.Embedder;

/**
 * The comments of a consumed batch of feedback, embedded before its pieces are applied, on as many threads as the
 * machine has cores (at most two): one comment's embedding runs on one core (ONNX Runtime with one intra-op
 * thread), and one consumer thread embedding a batch's comments one after the other was the loop's slowest step
 * under intake load, where it got one thread's share of a saturated machine (thread dumps of bench/run's loop phase:
 * the consumer in {@code E5Embedder.embed} in 16 of 23). Each piece then takes its vector from the transaction
 * ({@link #embed}); outside a prepared transaction it is embedded at once.
 */
@ApplicationScoped
public class BatchEmbeddings {

    private static final Object KEY = BatchEmbeddings.class.getName();

    private final Embedder embedder;
    private final TransactionSynchronizationRegistry registry;
    private final ExecutorService pool;

    public BatchEmbeddings(Embedder embedder, TransactionSynchronizationRegistry registry) {
        this.embedder = embedder;
        this.registry = registry;
        this.pool = Executors.newFixedThreadPool(Math.min(2, Runtime.getRuntime().availableProcessors()),
                Thread.ofPlatform().name("feedback-embedding-", 0).daemon().factory());
    }

    /** Embeds the batch's texts, in parallel, for the pieces of this transaction. */
    public void prepare(Collection<String> texts) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(texts));
        if (distinct.size() < 2 || registry.getTransactionKey() == null) {
            return; // one text is embedded when it is asked for
        }
        Map<String, Future<float[]>> pending = new HashMap<>();
        distinct.forEach(text -> pending.put(text, pool.submit(() -> embedder.embed(text))));
        Map<String, float[]> vectors = new HashMap<>();
        try {
            for (var entry : pending.entrySet()) {
                vectors.put(entry.getKey(), entry.getValue().get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pending.values().forEach(f -> f.cancel(true));
            throw new IllegalStateException("interrupted while embedding the batch's comments", e);
        } catch (ExecutionException e) {
            pending.values().forEach(f -> f.cancel(true));
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
        registry.putResource(KEY, vectors);
    }

    /** The text's vector: prepared with its batch, or embedded now. */
    @SuppressWarnings("unchecked")
    public float[] embed(String text) {
        Map<String, float[]> vectors = registry.getTransactionKey() == null ? null
                : (Map<String, float[]>) registry.getResource(KEY);
        float[] vector = vectors == null ? null : vectors.get(text);
        return vector != null ? vector : embedder.embed(text);
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}
