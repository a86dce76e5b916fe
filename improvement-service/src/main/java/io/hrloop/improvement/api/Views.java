package io.hrloop.improvement.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.hrloop.improvement.domain.Evidence;
import io.hrloop.improvement.domain.EvidenceKind;
import io.hrloop.improvement.domain.ImprovementItem;
import io.hrloop.improvement.domain.ItemComment;
import io.hrloop.improvement.domain.ItemStatus;
import io.hrloop.improvement.domain.LessonKind;
import io.hrloop.improvement.domain.Origin;
import io.hrloop.improvement.service.Access;
import io.hrloop.improvement.service.KnowledgeService;

/** The response records of the API: entities never leave it. */
public final class Views {

    private Views() {
    }

    @Schema(name = "ImprovementItem", description = "Callers outside HR read only the text HR wrote for everyone: "
            + "title, publicSummary, implementationSummary (problem, reason and createdBy are null for them). "
            + "Confidential items exist for er-specialists only.")
    public record ItemView(UUID id, @Schema(examples = "Answers take too long (payroll-query)") String title,
            @Schema(description = "HR only: may rest on what people wrote") String problem,
            @Schema(description = "What HR tells everyone about the item") String publicSummary,
            @Schema(description = "Rests on employee-relations evidence: er-specialists only") boolean confidential,
            @Schema(examples = "payroll-query") String area,
            @Schema(examples = "[\"speed\"]") List<String> themes, ItemStatus status, Origin origin, String owner,
            @Schema(description = "Estimated effort in person-days") BigDecimal effort, LocalDate targetDate,
            @Schema(description = "Impact from the evidence: see the service README for the formula") double impactScore,
            @Schema(description = "impactScore ÷ effort; null while no effort is estimated") Double priority,
            int distinctPeople, int evidenceCount,
            @Schema(description = "HR only: why it was rejected (or the note of the last status change)") String reason,
            UUID mergedInto, OffsetDateTime implementedAt, String implementationSummary, OffsetDateTime verifiedAt,
            @Schema(description = "HR only") String createdBy, OffsetDateTime createdAt, OffsetDateTime updatedAt,
            @Schema(description = "When the item was last rejected") OffsetDateTime rejectedAt,
            @Schema(description = "Raised again N times: pieces of evidence that joined the item since its last "
                    + "rejection (a rejected item keeps taking its gap's evidence for rejected-memory)") int raisedAgain,
            long version) {

        static ItemView from(ImprovementItem i, Access access) {
            boolean hr = access.hrText();
            return new ItemView(i.id, i.title, hr ? i.problem : null, i.publicSummary, i.confidential, i.area,
                    i.themes(), i.status, i.origin, i.owner, i.effort, i.targetDate, i.impactScore, i.priority,
                    i.distinctPeople, i.evidenceCount, hr ? i.statusReason : null, i.mergedInto, i.implementedAt,
                    i.implementationSummary, i.verifiedAt, hr ? i.createdBy : null, i.createdAt, i.updatedAt,
                    i.rejectedAt, i.raisedAgain, i.version);
        }
    }

    @Schema(name = "Evidence", description = "Anonymous feedback never shows a person, a request or a precise time; "
            + "signed contributors, request references and comment excerpts are shown to HR roles only (a comment "
            + "can name its author or a colleague), and those of confidential evidence to er-specialists only.")
    public record EvidenceView(EvidenceKind kind,
            @Schema(description = "The feedback id, or <requestId>:<target> of a breach") String sourceId,
            String personId, boolean anonymous, Integer csat, Integer ces, Integer nps, Double sentiment,
            boolean frustrated, List<String> themes, String excerpt, String reference, String breachTarget,
            LocalDate occurredOn, OffsetDateTime linkedAt, UUID mergedFrom) {

        static EvidenceView from(Evidence e, Access access) {
            boolean seesPeople = access.hrText() && (!e.confidential || access.confidential());
            boolean signed = !e.anonymous;
            return new EvidenceView(e.kind, e.sourceId, seesPeople && signed ? e.personId : null, e.anonymous,
                    e.csat, e.ces, e.nps, e.sentiment, e.frustrated, e.themes(), seesPeople ? e.excerpt : null,
                    seesPeople && signed ? e.reference : null, e.breachTarget, e.occurredOn,
                    signed ? e.linkedAt : null, e.mergedFrom);
        }
    }

    @Schema(name = "KnowledgeEntry")
    public record KnowledgeView(UUID id, LessonKind kind, String title, String body, UUID improvementId,
            String improvementTitle, String area, ItemStatus improvementStatus, String author,
            OffsetDateTime createdAt) {

        static KnowledgeView from(KnowledgeService.Entry e, boolean hrView) {
            return new KnowledgeView(e.lesson().id, e.lesson().kind, e.lesson().title, e.lesson().body, e.item().id,
                    e.item().title, e.item().area, e.item().status, hrView ? e.lesson().author : null,
                    e.lesson().createdAt);
        }

        static io.hrloop.common.api.Page<KnowledgeView> page(io.hrloop.common.api.Page<KnowledgeService.Entry> page,
                boolean hrView) {
            return new io.hrloop.common.api.Page<>(page.items().stream().map(e -> from(e, hrView)).toList(),
                    page.next());
        }
    }

    @Schema(name = "StatusChange", description = "One move of an item: who, when, why; override = VERIFIED by a "
            + "lead against the verdict of verification (which verdict says)")
    public record HistoryView(OffsetDateTime at, String actor, ItemStatus from, ItemStatus to, String reason,
            boolean override, String verdict) {
        static HistoryView from(io.hrloop.improvement.domain.ItemHistory h) {
            return new HistoryView(h.at, h.actor, h.fromStatus, h.toStatus, h.reason, h.override, h.verdict);
        }
    }

    @Schema(name = "Comment")
    public record CommentView(UUID id, String author, String body, OffsetDateTime createdAt) {
        static CommentView from(ItemComment c) {
            return new CommentView(c.id, c.author, c.body, c.createdAt);
        }
    }
}
