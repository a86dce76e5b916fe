package io.hrloop.request.domain;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.hrloop.common.security.Roles;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A person of the staff register: their HR roles and team as last seen in their token or entered by
 * hr-admin, and whether they may be given requests at all. {@link #whyNotOwnerOf} is the ownership rule.
 */
@Entity
@Table(name = "staff_member")
public class StaffMember extends PanacheEntityBase {

    /** The roles the register keeps; any other role of a token is not its business. */
    public static final Set<String> HR_ROLES = Set.of(Roles.HR_AGENT, Roles.HR_LEAD, Roles.HR_ADMIN,
            Roles.ER_SPECIALIST);

    public enum Source {
        TOKEN, ADMIN
    }

    @Id
    @Column(name = "person_id")
    public String personId;
    public String team;
    /** Sorted, comma-separated HR roles. */
    public String roles;
    public boolean active;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Source source;
    /** The address and language from the member's token (service-level alerts go there). */
    public String email;
    public String locale;
    @Column(name = "last_seen_at")
    public OffsetDateTime lastSeenAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Column(name = "updated_by")
    public String updatedBy;
    @Version
    public long version;

    /** The HR roles among {@code roles}, sorted and joined as stored. */
    public static String hrRoles(Collection<String> roles) {
        TreeSet<String> kept = new TreeSet<>(roles);
        kept.retainAll(HR_ROLES);
        return String.join(",", kept);
    }

    public List<String> roleList() {
        return roles == null || roles.isEmpty() ? List.of() : Arrays.asList(roles.split(","));
    }

    public boolean has(String role) {
        return roleList().contains(role);
    }

    /**
     * Why this person may not own a request of {@code team}; null when they may. An ordinary request is owned
     * by an active hr-agent or hr-lead of its team, a confidential one by an active er-specialist.
     */
    public String whyNotOwnerOf(String requestTeam, boolean confidential) {
        if (!active) {
            return personId + " is deactivated in the staff register";
        }
        if (confidential) {
            return has(Roles.ER_SPECIALIST) ? null
                    : personId + " is not an er-specialist; confidential cases are owned by er-specialists";
        }
        if (!has(Roles.HR_AGENT) && !has(Roles.HR_LEAD)) {
            return personId + " is not an hr-agent or hr-lead";
        }
        if (!requestTeam.equals(team)) {
            return personId + " works in " + (team == null ? "no team" : "team " + team) + ", not in the request's team "
                    + requestTeam;
        }
        return null;
    }
}
