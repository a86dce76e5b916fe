package io.hrloop.improvement.events;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.hrloop.common.events.EventCatalog;
import io.hrloop.common.events.IncomingEvent;
import io.hrloop.common.events.MalformedEventException;
import io.hrloop.common.inbox.EventHandler;
import io.hrloop.improvement.service.BreachReported;
import io.hrloop.improvement.service.SpawningService;

/** hr.request.sla-breached: the breach log per request type, and recurring breaches as evidence. */
@ApplicationScoped
public class SlaBreachedHandler implements EventHandler {

    private final SpawningService spawning;

    public SlaBreachedHandler(SpawningService spawning) {
        this.spawning = spawning;
    }

    @Override
    public Set<String> types() {
        return Set.of(EventCatalog.REQUEST_SLA_BREACHED.type());
    }

    @Override
    public void handle(IncomingEvent event) {
        String type = event.text("requestType");
        if (type.length() > 100) {
            throw new MalformedEventException("request type longer than 100 characters");
        }
        try {
            spawning.onBreach(new BreachReported(UUID.fromString(event.text("requestId")), event.text("reference"),
                    type, event.text("team"), event.text("target"), OffsetDateTime.parse(event.text("dueAt")),
                    OffsetDateTime.parse(event.text("occurredAt"))));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new MalformedEventException("breach request id or times unreadable");
        }
    }
}
