package io.hrloop.improvement.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One normalised form ({@link ProcessNames#normalise}) that leads to a process: its key, its name or an alias. */
@Entity
@Table(name = "process_alias")
public class ProcessAlias extends PanacheEntityBase {

    @Id
    public String normalised;
    @Column(name = "process_key")
    public String processKey;
    /** As HR wrote it. */
    public String alias;
    /** Written by HR as an alias (shown in the list); false for the forms of the key and the name themselves. */
    public boolean listed;

    public static ProcessAlias of(String normalised, String processKey, String alias, boolean listed) {
        ProcessAlias a = new ProcessAlias();
        a.normalised = normalised;
        a.processKey = processKey;
        a.alias = alias;
        a.listed = listed;
        return a;
    }
}
