package io.hrloop.common.contract;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** An hr.improvement.* event: the state of its item plus, per type, what happened. */
public sealed interface ImprovementEvent extends EventData
        permits ImprovementCreated, ImprovementEvidenceAdded, ImprovementStatusChanged, ImprovementImplemented {

    UUID improvementId();

    String title();

    String area();

    List<Theme> themes();

    String status();

    String owner();

    Double impactScore();

    Double priority();

    Integer evidenceCount();

    Integer distinctPeople();

    OffsetDateTime occurredAt();

    @Override
    default String aggregateId() {
        return improvementId().toString();
    }
}
