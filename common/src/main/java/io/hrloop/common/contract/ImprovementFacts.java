package io.hrloop.common.contract;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What every hr.improvement.* event says of its item. */
public record ImprovementFacts(UUID improvementId, String title, String area, List<Theme> themes, String status,
        String owner, Double impactScore, Double priority, Integer evidenceCount, Integer distinctPeople,
        OffsetDateTime occurredAt) {
}
