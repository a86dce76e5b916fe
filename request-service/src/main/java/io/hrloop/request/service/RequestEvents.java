package io.hrloop.request.service;

import java.time.Instant;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import io.hrloop.common.contract.RequestEvent;
import io.hrloop.common.contract.RequestFacts;
import io.hrloop.common.contract.RequestSlaAtRisk;
import io.hrloop.common.contract.RequestSlaBreached;
import io.hrloop.common.outbox.Outbox;
import io.hrloop.request.domain.HrRequest;
import io.hrloop.request.domain.SlaTarget;
import io.hrloop.request.domain.SlaTimer;

/**
 * The hr.request.* events, written through the outbox in the transaction of the change. Confidential
 * requests travel without requester, on-behalf-of person, subject or any other free text; internal
 * comments never travel.
 */
@ApplicationScoped
public class RequestEvents {

    private final Outbox outbox;
    private final CatalogService catalog;

    public RequestEvents(Outbox outbox, CatalogService catalog) {
        this.outbox = outbox;
        this.catalog = catalog;
    }

    public void publish(RequestEvent event) {
        outbox.publish(event);
    }

    /** What every event says of the request as it is now. */
    public RequestFacts facts(HrRequest r, Instant at) {
        double samplingRate = catalog.rules(r.typeKey).orElseThrow().surveySamplingRate();
        return new RequestFacts(r.id, r.reference, r.typeKey, r.category, r.team, r.priority.name(), r.status.name(),
                r.confidential, r.confidential ? null : r.requester, r.confidential ? null : r.onBehalfOf, r.owner,
                r.confidential ? null : r.subject, samplingRate, at.atOffset(ZoneOffset.UTC));
    }

    /**
     * Free text as it may travel: not at all for a confidential request, whose events every consumer
     * receives (notes, reasons, decline explanations and alternatives stay in this service).
     */
    public String freeText(HrRequest r, String text) {
        return r.confidential ? null : text;
    }

    public void atRisk(HrRequest r, SlaTarget target, SlaTimer timer, Instant at) {
        publish(RequestSlaAtRisk.of(facts(r, at), target.name(), timer.dueAt().atOffset(ZoneOffset.UTC),
                (int) timer.targetMinutes()));
    }

    public void breached(HrRequest r, SlaTarget target, SlaTimer timer, Instant at) {
        publish(RequestSlaBreached.of(facts(r, at), target.name(), timer.dueAt().atOffset(ZoneOffset.UTC),
                (int) timer.targetMinutes()));
    }
}
