package io.hrloop.common.contract;

import java.time.OffsetDateTime;

import io.hrloop.common.events.EventCatalog;

/** hr.person.erased: An hr-admin erased a person: every service pseudonymises that person's data. */
public record PersonErased(
        String personId,
        String pseudonym,
        OffsetDateTime erasedAt,
        String erasedBy) implements EventData {

    @Override
    public EventCatalog eventType() {
        return EventCatalog.PERSON_ERASED;
    }

    @Override
    public String aggregateId() {
        return personId;
    }

}
