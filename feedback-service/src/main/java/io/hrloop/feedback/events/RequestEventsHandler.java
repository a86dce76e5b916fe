package io.hrloop.feedback.events;

import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.hrloop.common.events.EventCatalog;
import io.hrloop.common.events.IncomingEvent;
import io.hrloop.common.inbox.EventHandler;
import io.hrloop.feedback.domain.RequestSnapshot;

/** Keeps {@link RequestSnapshot} up to date from every hr.requests event. */
@ApplicationScoped
public class RequestEventsHandler implements EventHandler {

    private static final Set<String> TYPES = java.util.Arrays.stream(EventCatalog.values())
            .filter(type -> type.topic().equals(EventCatalog.Topics.REQUESTS))
            .map(EventCatalog::type)
            .collect(Collectors.toUnmodifiableSet());

    @Override
    public Set<String> types() {
        return TYPES;
    }

    @Override
    public void handle(IncomingEvent event) {
        UUID id = UUID.fromString(event.text("requestId"));
        RequestSnapshot snapshot = RequestSnapshot.findById(id);
        boolean isNew = snapshot == null;
        if (isNew) {
            snapshot = new RequestSnapshot();
            snapshot.requestId = id;
        } else if (event.time().isBefore(snapshot.lastEventTime)) {
            snapshot.eventsApplied++;
            return; // an older event arriving late does not overwrite newer state
        }
        snapshot.eventsApplied++;
        snapshot.lastEventTime = event.time();
        snapshot.reference = event.text("reference");
        snapshot.requestType = event.text("requestType");
        snapshot.team = event.text("team");
        snapshot.status = event.text("status");
        snapshot.confidential = event.data().path("confidential").asBoolean();
        snapshot.requester = event.text("requester");
        snapshot.subject = event.text("subject");
        snapshot.surveySamplingRate = event.data().hasNonNull("surveySamplingRate")
                ? event.data().get("surveySamplingRate").asDouble()
                : null;
        if (isNew) {
            // Hibernate inserts the state an entity has when persisted, so persist once it is complete.
            snapshot.persist();
        }
    }
}
