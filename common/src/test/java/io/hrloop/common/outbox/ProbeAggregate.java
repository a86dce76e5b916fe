package io.hrloop.common.outbox;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An aggregate whose every change emits an event, as a service's would. */
@Entity
@Table(name = "probe_aggregate")
public class ProbeAggregate extends PanacheEntityBase {
    @Id
    public String id;
    public int counter;
    @Version
    public long version;
}
