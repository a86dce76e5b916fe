package io.hrloop.improvement.domain;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A process of the managed list (REVIEWED), or a name met in feedback or an item that awaits review (UNREVIEWED). */
@Entity
@Table(name = "process")
public class ProcessEntry extends PanacheEntityBase {

    public enum Status {
        REVIEWED, UNREVIEWED
    }

    @Id
    public String key;
    public String name;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Version
    public long version;
}
