package io.hrloop.improvement.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class KnowledgeRankingTest {

    private static final UUID A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID B = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    private static final UUID C = UUID.fromString("00000000-0000-0000-0000-00000000000c");

    @Test
    void wordsAndMeaningBothCountAndUnrelatedLessonsDrop() {
        List<KnowledgeRanking.Hit> ranked = KnowledgeRanking.rank(List.of(
                new KnowledgeRanking.Hit(A, 0.2, 0.84), // matched words weakly, close in meaning
                new KnowledgeRanking.Hit(B, 0.0, 0.90), // no shared word, same meaning
                new KnowledgeRanking.Hit(C, 0.0, 0.70))); // neither
        assertEquals(List.of(A, B), ranked.stream().map(KnowledgeRanking.Hit::lessonId).toList());
    }
}
