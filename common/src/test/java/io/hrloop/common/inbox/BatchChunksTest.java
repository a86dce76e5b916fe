package io.hrloop.common.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/**
 * How a poll batch is cut into transactions: by the recent cost of its events, with more to a transaction when the
 * batch is full (a backlog) or its events are dear next to a transaction's own cost.
 */
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
    void aBatchShortOfFullAimsAtTheUsualBudgetWhenItsEventsAreFewOrCheapAndAFullOneAtTheBacklogBudget() {
        assertEquals(100, BatchApplier.budgetMillis(2, 2, 40, 50, CONFIG), "two events");
        assertEquals(100, BatchApplier.budgetMillis(499, 499, 2, 5, CONFIG), "cheap events, cheap transactions");
        assertEquals(100, BatchApplier.budgetMillis(499, 499, 2, 0, CONFIG), "before a transaction's cost is known");
        assertEquals(1000, BatchApplier.budgetMillis(500, 500, 2, 5, CONFIG));
        assertEquals(1000, BatchApplier.budgetMillis(500, 1, 2, 0, CONFIG), "a full batch of types mostly skipped");
    }

    @Test
    void aBatchOfDearEventsGoesInTheTransactionsThatMakeItsEventsWaitLeast() {
        // 20 pieces of feedback at 100 ms each, 50 ms a transaction: k = sqrt(20 * 50 / 100) ~ 3.2 pieces each
        double budget = BatchApplier.budgetMillis(60, 20, 100, 50, CONFIG);
        assertEquals(Math.sqrt(20 * 50 * 100), budget, 1e-9);
        List<List<Integer>> chunks = BatchApplier.chunks(IntStream.range(0, 20).mapToObj(i -> 100).toList(),
                Integer::doubleValue, budget);
        assertEquals(7, chunks.size(), "three pieces a transaction, not one");
        assertTrue(meanCommit(20, 100, 50, 3) < meanCommit(20, 100, 50, 1), "than one piece a transaction");
        assertTrue(meanCommit(20, 100, 50, 3) < meanCommit(20, 100, 50, 20), "than all in one");
        // 200 of them, 150 ms each and 150 ms a transaction: the backlog's budget
        assertEquals(1000, BatchApplier.budgetMillis(400, 200, 150, 150, CONFIG));
    }

    /** When the events of a batch of n, c ms each, commit on average in transactions of k costing f ms besides. */
    private static double meanCommit(int n, double c, double f, int k) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            int chunk = i / k + 1;
            sum += chunk * (k * c + f) - (chunk * k > n ? (chunk * k - n) * c : 0);
        }
        return sum / n;
    }

    @Test
    void requestEventsMixedWithResolutionsGoTenTimesAsManyToATransactionInABacklog() {
        // 500 events as under intake with the loop: every 25th a resolution that invites (40 ms), the rest 2 ms
        List<Integer> costs = IntStream.range(0, 500).mapToObj(i -> i % 25 == 0 ? 40 : 2).toList();
        List<List<Integer>> usual = BatchApplier.chunks(costs, Integer::doubleValue,
                BatchApplier.budgetMillis(499, 499, 3.5, 0, CONFIG));
        List<List<Integer>> backlog = BatchApplier.chunks(costs, Integer::doubleValue,
                BatchApplier.budgetMillis(500, 500, 3.5, 0, CONFIG));
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
