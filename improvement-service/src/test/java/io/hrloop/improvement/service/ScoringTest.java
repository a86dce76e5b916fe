package io.hrloop.improvement.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.hrloop.improvement.Fixtures;
import io.hrloop.improvement.domain.ImprovementItem;
import io.hrloop.testsupport.RealInfrastructureResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Stored scores follow the evidence as it ages, without invalidating clients' ETags. */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class ScoringTest {

    @Inject
    Scoring scoring;

    @Test
    void oldEvidenceWeighsLessAndTheRescoreRestoresAStaleScoreWithoutANewVersion() {
        String area = Fixtures.area();
        // CSAT 1, frustrated, 60 days ago: severity 2.5 × 0.5^(60/30) = 0.625, one person
        Fixtures.feedback(area).csat(1).frustrated().themes("policy")
                .on(LocalDate.now(ZoneOffset.UTC).minusDays(60)).send();
        String id = (String) Fixtures.awaitItems(area, l -> l.size() == 1).getFirst().get("id");
        assertEquals(0.63, Fixtures.item(id).getDouble("impactScore"), 1e-9);
        UUID itemId = UUID.fromString(id);
        long version = QuarkusTransaction.requiringNew().call(() -> ImprovementItem.<ImprovementItem>findById(itemId).version);

        // as if computed long ago, when the evidence was fresh
        QuarkusTransaction.requiringNew().run(() -> ImprovementItem.update("impactScore = 2.5 where id = ?1", itemId));
        scoring.rescoreAll();
        ImprovementItem after = QuarkusTransaction.requiringNew().call(() -> ImprovementItem.findById(itemId));
        assertEquals(0.63, after.impactScore, 1e-9);
        assertEquals(version, after.version, "the clock does not change the ETag");
    }
}
