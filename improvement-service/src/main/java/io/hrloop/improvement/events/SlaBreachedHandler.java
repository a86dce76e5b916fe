package io.hrloop.improvement.events;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.hrloop.common.contract.RequestSlaBreached;
import io.hrloop.common.events.MalformedEventException;
import io.hrloop.common.inbox.EventHandler;
import io.hrloop.common.inbox.EventMetadata;
import io.hrloop.improvement.service.SpawningService;

/** hr.request.sla-breached: the breach log per request type, and recurring breaches as evidence. */
@ApplicationScoped
public class SlaBreachedHandler implements EventHandler<RequestSlaBreached> {

    private final SpawningService spawning;

    public SlaBreachedHandler(SpawningService spawning) {
        this.spawning = spawning;
    }

    @Override
    public Class<RequestSlaBreached> dataType() {
        return RequestSlaBreached.class;
    }

    /** Which of the batch's breaches are logged already, in one query for all of them. */
    @Override
    public void prepare(List<RequestSlaBreached> events) {
        spawning.prepareBreaches(events);
    }

    @Override
    public void handle(RequestSlaBreached event, EventMetadata metadata) {
        if (event.requestType().length() > 100) {
            throw new MalformedEventException("request type longer than 100 characters");
        }
        spawning.onBreach(event);
    }
}
