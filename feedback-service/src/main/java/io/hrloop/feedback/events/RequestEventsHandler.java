package io.hrloop.feedback.events;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.hrloop.common.contract.RequestEvent;
import io.hrloop.common.inbox.EventHandler;
import io.hrloop.common.inbox.EventMetadata;
import io.hrloop.feedback.domain.RequestSnapshot;

/**
 * Keeps {@link RequestSnapshot} up to date from every hr.requests event. The snapshots of a consumed batch are read
 * in one query ({@link #prepare}); which of its requests have none yet is remembered for the batch's transaction, so
 * no event costs a read of its own.
 */
@ApplicationScoped
public class RequestEventsHandler implements EventHandler<RequestEvent> {

    private static final Object UNKNOWN = new Object() {
        @Override
        public String toString() {
            return "requests without a snapshot, in this batch";
        }
    };

    private final TransactionSynchronizationRegistry transaction;

    public RequestEventsHandler(TransactionSynchronizationRegistry transaction) {
        this.transaction = transaction;
    }

    @Override
    public void prepare(List<RequestEvent> events) {
        Set<UUID> ids = events.stream().map(RequestEvent::requestId).collect(Collectors.toCollection(HashSet::new));
        List<RequestSnapshot> known = RequestSnapshot.list("requestId in ?1", ids);
        known.forEach(snapshot -> ids.remove(snapshot.requestId)); // the read ones stay in the persistence context
        transaction.putResource(UNKNOWN, ids);
    }

    @Override
    public Class<RequestEvent> dataType() {
        return RequestEvent.class;
    }

    @Override
    public void handle(RequestEvent event, EventMetadata metadata) {
        @SuppressWarnings("unchecked")
        Set<UUID> unknown = (Set<UUID>) transaction.getResource(UNKNOWN);
        RequestSnapshot snapshot = unknown != null && unknown.remove(event.requestId()) ? null
                : RequestSnapshot.findById(event.requestId());
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
