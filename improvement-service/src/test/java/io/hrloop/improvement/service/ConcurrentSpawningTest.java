package io.hrloop.improvement.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.hrloop.common.inbox.EventDispatcher;
import io.hrloop.improvement.Fixtures;
import io.hrloop.improvement.domain.Evidence;
import io.hrloop.improvement.domain.ImprovementItem;
import io.hrloop.improvement.domain.ItemStatus;
import io.hrloop.improvement.domain.Origin;
import io.hrloop.testsupport.EventProbe;
import io.hrloop.testsupport.RealInfrastructureResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Concurrent events about one gap, each in its own transaction and database connection (as on several
 * replicas), through the path the consumer takes: inbox record and handler in one transaction.
 */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class ConcurrentSpawningTest {

    private static final int THREADS = 8;

    @Inject
    EventDispatcher dispatcher;

    @Inject
    ObjectMapper mapper;

    @Test
    void eightConcurrentComplaintsAboutOneGapMakeOneOpenItemWithAllTheEvidence() throws Exception {
        String area = Fixtures.area();
        List<EventDispatcher.Delivery> events = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            // Half say it in words (matched by meaning), half only score it (matched by theme): both rules are raced,
            // and whichever opens the item, the others must find it.
            Fixtures.Feedback f = Fixtures.feedback(area).csat(1);
            if (i % 2 == 0) {
                f.themes("communication", "speed").comment("It took far too long to get an answer");
            } else {
                f.themes("speed");
            }
            JsonNode event = f.event();
            events.add(dispatcher.read(mapper.writeValueAsBytes(event)));
        }
        try (EventProbe probe = EventProbe.at("hr.improvements")) {
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (EventDispatcher.Delivery event : events) {
                done.add(pool.submit(() -> {
                    start.await();
                    QuarkusTransaction.requiringNew().run(() -> dispatcher.apply(event));
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get(); // every handler succeeded on its first attempt: nobody had to retry
            }
            pool.shutdown();

            List<ImprovementItem> open = QuarkusTransaction.requiringNew().call(() -> ImprovementItem.list(
                    "area = ?1 and status in ?2", area, List.of(ItemStatus.PROPOSED, ItemStatus.ACCEPTED,
                            ItemStatus.IN_PROGRESS)));
            assertEquals(1, open.size(), "one open item for one gap");
            ImprovementItem item = open.getFirst();
            assertEquals(THREADS, item.evidenceCount);
            assertEquals(THREADS, item.distinctPeople);
            assertEquals(THREADS, QuarkusTransaction.requiringNew().call(() -> Evidence.count("itemId", item.id)));

            List<JsonNode> published = probe.await(THREADS + 1, Duration.ofSeconds(30),
                    e -> item.id.toString().equals(e.path("subject").asText()));
            assertEquals(1, published.stream().filter(EventProbe.ofType("hr.improvement.created")).count());
            assertEquals(THREADS, published.stream().filter(EventProbe.ofType("hr.improvement.evidence-added")).count());
            assertEquals(THREADS, published.getLast().path("data").path("evidenceCount").asInt(),
                    "the last event carries the final count: events of the item leave in commit order");
        }
    }

    @Test
    void theDatabaseRefusesASecondOpenItemForTheSameGap() {
        String area = Fixtures.area();
        QuarkusTransaction.requiringNew().run(() -> spawned(area).persist());
        Exception refused = assertThrows(Exception.class,
                () -> QuarkusTransaction.requiringNew().run(() -> spawned(area).persistAndFlush()));
        assertTrue(String.valueOf(rootCause(refused).getMessage()).contains("improvement_item_one_open_gap"),
                rootCause(refused).getMessage());
    }

    private static ImprovementItem spawned(String area) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        ImprovementItem item = new ImprovementItem();
        item.id = UUID.randomUUID();
        item.title = "Answers take too long";
        item.problem = "p";
        item.area = area;
        item.themes(List.of("speed"));
        item.status = ItemStatus.PROPOSED;
        item.origin = Origin.FEEDBACK;
        item.gapKey = io.hrloop.improvement.domain.GapKey.theme(area, "speed", false);
        item.createdBy = "test";
        item.createdAt = now;
        item.updatedAt = now;
        return item;
    }

    private static Throwable rootCause(Throwable e) {
        while (e.getCause() != null && e.getCause() != e) {
            e = e.getCause();
        }
        return e;
    }
}
