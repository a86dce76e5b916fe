package io.hrloop.feedback.events;

import jakarta.enterprise.context.ApplicationScoped;

import io.hrloop.common.contract.ImprovementEvidenceAdded;
import io.hrloop.common.inbox.EventHandler;
import io.hrloop.common.inbox.EventMetadata;
import io.hrloop.feedback.service.LoopService;

/** hr.improvement.evidence-added: remembers which feedback an item rests on, for closing the loop later. */
@ApplicationScoped
public class ImprovementEvidenceHandler implements EventHandler<ImprovementEvidenceAdded> {

    private final LoopService loop;

    public ImprovementEvidenceHandler(LoopService loop) {
        this.loop = loop;
    }

    @Override
    public Class<ImprovementEvidenceAdded> dataType() {
        return ImprovementEvidenceAdded.class;
    }

    @Override
    public void handle(ImprovementEvidenceAdded event, EventMetadata metadata) {
        if ("FEEDBACK".equals(event.evidence().kind())) {
            loop.linked(event.improvementId(), event.evidence().sourceId());
        }
    }
}
