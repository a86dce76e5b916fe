package io.hrloop.common.inbox;

import java.util.Set;

import io.hrloop.common.events.IncomingEvent;

/**
 * A consumer of contract events. {@link #handle} runs inside the transaction that also records the
 * event id in the inbox, so an effect is applied once however often the event is delivered.
 */
public interface EventHandler {

    /** The event types this handler applies; other types on its topics are acknowledged and skipped. */
    Set<String> types();

    void handle(IncomingEvent event);
}
