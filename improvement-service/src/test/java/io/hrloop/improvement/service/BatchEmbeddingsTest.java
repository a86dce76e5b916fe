package io.hrloop.improvement.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.hrloop.testsupport.RealInfrastructureResource;
import io.hrloop.text.Embedder;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** A batch's comments embedded together give each piece the vector it would have had alone. */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class BatchEmbeddingsTest {

    private static final List<String> COMMENTS = List.of("Nobody told me my leave request had been refused.",
            "The payslip portal logs me out every time.", "It took three weeks to get an answer about my pension.",
            "The payslip portal logs me out every time.");

    @Inject
    BatchEmbeddings embeddings;

    @Inject
    Embedder embedder;

    @Test
    void aBatchsCommentsAreEmbeddedOnceEachAsTheyWouldBeAlone() {
        QuarkusTransaction.requiringNew().run(() -> {
            embeddings.prepare(COMMENTS);
            for (String comment : COMMENTS) {
                float[] prepared = embeddings.embed(comment);
                assertSame(prepared, embeddings.embed(comment), "the prepared vector, not a new embedding");
                assertArrayEquals(embedder.embed(comment), prepared, 1e-6f, comment);
            }
        });
        QuarkusTransaction.requiringNew().run(() -> {
            String comment = COMMENTS.getFirst();
            assertNotSame(embeddings.embed(comment), embeddings.embed(comment), "another transaction embeds anew");
        });
    }
}
