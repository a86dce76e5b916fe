package io.hrloop.improvement.events;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static io.hrloop.improvement.Fixtures.area;
import static io.hrloop.improvement.Fixtures.awaitItems;
import static io.hrloop.improvement.Fixtures.feedback;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.hrloop.improvement.domain.ImprovementItem;
import io.hrloop.improvement.service.SpawningService;
import io.hrloop.testsupport.RealInfrastructureResource;
import io.hrloop.text.Embedder;
import io.hrloop.text.EvidenceProfile;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A comment whose embedding hr.feedback.received carries (feedback-service's text analysis made it) is matched with
 * that vector instead of being embedded again, where the vector is the excerpt's: this service's model, the whole
 * comment, the right size. Otherwise the excerpt is embedded here.
 */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class CarriedEmbeddingTest {

    private static final String COMMENT = "It took far too long to get an answer about my overtime.";
    /** Another text's vector: an item built from it shows which vector was used. */
    private static final String OTHER = "The parental leave policy is unfair to part-time staff.";

    @Inject
    Embedder embedder;

    @Inject
    SpawningService spawning;

    @Test
    void theCarriedVectorIsUsedWhenItIsTheExcerptsAndOtherwiseTheCommentIsEmbeddedHere() {
        float[] own = embedder.embed(COMMENT);
        float[] other = embedder.embed(OTHER);
        assertTrue(io.hrloop.text.Vectors.dot(own, other) < 0.95, "two texts apart");

        assertArrayEquals(other, profileOf(send(embedder.modelName(), other)), 1e-6f, "the carried vector, as it came");
        assertArrayEquals(own, profileOf(send("another-model", other)), 1e-6f, "another model's vector is ignored");
        assertArrayEquals(own, profileOf(send(embedder.modelName(), Arrays.copyOf(other, 10))), 1e-6f,
                "a vector of another size is ignored");
        float[] scaled = other.clone();
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] *= 2;
        }
        assertArrayEquals(own, profileOf(send(embedder.modelName(), scaled)), 1e-6f,
                "a vector not of unit length is ignored");
    }

    @Test
    void aCommentCutToAnExcerptIsEmbeddedHere() {
        String area = area();
        String longComment = COMMENT + " " + "And nobody called me back. ".repeat(30);
        feedback(area).csat(1).themes("speed").comment(longComment).embedding(embedder.modelName(),
                embedder.embed(OTHER)).send();
        String excerpt = spawning.excerpt(longComment);
        assertTrue(excerpt.endsWith("\u2026"), "cut");
        assertArrayEquals(embedder.embed(excerpt), profileOf(awaitOne(area)), 1e-6f);
    }

    /** What makes a carried vector the excerpt's although the excerpt folds the comment's whitespace. */
    @Test
    void foldedWhitespaceIsReadAsTheSameTokens() {
        for (String comment : List.of("Took three weeks and\n\nnobody answered   my emails.\tReally.",
                "Very slow,  I had to chase payroll\r\nagain and again.")) {
            assertArrayEquals(embedder.embed(comment), embedder.embed(spawning.excerpt(comment)), 0f, comment);
        }
    }

    private String send(String model, float[] vector) {
        String area = area();
        feedback(area).csat(1).themes("speed").comment(COMMENT).embedding(model, vector).send();
        return awaitOne(area);
    }

    private static String awaitOne(String area) {
        return (String) awaitItems(area, l -> l.size() == 1).getFirst().get("id");
    }

    /** The item's evidence profile's centre: with one piece of evidence, that piece's vector. */
    private static float[] profileOf(String itemId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            EvidenceProfile profile = EvidenceProfile.fromBytes(
                    ImprovementItem.<ImprovementItem>findById(UUID.fromString(itemId)).evidenceProfile);
            assertEquals(1, profile.count());
            return profile.centroid();
        });
    }
}
