package io.hrloop.improvement.events;

import static io.hrloop.improvement.Fixtures.area;
import static io.hrloop.improvement.Fixtures.feedback;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.hrloop.common.inbox.EventDispatcher;
import io.hrloop.common.inbox.EventDispatcher.Delivery;
import io.hrloop.improvement.Fixtures.Feedback;
import io.hrloop.improvement.domain.Evidence;
import io.hrloop.improvement.domain.ImprovementItem;
import io.hrloop.testsupport.RealInfrastructureResource;
import io.hrloop.testsupport.SqlRecording;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A consumed batch of negative feedback reads the items its pieces may join once per area, and which items its
 * signers stand behind once, however many pieces it holds: asked for each piece, these reads and the flushes before
 * them cost some four round trips a piece, and under intake load this consumer took more than 200 ms a piece
 * (bench/run, loop phase). The pieces still join the item an earlier piece of the same batch opened, and each
 * signer counts once per item, across batches too.
 */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class FeedbackBatchStatementsTest {

    private static final String COMMENT = "The payslip portal logs me out every time I try to download my payslip";

    @Inject
    EventDispatcher dispatcher;

    @Test
    void aBatchReadsItsAreasItemsAndItsSignersOnceAndStillCountsEachSignerOncePerItem() {
        String area = area();
        List<String> people = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            people.add("emp-batch-" + UUID.randomUUID());
        }
        List<Delivery> first = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            first.add(delivery(negative(area).person(people.get(i % people.size())))); // ten people write twice
        }

        List<String> statements = SqlRecording.recording(
                () -> QuarkusTransaction.requiringNew().run(() -> dispatcher.apply(first)));

        assertEquals(1, SqlRecording.selectsFrom(statements, "improvement_item").size(),
                () -> "the area's items read once for the batch, not once per piece; sent: " + statements);
        assertEquals(2, SqlRecording.selectsFrom(statements, "improvement_evidence").size(),
                () -> "the batch's known evidence and its signers' items, read once each; sent: " + statements);
        ImprovementItem item = onlyItem(area);
        assertEquals(40, item.evidenceCount, "every piece joined the item the batch's first piece opened");
        assertEquals(30, item.signedPeople, "a signer who wrote twice counts once");

        // a later batch: five of the same people again, five new ones
        List<Delivery> second = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            second.add(delivery(negative(area).person(i < 5 ? people.get(i) : "emp-batch-" + UUID.randomUUID())));
        }
        List<String> again = SqlRecording.recording(
                () -> QuarkusTransaction.requiringNew().run(() -> dispatcher.apply(second)));

        assertEquals(1, SqlRecording.selectsFrom(again, "improvement_item").size(), () -> "sent: " + again);
        item = onlyItem(area);
        assertEquals(50, item.evidenceCount);
        assertEquals(35, item.signedPeople, "those who signed in an earlier batch are not counted again");
        String itemId = item.id.toString();
        assertEquals(QuarkusTransaction.requiringNew().call(() -> Evidence.<Evidence>list("itemId", UUID.fromString(itemId))
                .stream().map(e -> e.personId).filter(Objects::nonNull).distinct().count()), (long) item.signedPeople,
                "the running count agrees with the evidence rows");
    }

    private static Feedback negative(String area) {
        return feedback(area).csat(1).sentiment(-0.8).comment(COMMENT).themes("process");
    }

    private Delivery delivery(Feedback feedback) {
        return dispatcher.read(feedback.event().toString().getBytes(StandardCharsets.UTF_8));
    }

    private static ImprovementItem onlyItem(String area) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<ImprovementItem> items = ImprovementItem.list("area", area);
            assertEquals(1, items.size(), () -> "one item for one gap, found " + items.size());
            return items.get(0);
        });
    }
}
