package io.hrloop.improvement.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One status change of an item: who, when, why, and whether a lead overrode the verdict of verification. */
@Entity
@Table(name = "improvement_item_history")
public class ItemHistory extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "item_id")
    public UUID itemId;
    public OffsetDateTime at;
    public String actor;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public ItemStatus fromStatus;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    public ItemStatus toStatus;
    public String reason;
    public boolean override;
    public String verdict;

    public static ItemHistory of(UUID itemId, OffsetDateTime at, String actor, ItemStatus from, ItemStatus to,
            String reason, boolean override, String verdict) {
        ItemHistory h = new ItemHistory();
        h.id = UUID.randomUUID();
        h.itemId = itemId;
        h.at = at;
        h.actor = actor;
        h.fromStatus = from;
        h.toStatus = to;
        h.reason = reason;
        h.override = override;
        h.verdict = verdict;
        return h;
    }
}
