package io.hrloop.common.inbox;

import java.time.OffsetDateTime;
import java.util.Map;

import io.hrloop.common.events.EventCatalog;

/**
 * The envelope of a consumed event: what a handler may need beside the data. {@code trace} carries the W3C trace
 * context (traceparent, tracestate) of the change that produced it.
 */
public record EventMetadata(String id, String source, EventCatalog type, String subject, OffsetDateTime time,
        Map<String, String> trace) {
}
