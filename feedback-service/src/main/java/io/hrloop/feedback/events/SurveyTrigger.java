package io.hrloop.feedback.events;

import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.hrloop.common.events.EventCatalog;
import io.hrloop.common.events.IncomingEvent;
import io.hrloop.common.inbox.EventHandler;
import io.hrloop.feedback.service.SurveyService;

/** Invites the requester when a request is resolved, withdraws the invitation when it is reopened. */
@ApplicationScoped
public class SurveyTrigger implements EventHandler {

    private final SurveyService surveys;

    public SurveyTrigger(SurveyService surveys) {
        this.surveys = surveys;
    }

    @Override
    public Set<String> types() {
        return Set.of(EventCatalog.REQUEST_RESOLVED.type(), EventCatalog.REQUEST_REOPENED.type());
    }

    @Override
    public void handle(IncomingEvent event) {
        UUID requestId = UUID.fromString(event.text("requestId"));
        if (EventCatalog.REQUEST_REOPENED.type().equals(event.type())) {
            surveys.onReopened(requestId);
            return;
        }
        surveys.onResolved(new SurveyService.Resolution(requestId, event.text("reference"), event.text("subject"),
                event.text("requestType"), event.text("team"), event.data().path("confidential").asBoolean(),
                event.text("requester"), event.data().path("surveySamplingRate").asDouble(1.0)));
    }
}
