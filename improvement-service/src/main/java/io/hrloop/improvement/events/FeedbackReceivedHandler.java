package io.hrloop.improvement.events;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.hrloop.common.contract.FeedbackReceived;
import io.hrloop.common.erasure.ErasedPeople;
import io.hrloop.common.events.MalformedEventException;
import io.hrloop.common.inbox.EventHandler;
import io.hrloop.common.inbox.EventMetadata;
import io.hrloop.improvement.service.BatchEmbeddings;
import io.hrloop.improvement.service.FeedbackBatch;
import io.hrloop.improvement.service.ProcessCatalogue;
import io.hrloop.improvement.service.RejectedMemory;
import io.hrloop.improvement.service.Scoring;
import io.hrloop.improvement.service.SpawningService;

/** hr.feedback.received: the area projection for verification, and negative feedback as evidence. */
@ApplicationScoped
public class FeedbackReceivedHandler implements EventHandler<FeedbackReceived> {

    /** Feedback about no request type or process is about HR in general. */
    public static final String GENERAL_AREA = "hr-general";

    private final SpawningService spawning;
    private final ProcessCatalogue processes;
    private final FeedbackBatch batch;
    private final ErasedPeople erasedPeople;
    private final Scoring scoring;
    private final RejectedMemory memory;
    private final BatchEmbeddings embeddings;

    public FeedbackReceivedHandler(SpawningService spawning, ProcessCatalogue processes, FeedbackBatch batch,
            ErasedPeople erasedPeople, Scoring scoring, RejectedMemory memory, BatchEmbeddings embeddings) {
        this.embeddings = embeddings;
        this.scoring = scoring;
        this.memory = memory;
        this.spawning = spawning;
        this.processes = processes;
        this.batch = batch;
        this.erasedPeople = erasedPeople;
    }

    @Override
    public Class<FeedbackReceived> dataType() {
        return FeedbackReceived.class;
    }

    /**
     * Which pieces of the batch are known already, which signed authors were erased, and which items the signers
     * stand behind already: four queries for the batch, none per piece. The items a piece may join are read once
     * per area in the batch ({@link RejectedMemory#rememberInBatch}), and the comments are embedded together, in
     * parallel ({@link BatchEmbeddings}).
     */
    @Override
    public void prepare(List<FeedbackReceived> events) {
        batch.prepare(events.stream().map(FeedbackReceived::feedbackId).toList());
        erasedPeople.prepare(events.stream().filter(e -> !e.anonymous()).map(FeedbackReceived::personId).toList());
        scoring.prepareSigners(events.stream().map(this::ofErasedAuthor).filter(e -> !e.anonymous())
                .map(FeedbackReceived::personId).distinct().toList());
        memory.rememberInBatch();
        // the comments of the pieces not applied before and without their vector in the event, embedded together
        // (BatchEmbeddings)
        List<String> texts = new ArrayList<>();
        for (FeedbackReceived e : events) {
            FeedbackReceived piece = ofErasedAuthor(e);
            String excerpt = batch.known(piece.feedbackId()) ? null : spawning.excerpt(piece.comment());
            if (excerpt != null && spawning.carriedEmbedding(piece, excerpt) == null) {
                texts.add(excerpt);
            }
        }
        embeddings.prepare(texts);
    }

    @Override
    public void handle(FeedbackReceived event, EventMetadata metadata) {
        FeedbackReceived feedback = ofErasedAuthor(event);
        spawning.onFeedback(feedback, area(feedback));
    }

    /**
     * Signed feedback whose author was erased before it was consumed (hr.feedback lagging behind hr.people) is taken
     * as the erasure left their other feedback: their pseudonym, no comment (so no excerpt and no vector). Looked up
     * for the batch in {@link #prepare}; a piece applied on its own looks up its author by primary key.
     */
    private FeedbackReceived ofErasedAuthor(FeedbackReceived event) {
        if (event.anonymous() || event.personId() == null) {
            return event;
        }
        return erasedPeople.preparedPseudonymOf(event.personId()).map(event::ofErasedAuthor).orElse(event);
    }

    /**
     * The request type, else the subject: a process through the managed list (its key; a name nobody listed is
     * recorded for review under its own key), a request type as it is; else HR in general.
     */
    String area(FeedbackReceived event) {
        boolean aboutAProcess = (event.requestType() == null || event.requestType().isBlank())
                && "PROCESS".equals(event.subjectType()) && event.subjectKey() != null;
        String process = aboutAProcess ? processes.resolve(event.subjectKey()) : null;
        String area = firstPresent(event.requestType(), process, event.subjectKey(), GENERAL_AREA);
        if (area.length() > 100) {
            throw new MalformedEventException("feedback area longer than 100 characters");
        }
        return area;
    }

    private static String firstPresent(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }
}
