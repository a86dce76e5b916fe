package io.hrloop.feedback.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.hrloop.common.contract.Theme;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One piece of feedback: a survey answer or unsolicited. Anonymous feedback has no author and no
 * creation time, only the day it was received (a database constraint holds this), and is out of sight
 * (not {@code released}) until its release batch.
 */
@Entity
@Table(name = "feedback")
public class Feedback extends PanacheEntityBase {

    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    public FeedbackSource source;
    @Enumerated(EnumType.STRING)
    @Column(name = "subject_type")
    public SubjectType subjectType;
    @Column(name = "subject_key")
    public String subjectKey;
    @Column(name = "request_id")
    public UUID requestId;
    public String reference;
    @Column(name = "request_type")
    public String requestType;
    public String team;
    public boolean confidential;
    public Integer csat;
    public Integer ces;
    public Integer nps;
    public String comment;
    @Column(name = "chosen_themes")
    public String chosenThemes;
    @Column(name = "detected_themes")
    public String detectedThemes;
    /** Null when there is no comment to read. */
    public Double sentiment;
    public boolean frustrated;
    public boolean anonymous;
    public String author;
    @Column(name = "received_on")
    public LocalDate receivedOn;
    /** Null for anonymous feedback. */
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "comment_erased")
    public boolean commentErased;
    /** False for anonymous feedback until its release batch: in no list, count or rollup before then. */
    public boolean released;

    /** The themes chosen by the person and those read from the comment. */
    public Set<Theme> themes() {
        Set<Theme> all = EnumSet.noneOf(Theme.class);
        all.addAll(parse(chosenThemes));
        all.addAll(parse(detectedThemes));
        return all;
    }

    public static String join(Collection<Theme> themes) {
        return themes.stream().sorted().map(Theme::key).collect(Collectors.joining(","));
    }

    public static Set<Theme> parse(String themes) {
        Set<Theme> parsed = EnumSet.noneOf(Theme.class);
        if (themes != null && !themes.isBlank()) {
            Arrays.stream(themes.split(",")).map(Theme::of).forEach(parsed::add);
        }
        return parsed;
    }
}
