package io.hrloop.common.contract;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What every hr.request.* event says of its request. Confidential requests travel without requester,
 * on-behalf-of person and subject (request-service leaves them null).
 */
public record RequestFacts(UUID requestId, String reference, String requestType, String category, String team,
        String priority, String status, boolean confidential, String requester, String onBehalfOf, String owner,
        String subject, Double surveySamplingRate, OffsetDateTime occurredAt) {
}
