package io.hrloop.feedback.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.hrloop.common.inbox.EventDispatcher;
import io.hrloop.common.inbox.EventDispatcher.Delivery;
import io.hrloop.feedback.domain.RequestSnapshot;
import io.hrloop.feedback.support.RequestEvents;
import io.hrloop.testsupport.RealInfrastructureResource;
import io.hrloop.testsupport.SqlRecording;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A consumed batch of request events reads the snapshots it updates in one statement, new requests included: under
 * intake load a statement per event left this consumer waiting for a CPU after every answer (run-queue waits of about
 * 4.5 ms each on a saturated 2-core machine), and it fell tens of thousands of events behind (bench/run, loop phase).
 */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class RequestSnapshotBatchTest {

    @Inject
    EventDispatcher dispatcher;

    @Test
    void aBatchOfNewAndKnownRequestsReadsTheirSnapshotsOnce() {
        List<UUID> known = new ArrayList<>();
        List<Delivery> first = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            UUID id = UUID.randomUUID();
            known.add(id);
            first.add(delivery("hr.request.submitted", id, "SUBMITTED"));
        }
        QuarkusTransaction.requiringNew().run(() -> dispatcher.apply(first));

        // 30 known requests assigned, 70 new ones submitted, and a new one submitted and assigned in the same batch
        List<Delivery> batch = new ArrayList<>();
        known.forEach(id -> batch.add(delivery("hr.request.assigned", id, "ASSIGNED")));
        List<UUID> fresh = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            UUID id = UUID.randomUUID();
            fresh.add(id);
            batch.add(delivery("hr.request.submitted", id, "SUBMITTED"));
        }
        UUID twice = UUID.randomUUID();
        batch.add(delivery("hr.request.submitted", twice, "SUBMITTED"));
        batch.add(delivery("hr.request.assigned", twice, "ASSIGNED"));

        List<String> statements = SqlRecording.recording(
                () -> QuarkusTransaction.requiringNew().run(() -> dispatcher.apply(batch)));

        assertEquals(1, SqlRecording.selectsFrom(statements, "request_snapshot").size(),
                () -> "one read of the batch's snapshots, not one per event; sent: " + statements);
        QuarkusTransaction.requiringNew().run(() -> {
            known.forEach(id -> assertEquals("ASSIGNED", snapshot(id).status, "a known request's snapshot is updated"));
            fresh.forEach(id -> assertEquals(1, snapshot(id).eventsApplied, "a new request's snapshot is created"));
            assertEquals("ASSIGNED", snapshot(twice).status, "the second event of a new request folds into it");
            assertEquals(2, snapshot(twice).eventsApplied);
        });
    }

    private Delivery delivery(String type, UUID requestId, String status) {
        ObjectNode event = RequestEvents.example(type, requestId);
        ((ObjectNode) event.get("data")).put("status", status);
        return dispatcher.read(event.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static RequestSnapshot snapshot(UUID id) {
        RequestSnapshot snapshot = RequestSnapshot.findById(id);
        assertNotNull(snapshot, () -> "no snapshot of " + id);
        return snapshot;
    }
}
