package io.hrloop.feedback.events;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.hrloop.common.events.EventCatalog;
import io.hrloop.common.events.IncomingEvent;
import io.hrloop.common.events.MalformedEventException;
import io.hrloop.common.inbox.EventHandler;
import io.hrloop.feedback.service.ErasureService;
import io.hrloop.feedback.service.LoopService;

/** hr.improvement.implemented closes the loop; hr.person.erased pseudonymises the person here. */
@ApplicationScoped
public class LoopEventsHandler implements EventHandler {

    private final LoopService loop;
    private final ErasureService erasure;

    public LoopEventsHandler(LoopService loop, ErasureService erasure) {
        this.loop = loop;
        this.erasure = erasure;
    }

    @Override
    public Set<String> types() {
        return Set.of(EventCatalog.IMPROVEMENT_IMPLEMENTED.type(), EventCatalog.PERSON_ERASED.type());
    }

    @Override
    public void handle(IncomingEvent event) {
        if (EventCatalog.PERSON_ERASED.type().equals(event.type())) {
            erasure.erase(event.text("personId"), event.text("pseudonym"));
            return;
        }
        List<String> themes = new ArrayList<>();
        event.data().path("themes").forEach(t -> themes.add(t.asText()));
        Set<UUID> feedbackIds = new LinkedHashSet<>();
        try {
            event.data().path("feedbackIds").forEach(id -> feedbackIds.add(UUID.fromString(id.asText())));
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("feedbackIds must be UUIDs");
        }
        loop.onImplemented(new LoopService.Implemented(UUID.fromString(event.text("improvementId")), event.text("title"),
                event.text("summary"), event.text("area"), themes, OffsetDateTime.parse(event.text("implementedAt")), feedbackIds));
    }
}
