package io.hrloop.common.inbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Work that event handlers defer to the end of the batch of events they are applied in, still in the batch's
 * transaction. A consumed batch is one transaction, so a row its first event writes stays locked until the last
 * event is applied: a counter that every event adds to (feedback-service's insight rollups) would keep an API call
 * that adds to the same row waiting for the whole batch, up to its lock timeout. Deferred, the batch adds its sum
 * once, just before it commits.
 * <p>
 * {@link EventDispatcher} opens the batch's work before the first handler and runs it, in the order it was first
 * asked for, after the last one. Outside a batch (an API call) {@link #work} is empty and the caller does its work
 * at once.
 */
@ApplicationScoped
public class BatchEnd {

    private static final Object KEY = BatchEnd.class.getName();
    private static final Object CLOSED = new Object();

    private final TransactionSynchronizationRegistry registry;

    public BatchEnd(TransactionSynchronizationRegistry registry) {
        this.registry = registry;
    }

    void open() {
        registry.putResource(KEY, new LinkedHashMap<Object, Runnable>());
    }

    /** Runs the batch's deferred work; work asked for while it runs is done at once. */
    void close() {
        Object work = registry.getResource(KEY);
        registry.putResource(KEY, CLOSED);
        if (work instanceof Map<?, ?> map) {
            for (Object runnable : map.values()) {
                ((Runnable) runnable).run();
            }
        }
    }

    /**
     * The work of this batch under {@code key}, made by {@code create} on first use and run at the end of the
     * batch; empty when the caller is not applying a batch of events.
     */
    @SuppressWarnings("unchecked")
    public <T extends Runnable> Optional<T> work(Object key, Supplier<T> create) {
        if (registry.getTransactionKey() == null) {
            return Optional.empty();
        }
        Object work = registry.getResource(KEY);
        if (!(work instanceof Map<?, ?>)) {
            return Optional.empty();
        }
        return Optional.of((T) ((Map<Object, Runnable>) work).computeIfAbsent(key, k -> create.get()));
    }
}
