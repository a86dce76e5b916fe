package io.hrloop.common.contract;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An hr.request.* event: the facts of its request plus, per type, what happened. */
public sealed interface RequestEvent extends EventData permits RequestSubmitted, RequestAssigned, RequestStatusChanged,
        RequestResolved, RequestDeclined, RequestReopened, RequestSlaAtRisk, RequestSlaBreached, RequestRetriaged {

    UUID requestId();

    String reference();

    String requestType();

    String category();

    String team();

    String priority();

    String status();

    boolean confidential();

    String requester();

    String onBehalfOf();

    String owner();

    String subject();

    Double surveySamplingRate();

    OffsetDateTime occurredAt();

    @Override
    default String aggregateId() {
        return requestId().toString();
    }

    default RequestFacts facts() {
        return new RequestFacts(requestId(), reference(), requestType(), category(), team(), priority(), status(),
                confidential(), requester(), onBehalfOf(), owner(), subject(), surveySamplingRate(), occurredAt());
    }
}
