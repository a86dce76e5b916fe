package io.hrloop.feedback.events;

import java.util.EnumSet;
import java.util.List;
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

    /**
     * The batch's resolutions are decided from facts loaded for all of them at once (their requesters' locks, the
     * invitations that decide, their contact entries), instead of several queries each.
     */
    @Override
    public void prepare(List<RequestEvent> events) {
        surveys.prepare(events.stream().filter(RequestResolved.class::isInstance).map(RequestResolved.class::cast).toList());
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
