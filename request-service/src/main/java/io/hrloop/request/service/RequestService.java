package io.hrloop.request.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.hrloop.common.events.EventCatalog;
import io.hrloop.common.outbox.Outbox;
import io.hrloop.request.domain.HrRequest;
import io.hrloop.request.domain.Priority;
import io.hrloop.request.domain.RequestStatus;

@ApplicationScoped
public class RequestService {

    private final EntityManager entityManager;
    private final Outbox outbox;

    public RequestService(EntityManager entityManager, Outbox outbox) {
        this.entityManager = entityManager;
        this.outbox = outbox;
    }

    @Transactional
    public HrRequest submit(String requester, String typeKey, String subject, String description, Priority priority) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        long number = ((Number) entityManager.createNativeQuery("select nextval('request_reference_seq')")
                .getSingleResult()).longValue();
        HrRequest request = new HrRequest();
        request.id = UUID.randomUUID();
        request.reference = String.format("HR-%06d", number);
        request.typeKey = typeKey;
        request.subject = subject;
        request.description = description;
        request.priority = priority == null ? Priority.NORMAL : priority;
        request.status = RequestStatus.SUBMITTED;
        request.requester = requester;
        request.team = "hr";
        request.createdAt = now;
        request.updatedAt = now;
        request.persist();
        outbox.publish(EventCatalog.REQUEST_SUBMITTED, request.id.toString(), eventData(request));
        return request;
    }

    public List<HrRequest> listFor(String requester, int limit) {
        return HrRequest.find("requester = ?1 order by createdAt desc, id desc", requester).page(0, limit).list();
    }

    static Map<String, Object> eventData(HrRequest request) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("requestId", request.id.toString());
        data.put("reference", request.reference);
        data.put("requestType", request.typeKey);
        data.put("category", "other");
        data.put("team", request.team);
        data.put("priority", request.priority.name());
        data.put("status", request.status.name());
        data.put("confidential", false);
        data.put("requester", request.requester);
        data.put("subject", request.subject);
        data.put("surveySamplingRate", 1.0);
        data.put("occurredAt", request.updatedAt.toString());
        return data;
    }
}
