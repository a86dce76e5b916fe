package io.hrloop.improvement.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.hrloop.common.inbox.EventDispatcher;
import io.hrloop.improvement.Fixtures;
import io.hrloop.improvement.domain.ImpactScore;
import io.hrloop.improvement.domain.ImprovementItem;
import io.hrloop.testsupport.RealInfrastructureResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The work per event does not grow with an item's history: 2,000 pieces of evidence on one item, each through the
 * consumer's path (inbox record and handler in one transaction), timed in blocks. Printed, not asserted (timings
 * depend on the machine); asserted: the running aggregates give what the whole evidence gives.
 */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class EvidenceScalingTest {

    private static final int PIECES = 2000;
    private static final int BLOCK = 200;
    private static final String COMMENT = "It took far too long to get an answer from payroll.";

    @Inject
    EventDispatcher dispatcher;

    @Inject
    ObjectMapper mapper;

    @Inject
    Scoring scoring;

    private long apply(Fixtures.Feedback feedback) throws Exception {
        EventDispatcher.Delivery event = dispatcher.read(mapper.writeValueAsBytes(feedback.event()));
        long start = System.nanoTime();
        QuarkusTransaction.requiringNew().run(() -> dispatcher.apply(event));
        return System.nanoTime() - start;
    }

    @Test
    void theCostOfANewPieceOfEvidenceDoesNotGrowWithTheItem() throws Exception {
        String area = Fixtures.area();
        List<Double> blocks = new ArrayList<>();
        long[] commented = new long[PIECES / 10];
        long blockNanos = 0;
        for (int n = 0; n < PIECES; n++) {
            // one in ten says it in words (embedding, matching by meaning, profile update), one in four is anonymous
            Fixtures.Feedback f = Fixtures.feedback(area).csat(1 + n % 2).themes("speed");
            if (n % 4 == 3) {
                f.anonymous();
            } else if (n % 3 == 0) {
                f.person("emp-repeat-" + (n % 50)); // some people complain again
            }
            if (n % 10 == 0) {
                f.comment(COMMENT);
            }
            long nanos = apply(f);
            if (n % 10 == 0) {
                commented[n / 10] = nanos;
            }
            blockNanos += nanos;
            if ((n + 1) % BLOCK == 0) {
                blocks.add(blockNanos / 1e6 / BLOCK);
                blockNanos = 0;
            }
        }
        StringBuilder line = new StringBuilder();
        for (int b = 0; b < blocks.size(); b++) {
            line.append(String.format("%n  pieces %4d-%4d: %.2f ms per piece", b * BLOCK + 1, (b + 1) * BLOCK,
                    blocks.get(b)));
        }
        long[] sorted = commented.clone();
        Arrays.sort(sorted);
        System.out.printf("Evidence per event on one item (%d pieces, consumer path: inbox + spawning + scoring):%s%n"
                + "  a piece with a comment (embedding, area centre, matching, profile): median %.2f ms, p90 %.2f ms%n",
                PIECES, line, sorted[sorted.length / 2] / 1e6, sorted[sorted.length * 9 / 10] / 1e6);

        List<ImprovementItem> items = QuarkusTransaction.requiringNew().call(() -> ImprovementItem.list("area", area));
        assertEquals(1, items.size(), "one gap, one item");
        ImprovementItem item = items.getFirst();
        assertEquals(PIECES, item.evidenceCount);
        // what the running aggregates say equals what the whole evidence says
        ImprovementItem rebuilt = QuarkusTransaction.requiringNew().call(() -> {
            ImprovementItem copy = ImprovementItem.findById(item.id);
            io.quarkus.hibernate.orm.panache.Panache.getEntityManager().detach(copy); // computed, never stored
            scoring.rebuild(copy);
            return copy;
        });
        assertEquals(rebuilt.signedPeople, item.signedPeople);
        assertEquals(rebuilt.anonymousPieces, item.anonymousPieces);
        assertEquals(PIECES / 4, item.anonymousPieces);
        assertEquals(rebuilt.distinctPeople, item.distinctPeople);
        assertEquals(ImpactScore.distinctPeople(item.signedPeople, PIECES / 4), item.distinctPeople);
        assertEquals(rebuilt.impactScore, item.impactScore, 0.01);
        System.out.printf("  item: %d pieces, %d signed people + %d anonymous pieces = %d distinct people, impact %.2f%n",
                item.evidenceCount, item.signedPeople, item.anonymousPieces, item.distinctPeople, item.impactScore);
    }
}
