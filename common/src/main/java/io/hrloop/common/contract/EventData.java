package io.hrloop.common.contract;

import com.fasterxml.jackson.annotation.JsonIgnore;

import io.hrloop.common.events.EventCatalog;

/**
 * The {@code data} of one contract event: a record whose components are the members of its type's JSON
 * Schema in {@code contracts/schemas} ({@code ContractRecordsTest} holds them together). Producers hand
 * it to the outbox; consumers receive it, already validated, in their {@code EventHandler}.
 */
public interface EventData {

    /** The contract type of this event. */
    @JsonIgnore
    EventCatalog eventType();

    /** The aggregate the event is about: the CloudEvents {@code subject} and the Kafka key. */
    @JsonIgnore
    String aggregateId();
}
