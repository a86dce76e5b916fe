package io.hrloop.common.events;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.hrloop.common.contract.*;

/** The event contract of PRODUCT.md: every type, the topic it travels on. */
public enum EventCatalog {
    REQUEST_SUBMITTED("hr.request.submitted", Topics.REQUESTS, RequestSubmitted.class),
    REQUEST_ASSIGNED("hr.request.assigned", Topics.REQUESTS, RequestAssigned.class),
    REQUEST_STATUS_CHANGED("hr.request.status-changed", Topics.REQUESTS, RequestStatusChanged.class),
    REQUEST_RESOLVED("hr.request.resolved", Topics.REQUESTS, RequestResolved.class),
    REQUEST_DECLINED("hr.request.declined", Topics.REQUESTS, RequestDeclined.class),
    REQUEST_REOPENED("hr.request.reopened", Topics.REQUESTS, RequestReopened.class),
    REQUEST_SLA_AT_RISK("hr.request.sla-at-risk", Topics.REQUESTS, RequestSlaAtRisk.class),
    REQUEST_SLA_BREACHED("hr.request.sla-breached", Topics.REQUESTS, RequestSlaBreached.class),
    REQUEST_RETRIAGED("hr.request.retriaged", Topics.REQUESTS, RequestRetriaged.class),
    FEEDBACK_RECEIVED("hr.feedback.received", Topics.FEEDBACK, FeedbackReceived.class),
    FEEDBACK_FOLLOW_UP_OPENED("hr.feedback.follow-up-opened", Topics.FEEDBACK, FollowUpOpened.class),
    FEEDBACK_SURVEY_INVITED("hr.feedback.survey-invited", Topics.FEEDBACK, SurveyInvited.class),
    IMPROVEMENT_CREATED("hr.improvement.created", Topics.IMPROVEMENTS, ImprovementCreated.class),
    IMPROVEMENT_EVIDENCE_ADDED("hr.improvement.evidence-added", Topics.IMPROVEMENTS, ImprovementEvidenceAdded.class),
    IMPROVEMENT_STATUS_CHANGED("hr.improvement.status-changed", Topics.IMPROVEMENTS, ImprovementStatusChanged.class),
    IMPROVEMENT_IMPLEMENTED("hr.improvement.implemented", Topics.IMPROVEMENTS, ImprovementImplemented.class),
    PERSON_ERASED("hr.person.erased", Topics.PEOPLE, PersonErased.class);

    private static final Map<String, EventCatalog> BY_TYPE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventCatalog::type, Function.identity()));

    private final String type;
    private final String topic;
    private final Class<? extends EventData> dataType;

    EventCatalog(String type, String topic, Class<? extends EventData> dataType) {
        this.type = type;
        this.topic = topic;
        this.dataType = dataType;
    }

    /** The record its {@code data} is read into and written from. */
    public Class<? extends EventData> dataType() {
        return dataType;
    }

    /** The types whose data a handler of {@code dataType} can receive. */
    public static Set<EventCatalog> assignableTo(Class<? extends EventData> dataType) {
        return Arrays.stream(values()).filter(t -> dataType.isAssignableFrom(t.dataType))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(EventCatalog.class)));
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
