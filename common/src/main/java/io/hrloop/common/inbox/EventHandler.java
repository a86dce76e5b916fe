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
     * Called once per consumed batch, in its transaction and before {@link #handle} is called for each of them,
     * with the events of the batch this handler will receive (first deliveries only, in order): a handler that
     * reads a row per event can load them all in one query here. By default nothing.
     */
    default void prepare(List<T> events) {
    }

    void handle(T event, EventMetadata metadata);
}
