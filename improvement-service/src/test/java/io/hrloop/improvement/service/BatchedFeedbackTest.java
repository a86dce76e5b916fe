package io.hrloop.improvement.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.hrloop.common.inbox.EventDispatcher;
import io.hrloop.improvement.Fixtures;
import io.hrloop.improvement.domain.AreaFeedback;
import io.hrloop.improvement.domain.Evidence;
import io.hrloop.improvement.domain.ImprovementItem;
import io.hrloop.testsupport.EventProbe;
import io.hrloop.testsupport.RealInfrastructureResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A consumed batch of feedback is applied in one transaction, with what the pieces share loaded once
 * ({@link FeedbackBatch}) and their area-feedback rows written at its end: the same feedback gives the same
 * projection, evidence, scores and events whether it comes in one batch or piece by piece, announcements of known
 * feedback included (one from before the batch, one twice within it).
 */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class BatchedFeedbackTest {

    @Inject
    EventDispatcher dispatcher;

    @Inject
    ObjectMapper mapper;

    /** What the item shows, and its events in order, reduced to what must not depend on how it was applied. */
    record Outcome(int items, long areaFeedback, long evidenceRows, int evidenceCount, int signedPeople,
            int anonymousPieces, int distinctPeople, double impactScore, List<String> events) {
    }

    @Test
    void aBatchGivesWhatPieceByPieceGives() throws Exception {
        try (EventProbe probe = EventProbe.at("hr.improvements")) {
            Outcome batched = run(true, probe);
            Outcome oneByOne = run(false, probe);
            assertEquals(oneByOne, batched);
            assertEquals(new Outcome(1, 5, 4, 4, 2, 1, oneByOne.distinctPeople(), oneByOne.impactScore(), oneByOne.events()),
                    batched, "one item; five pieces projected, four of them evidence (two signers, one anonymous)");
            assertEquals(5, batched.events().size(), "created, then one evidence-added per piece of evidence");
        }
    }

    private Outcome run(boolean batch, EventProbe probe) throws Exception {
        String area = Fixtures.area();
        String signer = "emp-batch-" + UUID.randomUUID();
        Fixtures.Feedback before = Fixtures.feedback(area).csat(1).themes("speed").person(signer);
        Fixtures.Feedback twice = Fixtures.feedback(area).csat(2).themes("speed");
        apply(List.of(before.event())); // known before the batch
        List<ObjectNode> events = List.of(
                before.event(), // announced again, with a new event id
                Fixtures.feedback(area).csat(2).themes("speed").person(signer).event(), // the same person again
                Fixtures.feedback(area).csat(1).themes("speed").anonymous().event(),
                Fixtures.feedback(area).csat(5).event(), // satisfied: projection only
                twice.event(), twice.event()); // twice within the batch
        if (batch) {
            apply(events);
        } else {
            for (ObjectNode event : events) {
                apply(List.of(event));
            }
        }
        List<ImprovementItem> items = QuarkusTransaction.requiringNew().call(() -> ImprovementItem.list("area", area));
        ImprovementItem item = items.getFirst();
        List<JsonNode> announced = probe.await(5, Duration.ofSeconds(30),
                e -> area.equals(e.path("data").path("area").asText()));
        List<String> facts = new ArrayList<>();
        for (JsonNode e : announced) {
            JsonNode d = e.path("data");
            facts.add(e.path("type").asText() + " " + d.path("evidenceCount").asInt() + " "
                    + d.path("distinctPeople").asInt() + " " + d.path("impactScore").asDouble());
        }
        return QuarkusTransaction.requiringNew().call(() -> new Outcome(items.size(), AreaFeedback.count("area", area),
                Evidence.count("itemId", item.id), item.evidenceCount, item.signedPeople, item.anonymousPieces,
                item.distinctPeople, item.impactScore, facts));
    }

    /** The events as the consumer applies a poll batch: one transaction, an inbox row each. */
    private void apply(List<ObjectNode> events) throws Exception {
        List<EventDispatcher.Delivery> deliveries = new ArrayList<>();
        for (ObjectNode event : events) {
            deliveries.add(dispatcher.read(mapper.writeValueAsBytes(event)));
        }
        QuarkusTransaction.requiringNew().run(() -> dispatcher.apply(deliveries));
    }
}
