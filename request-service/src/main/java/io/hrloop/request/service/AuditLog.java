package io.hrloop.request.service;

import java.time.Instant;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import io.hrloop.request.domain.AuditEntry;
import io.hrloop.request.domain.HrRequest;

/** Appends to the history of a request, in the transaction of the change it describes. */
@ApplicationScoped
public class AuditLog {

    public static final String SYSTEM = "system";

    public void record(HrRequest request, Instant at, String actor, String field, Object before, Object after,
            String note, boolean internal) {
        record(request.id, at, actor, field, before, after, note, internal);
    }

    public void record(java.util.UUID requestId, Instant at, String actor, String field, Object before, Object after,
            String note, boolean internal) {
        AuditEntry entry = new AuditEntry();
        entry.requestId = requestId;
        entry.at = at.atOffset(ZoneOffset.UTC);
        entry.actor = actor;
        entry.field = field;
        entry.before = before == null ? null : before.toString();
        entry.after = after == null ? null : after.toString();
        entry.note = note;
        entry.internal = internal;
        entry.persist();
    }

    public void record(HrRequest request, Instant at, String actor, String field, Object before, Object after) {
        record(request, at, actor, field, before, after, null, false);
    }
}
