package io.hrloop.feedback.events;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import io.hrloop.common.contract.RequestEvent;
import io.hrloop.common.erasure.ErasedPeople;
import io.hrloop.common.inbox.EventHandler;
import io.hrloop.common.inbox.EventMetadata;
import io.hrloop.feedback.domain.RequestSnapshot;

/**
 * Keeps {@link RequestSnapshot} up to date from every hr.requests event. An event about a person erased before it
 * was consumed (hr.requests lagging behind hr.people) leaves what their erasure would have left: their pseudonym as
 * requester, and no subject when they are its requester or on-behalf-of person.
 */
@ApplicationScoped
public class RequestEventsHandler implements EventHandler<RequestEvent> {

    private final ErasedPeople erasedPeople;

    public RequestEventsHandler(ErasedPeople erasedPeople) {
        this.erasedPeople = erasedPeople;
    }

    @Override
    public Class<RequestEvent> dataType() {
        return RequestEvent.class;
    }

    /**
     * The snapshots of a batch's requests in one query: each {@link #handle} then finds its snapshot in the
     * session instead of asking the database (one round trip per batch instead of one per event, which under
     * intake load made this consumer's pace that of a busy database's answers). Likewise the register of erased
     * people, for all the people the events name, in one query.
     */
    @Override
    public void prepare(List<RequestEvent> events) {
        List<UUID> ids = events.stream().map(RequestEvent::requestId).distinct().toList();
        if (ids.size() > 1) {
            RequestSnapshot.list("requestId in ?1", ids);
        }
        erasedPeople.prepare(events.stream().flatMap(e -> Stream.of(e.requester(), e.onBehalfOf())).toList());
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
        Optional<String> erasedRequester = erasedPeople.preparedPseudonymOf(event.requester());
        snapshot.requester = erasedRequester.orElse(event.requester());
        boolean aboutErased = erasedRequester.isPresent()
                || erasedPeople.preparedPseudonymOf(event.onBehalfOf()).isPresent();
        snapshot.subject = aboutErased ? null : event.subject();
        snapshot.surveySamplingRate = event.surveySamplingRate();
        if (isNew) {
            // Hibernate inserts the state an entity has when persisted, so persist once it is complete.
            snapshot.persist();
        }
    }
}
