package io.hrloop.improvement.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.hrloop.common.inbox.EventDispatcher;
import io.hrloop.improvement.Fixtures;
import io.hrloop.improvement.domain.Evidence;
import io.hrloop.testsupport.RealInfrastructureResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Matching as the service does it, from a cold start: the labelled complaints of text-analysis
 * ({@code matching/gaps.tsv}, 8 areas) arrive one by one, in a shuffled order, as negative signed feedback with their
 * labelled theme, each area new (its centre grows from its first comment, as in production). Printed: how the
 * complaints of each area ended up in items, and pair precision and recall of "same item" against "same gap". Unlike
 * text-analysis MatchingEvaluationTest (area centres from all of an area's complaints at once, each complaint against
 * all others), this is the online decision with what the service knows at each moment. Asserted: only that every
 * complaint became evidence of exactly one item.
 */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class MatchingThroughTheServiceTest {

    private static final Path GAPS = Path.of("..", "text-analysis", "src", "test", "resources", "io", "hrloop", "text",
            "matching", "gaps.tsv");

    private record Complaint(String area, String gap, String theme, String text, String feedbackId) {
    }

    @Inject
    EventDispatcher dispatcher;

    @Inject
    ObjectMapper mapper;

    @Test
    void printsHowLabelledGapsEndUpInItems() throws Exception {
        Assumptions.assumeTrue(Files.exists(GAPS), "the labelled gaps of text-analysis are not next to this module");
        String run = UUID.randomUUID().toString().substring(0, 6);
        Map<String, List<Complaint>> byArea = new LinkedHashMap<>();
        for (String line : Files.readAllLines(GAPS, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t");
            byArea.computeIfAbsent(cells[0] + "-" + run, a -> new ArrayList<>())
                    .add(new Complaint(cells[0] + "-" + run, cells[1], cells[2], cells[3], UUID.randomUUID().toString()));
        }
        Random random = new Random(7);
        long tp = 0;
        long fp = 0;
        long fn = 0;
        int complaints = 0;
        StringBuilder out = new StringBuilder();
        for (List<Complaint> area : byArea.values()) {
            Collections.shuffle(area, random);
            for (Complaint c : area) {
                Fixtures.Feedback f = Fixtures.feedback(c.area()).csat(1).themes(c.theme()).comment(c.text());
                f.data.put("feedbackId", c.feedbackId());
                EventDispatcher.Delivery event = dispatcher.read(mapper.writeValueAsBytes(f.event()));
                QuarkusTransaction.requiringNew().run(() -> dispatcher.apply(event));
            }
            Map<String, String> itemOf = new LinkedHashMap<>();
            QuarkusTransaction.requiringNew().run(() -> area.forEach(c -> {
                List<Evidence> evidence = Evidence.list("sourceId", c.feedbackId());
                assertEquals(1, evidence.size(), c.text());
                itemOf.put(c.feedbackId(), evidence.getFirst().itemId.toString());
            }));
            for (int i = 0; i < area.size(); i++) {
                for (int j = i + 1; j < area.size(); j++) {
                    boolean sameGap = area.get(i).gap().equals(area.get(j).gap());
                    boolean sameItem = itemOf.get(area.get(i).feedbackId()).equals(itemOf.get(area.get(j).feedbackId()));
                    tp += sameGap && sameItem ? 1 : 0;
                    fp += !sameGap && sameItem ? 1 : 0;
                    fn += sameGap && !sameItem ? 1 : 0;
                }
            }
            complaints += area.size();
            out.append(String.format(Locale.ROOT, "%n  %-28s %2d complaints, %d gaps -> %2d items",
                    area.getFirst().area().replace("-" + run, ""), area.size(),
                    area.stream().map(Complaint::gap).distinct().count(), itemOf.values().stream().distinct().count()));
        }
        System.out.printf(Locale.ROOT, "Matching through the service, cold start (%d complaints, %d areas):%s%n"
                + "  pairs in one area put in one item: precision %.2f, recall %.2f (same gap: %d pairs)%n",
                complaints, byArea.size(), out, tp / (double) Math.max(1, tp + fp), tp / (double) Math.max(1, tp + fn),
                tp + fn);
        assertTrue(complaints > 100);
    }
}
