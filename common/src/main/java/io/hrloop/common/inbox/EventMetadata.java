package io.hrloop.common.inbox;

import java.time.OffsetDateTime;

import io.hrloop.common.events.EventCatalog;

/** The envelope of a consumed event: what a handler may need beside the data. */
public record EventMetadata(String id, String source, EventCatalog type, String subject, OffsetDateTime time) {
}
