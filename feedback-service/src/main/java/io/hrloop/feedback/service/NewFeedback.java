package io.hrloop.feedback.service;

import java.util.Set;
import java.util.UUID;

import io.hrloop.common.contract.Theme;
import io.hrloop.feedback.domain.FeedbackSource;
import io.hrloop.feedback.domain.SubjectType;

/** What a survey answer or an unsolicited submission contributes, before analysis. */
public record NewFeedback(FeedbackSource source, SubjectType subjectType, String subjectKey, UUID requestId,
        String reference, String requestType, String team, boolean confidential, Integer csat, Integer ces, Integer nps,
        String comment, Set<Theme> chosenThemes, boolean anonymous, String author) {
}
