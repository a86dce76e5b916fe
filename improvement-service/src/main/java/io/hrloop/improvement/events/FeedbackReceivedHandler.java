package io.hrloop.improvement.events;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.hrloop.common.events.EventCatalog;
import io.hrloop.common.events.IncomingEvent;
import io.hrloop.common.events.MalformedEventException;
import io.hrloop.common.inbox.EventHandler;
import io.hrloop.improvement.service.FeedbackReceived;
import io.hrloop.improvement.service.SpawningService;

/** hr.feedback.received: the area projection for verification, and negative feedback as evidence. */
@ApplicationScoped
public class FeedbackReceivedHandler implements EventHandler {

    /** Feedback about no request type or process is about HR in general. */
    public static final String GENERAL_AREA = "hr-general";

    private final SpawningService spawning;

    public FeedbackReceivedHandler(SpawningService spawning) {
        this.spawning = spawning;
    }

    @Override
    public Set<String> types() {
        return Set.of(EventCatalog.FEEDBACK_RECEIVED.type());
    }

    @Override
    public void handle(IncomingEvent event) {
        spawning.onFeedback(parse(event));
    }

    static FeedbackReceived parse(IncomingEvent event) {
        JsonNode data = event.data();
        String area = firstPresent(event.text("requestType"), event.text("subjectKey"), GENERAL_AREA);
        if (area.length() > 100) {
            throw new MalformedEventException("feedback area longer than 100 characters");
        }
        boolean anonymous = data.path("anonymous").asBoolean();
        List<String> themes = new ArrayList<>();
        data.path("themes").forEach(t -> themes.add(t.asText()));
        try {
            return new FeedbackReceived(UUID.fromString(event.text("feedbackId")), area, event.text("requestId"),
                    event.text("reference"), integer(data, "csat"), integer(data, "ces"), integer(data, "nps"),
                    event.text("comment"), themes, data.path("sentiment").asDouble(),
                    data.path("frustrated").asBoolean(), anonymous, anonymous ? null : event.text("personId"),
                    LocalDate.parse(event.text("receivedOn")));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new MalformedEventException("feedback id or date unreadable");
        }
    }

    private static Integer integer(JsonNode data, String field) {
        JsonNode node = data.get(field);
        return node == null || node.isNull() ? null : node.asInt();
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
