package io.hrloop.common.events;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The event contract of PRODUCT.md: every type, the topic it travels on. */
public enum EventCatalog {
    REQUEST_SUBMITTED("hr.request.submitted", Topics.REQUESTS),
    REQUEST_ASSIGNED("hr.request.assigned", Topics.REQUESTS),
    REQUEST_STATUS_CHANGED("hr.request.status-changed", Topics.REQUESTS),
    REQUEST_RESOLVED("hr.request.resolved", Topics.REQUESTS),
    REQUEST_DECLINED("hr.request.declined", Topics.REQUESTS),
    REQUEST_REOPENED("hr.request.reopened", Topics.REQUESTS),
    REQUEST_SLA_AT_RISK("hr.request.sla-at-risk", Topics.REQUESTS),
    REQUEST_SLA_BREACHED("hr.request.sla-breached", Topics.REQUESTS),
    FEEDBACK_RECEIVED("hr.feedback.received", Topics.FEEDBACK),
    FEEDBACK_FOLLOW_UP_OPENED("hr.feedback.follow-up-opened", Topics.FEEDBACK),
    IMPROVEMENT_CREATED("hr.improvement.created", Topics.IMPROVEMENTS),
    IMPROVEMENT_EVIDENCE_ADDED("hr.improvement.evidence-added", Topics.IMPROVEMENTS),
    IMPROVEMENT_STATUS_CHANGED("hr.improvement.status-changed", Topics.IMPROVEMENTS),
    IMPROVEMENT_IMPLEMENTED("hr.improvement.implemented", Topics.IMPROVEMENTS),
    PERSON_ERASED("hr.person.erased", Topics.PEOPLE);

    private static final Map<String, EventCatalog> BY_TYPE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventCatalog::type, Function.identity()));

    private final String type;
    private final String topic;

    EventCatalog(String type, String topic) {
        this.type = type;
        this.topic = topic;
    }

    public String type() {
        return type;
    }

    public String topic() {
        return topic;
    }

    /** Classpath location of the JSON Schema of this type's {@code data}. */
    public String schemaResource() {
        return "contracts/schemas/" + type + ".schema.json";
    }

    public static Optional<EventCatalog> byType(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    public static final class Topics {
        public static final String REQUESTS = "hr.requests";
        public static final String FEEDBACK = "hr.feedback";
        public static final String IMPROVEMENTS = "hr.improvements";
        public static final String PEOPLE = "hr.people";

        private Topics() {
        }
    }
}
