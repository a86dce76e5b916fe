package io.hrloop.feedback.domain;

import java.util.Arrays;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Where and whether feedback-service may mail a person (see V11 for what is kept and why). */
@Entity
@Table(name = "person_contact")
public class PersonContact extends PanacheEntityBase {

    @Id
    @Column(name = "person_id")
    public String personId;
    public String email;
    public String locale;
    public String team;
    /** HR roles, sorted and comma-separated. */
    public String roles = "";
    @Enumerated(EnumType.STRING)
    public MailPreference mail = MailPreference.ALL;
    @Version
    public long version;

    public boolean has(String role) {
        return roles != null && Arrays.asList(roles.split(",")).contains(role);
    }
}
