package io.hrloop.common.inbox;

import java.util.List;
import java.util.Set;

import io.hrloop.common.contract.EventData;
import io.hrloop.common.events.EventCatalog;

/**
 * A consumer of contract events, receiving the typed record of each event. {@link #handle} runs inside
 * the transaction that also records the event id in the inbox, so an effect is applied once however often
 * the event is delivered.
 *
 * @param <T> the record (or the sealed family of records, e.g. {@code RequestEvent}) it receives
 */
public interface EventHandler<T extends EventData> {

    /** The record type this handler receives. */
    Class<T> dataType();

    /** The event types it applies: by default every type whose data is a {@link #dataType()}. */
    default Set<EventCatalog> types() {
        return EventCatalog.assignableTo(dataType());
    }

    /**
     * Called once for each transaction of a batch, in it, with the events of this handler's types that are about to
     * be handled (first deliveries only), before the first {@link #handle}: a handler may load what they all need
     * in one query instead of one per event. Loading only; the effects belong in {@link #handle}.
     */
    default void prepare(List<T> events) {
    }

    void handle(T event, EventMetadata metadata);
}
