package io.hrloop.common.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** How a poll batch is cut into transactions: by the recent cost of its events, with more to a transaction in a backlog. */
class BatchChunksTest {

    private static final ConsumerConfig CONFIG = (ConsumerConfig) Proxy.newProxyInstance(
            ConsumerConfig.class.getClassLoader(), new Class<?>[] { ConsumerConfig.class },
            (proxy, method, args) -> switch (method.getName()) {
                case "maxPollRecords" -> 500;
                case "transactionBudget" -> Duration.ofMillis(100);
                case "backlogTransactionBudget" -> Duration.ofSeconds(1);
                default -> throw new UnsupportedOperationException(method.getName());
            });

    @Test
    void aBatchShortOfFullAimsAtTheUsualBudgetAndAFullOneAtTheBacklogBudget() {
        assertEquals(100, BatchApplier.budgetMillis(1, CONFIG));
        assertEquals(100, BatchApplier.budgetMillis(499, CONFIG));
        assertEquals(1000, BatchApplier.budgetMillis(500, CONFIG));
    }

    @Test
    void requestEventsMixedWithResolutionsGoTenTimesAsManyToATransactionInABacklog() {
        // 500 events as under intake with the loop: every 25th a resolution that invites (40 ms), the rest 2 ms
        List<Integer> costs = IntStream.range(0, 500).mapToObj(i -> i % 25 == 0 ? 40 : 2).toList();
        List<List<Integer>> usual = BatchApplier.chunks(costs, Integer::doubleValue, BatchApplier.budgetMillis(499, CONFIG));
        List<List<Integer>> backlog = BatchApplier.chunks(costs, Integer::doubleValue, BatchApplier.budgetMillis(500, CONFIG));
        assertEquals(20, usual.size());
        assertEquals(2, backlog.size());
        for (List<List<Integer>> chunks : List.of(usual, backlog)) {
            assertEquals(costs, chunks.stream().flatMap(List::stream).toList(), "every event once, in order");
        }
    }

    @Test
    void anEventDearerThanTheBudgetIsATransactionOfItsOwn() {
        List<List<Integer>> chunks = BatchApplier.chunks(List.of(30, 250, 30, 30, 50), Integer::doubleValue, 100);
        assertEquals(List.of(List.of(30), List.of(250), List.of(30, 30), List.of(50)), chunks);
    }
}
