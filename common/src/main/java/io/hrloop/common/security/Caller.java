package io.hrloop.common.security;

import java.time.Instant;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling: person id from {@code sub}, roles from the groups claim, HR team, e-mail address and language
 * from the claims configured for the identity provider ({@link ClaimNames}).
 */
@RequestScoped
public class Caller {

    private final JsonWebToken jwt;
    private final ClaimNames claims;

    public Caller(JsonWebToken jwt, ClaimNames claims) {
        this.jwt = jwt;
        this.claims = claims;
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
        return claim(claims.team());
    }

    /** The person's address, when the identity provider gives one. */
    public String email() {
        return claim(claims.email());
    }

    /** The address when it looks like one a mail server takes (at most 320 characters, one {@code @}); else null. */
    public String mailAddress() {
        return MailAddresses.usable(email());
    }

    /** The person's preferred language (a BCP 47 tag such as {@code de} or {@code de-CH}), when the token says. */
    public String locale() {
        String locale = claim(claims.locale());
        return locale == null || locale.isBlank() || locale.length() > 35 ? null : locale;
    }

    /** When the token was issued ({@code iat}), or null when it does not say. */
    public Instant issuedAt() {
        Object iat = jwt.getClaim("iat");
        if (iat instanceof Number number) {
            return Instant.ofEpochSecond(number.longValue());
        }
        return iat instanceof JsonNumber number ? Instant.ofEpochSecond(number.longValue()) : null;
    }

    /** HR staff see beyond their own requests and feedback. */
    public boolean isHr() {
        return hasAny(Roles.HR_AGENT, Roles.HR_LEAD, Roles.HR_ADMIN, Roles.ER_SPECIALIST);
    }

    private String claim(String path) {
        String[] parts = path.split("/");
        Object value = jwt.getClaim(parts[0]);
        for (int i = 1; i < parts.length && value != null; i++) {
            value = value instanceof JsonObject object ? object.get(parts[i]) : null;
        }
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonString string) {
            return string.getString();
        }
        String text = value.toString();
        return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"") ? text.substring(1, text.length() - 1) : text;
    }
}
