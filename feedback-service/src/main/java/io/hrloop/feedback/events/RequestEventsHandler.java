package io.hrloop.feedback.events;

import jakarta.enterprise.context.ApplicationScoped;

import io.hrloop.common.contract.RequestEvent;
import io.hrloop.common.inbox.EventHandler;
import io.hrloop.common.inbox.EventMetadata;
import io.hrloop.feedback.domain.RequestSnapshot;

/** Keeps {@link RequestSnapshot} up to date from every hr.requests event. */
@ApplicationScoped
public class RequestEventsHandler implements EventHandler<RequestEvent> {

    @Override
    public Class<RequestEvent> dataType() {
        return RequestEvent.class;
    }

    @Override
    public void handle(RequestEvent event, EventMetadata metadata) {
        RequestSnapshot snapshot = RequestSnapshot.findById(event.requestId());
        boolean isNew = snapshot == null;
        if (isNew) {
            snapshot = new RequestSnapshot();
            snapshot.requestId = event.requestId();
        } else if (metadata.time().isBefore(snapshot.lastEventTime)) {
            snapshot.eventsApplied++;
            return; // an older event arriving late does not overwrite newer state
        }
        snapshot.eventsApplied++;
        snapshot.lastEventTime = metadata.time();
        snapshot.reference = event.reference();
        snapshot.requestType = event.requestType();
        snapshot.team = event.team();
        snapshot.status = event.status();
        snapshot.confidential = event.confidential();
        snapshot.requester = event.requester();
        snapshot.subject = event.subject();
        snapshot.surveySamplingRate = event.surveySamplingRate();
        if (isNew) {
            // Hibernate inserts the state an entity has when persisted, so persist once it is complete.
            snapshot.persist();
        }
    }
}
