package io.hrloop.request.service;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.hrloop.common.events.EventCatalog;
import io.hrloop.common.outbox.Outbox;
import io.hrloop.request.domain.HrRequest;
import io.hrloop.request.domain.RequestType;
import io.hrloop.request.domain.SlaTarget;
import io.hrloop.request.domain.SlaTimer;

/**
 * The data of the hr.request.* events, written through the outbox in the transaction of the change.
 * Confidential requests travel without requester, on-behalf-of person and subject; internal comments
 * never travel at all.
 */
@ApplicationScoped
public class RequestEvents {

    private final Outbox outbox;

    public RequestEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void publish(EventCatalog type, HrRequest request, Instant at, Map<String, Object> extra) {
        Map<String, Object> data = data(request, at);
        data.putAll(extra);
        outbox.publish(type, request.id.toString(), data);
    }

    public void publishServiceLevel(EventCatalog type, HrRequest request, SlaTarget target, SlaTimer timer,
            Instant at) {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("target", target.name());
        extra.put("dueAt", timer.dueAt().atOffset(ZoneOffset.UTC).toString());
        extra.put("targetMinutes", timer.targetMinutes());
        publish(type, request, at, extra);
    }

    static Map<String, Object> data(HrRequest r, Instant at) {
        RequestType type = RequestType.findById(r.typeKey);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("requestId", r.id.toString());
        data.put("reference", r.reference);
        data.put("requestType", r.typeKey);
        data.put("category", r.category);
        data.put("team", r.team);
        data.put("priority", r.priority.name());
        data.put("status", r.status.name());
        data.put("confidential", r.confidential);
        data.put("requester", r.confidential ? null : r.requester);
        data.put("onBehalfOf", r.confidential ? null : r.onBehalfOf);
        data.put("owner", r.owner);
        data.put("subject", r.confidential ? null : r.subject);
        data.put("surveySamplingRate", type.surveySamplingRate.doubleValue());
        data.put("occurredAt", at.atOffset(ZoneOffset.UTC).toString());
        return data;
    }
}
