package io.hrloop.feedback.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.hrloop.feedback.domain.InvitationStatus;
import io.hrloop.feedback.domain.PersonContact;

/**
 * What the survey decisions of one consumed batch need, loaded once for the whole batch by
 * {@link SurveyService#prepare}: whose advisory locks this transaction holds, the invitations that decide "one pending
 * per request" and "one invitation per throttle period" for them, and their contact entries. The decisions of the batch
 * keep it up to date (an invitation issued, one withdrawn, an address learned), so that the second of two events
 * decides as it would in a transaction of its own. It lives as long as the batch's transaction.
 */
final class SurveyFacts {

    /**
     * Takes the advisory locks of a batch's requesters (the keys a lone decision locks) in ascending order of their
     * hash: DISTINCT with ORDER BY keeps the subquery from being flattened, so the locks are taken as its sorted rows
     * come out (Sort, Unique, then the Subquery Scan that calls the lock function, one row per lock).
     */
    private static final String LOCK_ALL = """
            select pg_advisory_xact_lock(k) from (
                select distinct hashtextextended(key, 0) k from unnest(?::text[]) key order by k) keys""";
    /** The pending invitations of the batch's requests and the requesters' invitations within the throttle period. */
    private static final String DECIDING_INVITATIONS = """
            select request_id, person_id, status, created_at from survey_invitation
            where (request_id = any(?::uuid[]) and status = 'PENDING')
               or (person_id = any(?::varchar[]) and status <> 'WITHDRAWN' and created_at > ?)""";

    /** An invitation as the decisions see it; the status changes when the batch withdraws it. */
    private static final class Known {
        final UUID requestId;
        final String personId;
        final OffsetDateTime createdAt;
        InvitationStatus status;

        Known(UUID requestId, String personId, InvitationStatus status, OffsetDateTime createdAt) {
            this.requestId = requestId;
            this.personId = personId;
            this.status = status;
            this.createdAt = createdAt;
        }
    }

    private final Set<String> locked;
    private final Set<UUID> requests;
    private final OffsetDateTime loadedSince;
    private final Map<UUID, List<Known>> byRequest = new HashMap<>();
    private final Map<String, List<Known>> byPerson = new HashMap<>();
    private final Map<String, PersonContact> contacts;
    private Set<String> erased = Set.of();

    /**
     * @param locked the requesters whose advisory lock the transaction holds
     * @param requests the requests whose pending invitations were loaded
     * @param loadedSince the invitations of {@code locked} created after it were loaded (those not withdrawn)
     * @param contacts each locked requester's contact entry, null when there is none
     */
    private SurveyFacts(Set<String> locked, Set<UUID> requests, OffsetDateTime loadedSince,
            Map<String, PersonContact> contacts) {
        this.locked = locked;
        this.requests = requests;
        this.loadedSince = loadedSince;
        this.contacts = new HashMap<>(contacts);
    }

    /**
     * Takes the advisory locks of {@code lockKeys} (the requesters of {@code requests}), then loads the invitations
     * that decide for them, on the transaction's {@code connection}.
     */
    static SurveyFacts load(Connection connection, List<String> lockKeys, Set<String> persons, Set<UUID> requests,
            OffsetDateTime since, Map<String, PersonContact> contacts) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(LOCK_ALL)) {
            lock.setArray(1, connection.createArrayOf("text", lockKeys.toArray()));
            try (ResultSet locked = lock.executeQuery()) {
                while (locked.next()) {
                    continue; // one row per lock taken
                }
            }
        }
        SurveyFacts facts = new SurveyFacts(persons, requests, since, contacts);
        try (PreparedStatement known = connection.prepareStatement(DECIDING_INVITATIONS)) {
            known.setArray(1, connection.createArrayOf("uuid", requests.toArray()));
            known.setArray(2, connection.createArrayOf("varchar", persons.toArray()));
            known.setObject(3, since);
            try (ResultSet rows = known.executeQuery()) {
                while (rows.next()) {
                    facts.add(new Known(rows.getObject(1, UUID.class), rows.getString(2),
                            InvitationStatus.valueOf(rows.getString(3)), rows.getObject(4, OffsetDateTime.class)));
                }
            }
        }
        return facts;
    }

    /** Whether this batch can decide for the request and requester, given the throttle period starts {@code since}. */
    boolean covers(UUID requestId, String personId, OffsetDateTime since) {
        return locked.contains(personId) && requests.contains(requestId) && !since.isBefore(loadedSince);
    }

    private void add(Known invitation) {
        byRequest.computeIfAbsent(invitation.requestId, r -> new ArrayList<>()).add(invitation);
        byPerson.computeIfAbsent(invitation.personId, p -> new ArrayList<>()).add(invitation);
    }

    /** The locked requesters who were erased (read after the locks were taken). */
    void erased(Set<String> erasedPersons) {
        this.erased = erasedPersons;
    }

    boolean erased(String personId) {
        return erased.contains(personId);
    }

    boolean pending(UUID requestId) {
        return byRequest.getOrDefault(requestId, List.of()).stream().anyMatch(i -> i.status == InvitationStatus.PENDING);
    }

    /** Whether the person has an invitation not withdrawn created after {@code since}. */
    boolean invitedSince(String personId, OffsetDateTime since) {
        return byPerson.getOrDefault(personId, List.of()).stream()
                .anyMatch(i -> i.status != InvitationStatus.WITHDRAWN && i.createdAt.isAfter(since));
    }

    void invited(UUID requestId, String personId, OffsetDateTime createdAt) {
        add(new Known(requestId, personId, InvitationStatus.PENDING, createdAt));
    }

    void withdrawn(UUID requestId) {
        for (Known invitation : byRequest.getOrDefault(requestId, List.of())) {
            if (invitation.status == InvitationStatus.PENDING) {
                invitation.status = InvitationStatus.WITHDRAWN;
            }
        }
    }

    boolean knowsContact(String personId) {
        return contacts.containsKey(personId);
    }

    /** The person's entry as the database has it in this transaction; null when there is none. */
    PersonContact contact(String personId) {
        return contacts.get(personId);
    }

    void contact(String personId, PersonContact contact) {
        contacts.put(personId, contact);
    }

    /**
     * The person was erased in this transaction (their invitations re-keyed, their entry deleted): nothing the batch
     * knew of them holds, so their decisions go back to querying alone. Returns the entry it knew, if any.
     */
    PersonContact forget(String personId) {
        locked.remove(personId);
        return contacts.remove(personId);
    }
}
