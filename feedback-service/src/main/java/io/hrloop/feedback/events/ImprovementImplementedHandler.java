package io.hrloop.feedback.events;

import jakarta.enterprise.context.ApplicationScoped;

import io.hrloop.common.contract.ImprovementImplemented;
import io.hrloop.common.inbox.EventHandler;
import io.hrloop.common.inbox.EventMetadata;
import io.hrloop.feedback.service.LoopService;

/** hr.improvement.implemented closes the loop: the public feed, and a notification for each signed contributor. */
@ApplicationScoped
public class ImprovementImplementedHandler implements EventHandler<ImprovementImplemented> {

    private final LoopService loop;

    public ImprovementImplementedHandler(LoopService loop) {
        this.loop = loop;
    }

    @Override
    public Class<ImprovementImplemented> dataType() {
        return ImprovementImplemented.class;
    }

    @Override
    public void handle(ImprovementImplemented event, EventMetadata metadata) {
        loop.onImplemented(event);
    }
}
