package io.hrloop.feedback.events;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;

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

    /** The batch's requests that had no snapshot when it was prepared, in the transaction's resources. */
    private static final Object ABSENT = RequestEventsHandler.class.getName() + ".absent";

    private final ErasedPeople erasedPeople;
    private final TransactionSynchronizationRegistry registry;

    public RequestEventsHandler(ErasedPeople erasedPeople, TransactionSynchronizationRegistry registry) {
        this.erasedPeople = erasedPeople;
        this.registry = registry;
    }

    @Override
    public Class<RequestEvent> dataType() {
        return RequestEvent.class;
    }

    /**
     * The snapshots of a batch's requests in one query: each {@link #handle} then finds its snapshot in the
     * session instead of asking the database (one round trip per batch instead of one per event, which under
     * intake load made this consumer's pace that of a busy database's answers). The same query tells which
     * requests have none yet, the new ones of most events (hr.request.submitted): their {@link #handle} creates the
     * snapshot without asking either, as the session cannot know that a row is absent. Likewise the register of
     * erased people, for all the people the events name, in one query.
     */
    @Override
    public void prepare(List<RequestEvent> events) {
        List<UUID> ids = events.stream().map(RequestEvent::requestId).distinct().toList();
        Set<UUID> absent = new HashSet<>(ids);
        RequestSnapshot.<RequestSnapshot>list("requestId in ?1", ids).forEach(s -> absent.remove(s.requestId));
        registry.putResource(ABSENT, absent);
        erasedPeople.prepare(events.stream().flatMap(e -> Stream.of(e.requester(), e.onBehalfOf())).toList());
    }

    @Override
    public void handle(RequestEvent event, EventMetadata metadata) {
        // Absent when prepared and not created since (the first event of a request creates it, and the session
        // then holds it); otherwise the session has it, or the database is asked (an event handled outside a batch).
        RequestSnapshot snapshot = preparedAbsent(event.requestId()) ? null : RequestSnapshot.findById(event.requestId());
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

    @SuppressWarnings("unchecked")
    private boolean preparedAbsent(UUID requestId) {
        Set<UUID> absent = registry.getTransactionKey() == null ? null : (Set<UUID>) registry.getResource(ABSENT);
        return absent != null && absent.remove(requestId);
    }
}
