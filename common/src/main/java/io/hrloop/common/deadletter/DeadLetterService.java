package io.hrloop.common.deadletter;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.hrloop.common.db.DatabaseTrouble;
import io.hrloop.common.deadletter.DeadLetter.Direction;
import io.hrloop.common.deadletter.DeadLetter.Status;
import io.hrloop.common.domain.DomainException;
import io.hrloop.common.events.MalformedEventException;
import io.hrloop.common.inbox.EventDispatcher;
import io.hrloop.common.outbox.OutboxRelay;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * What an operator does with dead letters: replay an inbound event into the handlers (the inbox still
 * applies it once), send a parked outbox row back to the relay, or discard either with a recorded reason.
 */
@ApplicationScoped
public class DeadLetterService {

    /** The outcome of replaying everything that was parked. */
    public record ReplayAll(int replayed, List<Failure> failed) {
        public record Failure(String id, String reason) {
        }
    }

    private final DeadLetterStore store;
    private final EventDispatcher dispatcher;
    private final OutboxRelay relay;

    public DeadLetterService(DeadLetterStore store, EventDispatcher dispatcher, OutboxRelay relay) {
        this.store = store;
        this.dispatcher = dispatcher;
        this.relay = relay;
    }

    public List<DeadLetter> list(Status status, Direction direction, OffsetDateTime afterTime, String afterId, int limit) {
        return store.list(status, direction, afterTime, afterId, limit);
    }

    public DeadLetter get(String id) {
        return store.find(id).orElseThrow(() -> DomainException.notFound("dead letter " + id));
    }

    /** Replays one; a replay that fails again is a conflict that says why, and the event stays parked. */
    public DeadLetter replay(String id, String operator) {
        DeadLetter parked = parked(id);
        if (parked.direction() == Direction.OUTBOUND) {
            boolean unparked = QuarkusTransaction.requiringNew().call(() -> store.unparkOutbound(parked.id()));
            if (!unparked) {
                throw DomainException.conflict("dead-letter-resolved", "dead letter " + id + " is no longer parked");
            }
            relay.retry(parked.topic());
            Log.infof("Operator %s sent parked outbox event %s (%s) back to the relay", operator, id, parked.type());
            return parked;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                dispatcher.apply(dispatcher.read(parked.payload()));
                store.markReplayed(parked.id(), operator);
            });
        } catch (RuntimeException e) {
            if (DatabaseTrouble.isDatabaseTrouble(e)) {
                throw e;
            }
            String reason = e instanceof MalformedEventException ? e.getMessage() : "processing failed: " + rootMessage(e);
            store.stillFailing(parked.id(), reason);
            throw DomainException.conflict("replay-failed", "the event still cannot be processed; its reason is "
                    + "brought up to date at GET /api/v1/dead-letters/" + id).with("deadLetterId", id);
        }
        Log.infof("Operator %s replayed dead letter %s (%s)", operator, id, parked.type());
        return get(id);
    }

    /** Replays every parked event, oldest first; each one on its own. */
    public ReplayAll replayAll(String operator) {
        int replayed = 0;
        List<ReplayAll.Failure> failed = new ArrayList<>();
        OffsetDateTime afterTime = null;
        String afterId = null;
        while (true) {
            List<DeadLetter> page = store.list(Status.PARKED, null, afterTime, afterId, 100);
            for (DeadLetter letter : page) {
                try {
                    replay(letter.id(), operator);
                    replayed++;
                } catch (DomainException e) {
                    failed.add(new ReplayAll.Failure(letter.id(), e.getMessage()));
                }
            }
            if (page.size() < 100) {
                return new ReplayAll(replayed, failed);
            }
            afterTime = page.getLast().parkedAt();
            afterId = page.getLast().id();
        }
    }

    public DeadLetter discard(String id, String operator, String reason) {
        DeadLetter parked = parked(id);
        boolean done = QuarkusTransaction.requiringNew().call(() -> {
            if (parked.direction() == Direction.OUTBOUND) {
                return store.discardOutbound(parked, operator, reason);
            }
            store.markDiscarded(parked.id(), operator, reason);
            return true;
        });
        if (!done) {
            throw DomainException.conflict("dead-letter-resolved", "dead letter " + id + " is no longer parked");
        }
        Log.infof("Operator %s discarded dead letter %s (%s): %s", operator, id, parked.type(), reason);
        return get(id);
    }

    private DeadLetter parked(String id) {
        DeadLetter letter = get(id);
        if (letter.status() != Status.PARKED) {
            throw DomainException.conflict("dead-letter-resolved", "dead letter " + id + " was already "
                    + letter.status() + " by " + letter.resolvedBy()).with("status", letter.status().name());
        }
        return letter;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
