package io.hrloop.common.security;

import java.util.Set;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling: person id from {@code sub}, roles from {@code groups}, HR team from {@code team}. */
@RequestScoped
public class Caller {

    private final JsonWebToken jwt;

    public Caller(JsonWebToken jwt) {
        this.jwt = jwt;
    }

    public String personId() {
        return jwt.getSubject();
    }

    public Set<String> roles() {
        Set<String> groups = jwt.getGroups();
        return groups == null ? Set.of() : groups;
    }

    public boolean has(String role) {
        return roles().contains(role);
    }

    public boolean hasAny(String... roles) {
        for (String role : roles) {
            if (has(role)) {
                return true;
            }
        }
        return false;
    }

    public String team() {
        Object team = jwt.getClaim("team");
        return team == null ? null : team.toString().replace("\"", "");
    }

    /** HR staff see beyond their own requests and feedback. */
    public boolean isHr() {
        return hasAny(Roles.HR_AGENT, Roles.HR_LEAD, Roles.HR_ADMIN, Roles.ER_SPECIALIST);
    }
}
