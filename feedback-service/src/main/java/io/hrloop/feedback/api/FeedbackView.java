package io.hrloop.feedback.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.hrloop.common.contract.Theme;
import io.hrloop.feedback.domain.Feedback;
import io.hrloop.feedback.domain.FeedbackSource;
import io.hrloop.feedback.domain.SentimentClass;
import io.hrloop.feedback.domain.SubjectType;
import io.hrloop.feedback.domain.TextAnalyser;

@Schema(name = "Feedback", description = "A survey answer or unsolicited feedback, with its text analysis")
public record FeedbackView(UUID id, FeedbackSource source, SubjectType subjectType, String subjectKey, UUID requestId,
        String reference, String requestType, String team, Integer csat, Integer ces, Integer nps, String comment,
        @Schema(description = "Chosen by the person and read from the comment") Set<Theme> themes,
        Set<Theme> chosenThemes,
        @Schema(description = "-1 (very negative) to 1 (very positive); null without a comment") Double sentiment,
        SentimentClass sentimentClass, boolean frustrated, boolean anonymous,
        @Schema(description = "The author; null when anonymous") String personId,
        @Schema(description = "The only time kept for anonymous feedback") LocalDate receivedOn,
        @Schema(description = "Null for anonymous feedback") OffsetDateTime createdAt) {

    static FeedbackView from(Feedback f) {
        return new FeedbackView(f.id, f.source, f.subjectType, f.subjectKey, f.requestId, f.reference, f.requestType, f.team,
                f.csat, f.ces, f.nps, f.comment, f.themes(), Feedback.parse(f.chosenThemes), f.sentiment,
                f.sentiment == null ? null : TextAnalyser.classify(f.sentiment), f.frustrated, f.anonymous,
                f.anonymous ? null : f.author, f.receivedOn, f.createdAt);
    }
}
