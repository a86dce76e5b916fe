package io.hrloop.request.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A person saw self-service suggestions (lessons, best practices) before submitting a request of a type. The
 * submission that follows may name it; the deflection report counts the views no submission followed.
 */
@Entity
@Table(name = "suggestion_view")
public class SuggestionView extends PanacheEntityBase {

    @Id
    public UUID id;
    /** Who saw them; null once the person is erased (the view is then counted, but nobody's). */
    public String viewer;
    @Column(name = "type_key")
    public String typeKey;
    /** JSON: the ids of the suggestions shown, as improvement-service gave them. */
    @Column(name = "suggestion_ids")
    public String suggestionIds;
    @Column(name = "viewed_at")
    public OffsetDateTime viewedAt;
    /** The first request submitted naming this view, and when. */
    @Column(name = "request_id")
    public UUID requestId;
    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;
}
