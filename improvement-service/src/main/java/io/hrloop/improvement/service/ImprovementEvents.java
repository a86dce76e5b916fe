package io.hrloop.improvement.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.hrloop.common.events.EventCatalog;
import io.hrloop.common.outbox.Outbox;
import io.hrloop.improvement.domain.Evidence;
import io.hrloop.improvement.domain.ImprovementItem;
import io.hrloop.improvement.domain.ItemStatus;
import io.hrloop.improvement.domain.Origin;

/** The hr.improvement.* events, written to the outbox in the caller's transaction. */
@ApplicationScoped
public class ImprovementEvents {

    private final Outbox outbox;

    public ImprovementEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void created(ImprovementItem item, Origin origin, OffsetDateTime time) {
        Map<String, Object> data = base(item, time);
        data.put("origin", origin.name());
        outbox.publish(EventCatalog.IMPROVEMENT_CREATED, item.id.toString(), data, time);
    }

    /**
     * Evidence from anonymous feedback is announced with the day only (time and occurredAt at midnight UTC), as
     * feedback-service does for the feedback itself: together with the feedback id, a precise time would tell
     * when the anonymous person wrote.
     */
    public void evidenceAdded(ImprovementItem item, Evidence evidence, OffsetDateTime time) {
        Map<String, Object> data = base(item, time);
        data.put("evidence", Map.of("kind", evidence.kind.name(), "sourceId", evidence.sourceId));
        outbox.publish(EventCatalog.IMPROVEMENT_EVIDENCE_ADDED, item.id.toString(), data, time);
    }

    public void statusChanged(ImprovementItem item, ItemStatus previous, OffsetDateTime time) {
        Map<String, Object> data = base(item, time);
        data.put("previousStatus", previous.name());
        data.put("reason", item.statusReason);
        data.put("mergedInto", item.mergedInto == null ? null : item.mergedInto.toString());
        outbox.publish(EventCatalog.IMPROVEMENT_STATUS_CHANGED, item.id.toString(), data, time);
    }

    /** Carries every feedback id linked to the item (merged-in evidence included): feedback-service tells their authors. */
    public void implemented(ImprovementItem item, List<String> feedbackIds, OffsetDateTime time) {
        Map<String, Object> data = base(item, time);
        data.put("summary", item.implementationSummary);
        data.put("implementedAt", format(item.implementedAt));
        data.put("feedbackIds", feedbackIds);
        outbox.publish(EventCatalog.IMPROVEMENT_IMPLEMENTED, item.id.toString(), data, time);
    }

    private static Map<String, Object> base(ImprovementItem item, OffsetDateTime time) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("improvementId", item.id.toString());
        data.put("title", item.title);
        data.put("area", item.area);
        data.put("themes", item.themes());
        data.put("status", item.status.name());
        data.put("owner", item.owner);
        data.put("impactScore", item.impactScore);
        data.put("priority", item.priority);
        data.put("evidenceCount", item.evidenceCount);
        data.put("distinctPeople", item.distinctPeople);
        data.put("occurredAt", format(time));
        return data;
    }

    /** RFC 3339 with seconds always present (OffsetDateTime.toString drops ":00"). */
    static String format(OffsetDateTime time) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time.withOffsetSameInstant(ZoneOffset.UTC));
    }

    public static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    public static OffsetDateTime today() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS);
    }
}
