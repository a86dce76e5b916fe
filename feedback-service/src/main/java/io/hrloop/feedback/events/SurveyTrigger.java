package io.hrloop.feedback.events;

import java.util.EnumSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.hrloop.common.contract.RequestEvent;
import io.hrloop.common.contract.RequestReopened;
import io.hrloop.common.contract.RequestResolved;
import io.hrloop.common.events.EventCatalog;
import io.hrloop.common.inbox.EventHandler;
import io.hrloop.common.inbox.EventMetadata;
import io.hrloop.feedback.service.SurveyService;

/** Invites the requester when a request is resolved, withdraws the invitation when it is reopened. */
@ApplicationScoped
public class SurveyTrigger implements EventHandler<RequestEvent> {

    private final SurveyService surveys;

    public SurveyTrigger(SurveyService surveys) {
        this.surveys = surveys;
    }

    @Override
    public Class<RequestEvent> dataType() {
        return RequestEvent.class;
    }

    @Override
    public Set<EventCatalog> types() {
        return EnumSet.of(EventCatalog.REQUEST_RESOLVED, EventCatalog.REQUEST_REOPENED);
    }

    @Override
    public void handle(RequestEvent event, EventMetadata metadata) {
        if (event instanceof RequestReopened reopened) {
            surveys.onReopened(reopened.requestId());
        } else if (event instanceof RequestResolved resolved) {
            surveys.onResolved(resolved);
        }
    }
}
