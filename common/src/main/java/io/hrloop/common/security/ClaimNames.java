package io.hrloop.common.security;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The claims the identity provider puts a person's HR team, e-mail address and language in
 * ({@code hrloop.security.team-claim}, {@code email-claim}, {@code locale-claim}: a name or a slash-separated path
 * into nested claims). Read once: {@link Caller} is created for every request, and resolving its configuration each
 * time cost request-service about 3 % of its CPU under intake (JFR).
 */
@ApplicationScoped
public class ClaimNames {

    private final String team;
    private final String email;
    private final String locale;

    public ClaimNames(@ConfigProperty(name = "hrloop.security.team-claim", defaultValue = "team") String team,
            @ConfigProperty(name = "hrloop.security.email-claim", defaultValue = "email") String email,
            @ConfigProperty(name = "hrloop.security.locale-claim", defaultValue = "locale") String locale) {
        this.team = team;
        this.email = email;
        this.locale = locale;
    }

    public String team() {
        return team;
    }

    public String email() {
        return email;
    }

    public String locale() {
        return locale;
    }
}
