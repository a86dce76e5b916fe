package io.hrloop.common.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A use case refused: the service layer says what kind of refusal it is and why, and knows nothing of
 * HTTP; the API layer maps the kind to a status (see {@code ProblemMappers}). The detail is shown to the
 * client, so it never carries internals.
 */
public class DomainException extends RuntimeException {

    /** What went wrong, from the caller's point of view. */
    public enum Kind {
        /** The thing does not exist or the caller may not know it exists. */
        NOT_FOUND,
        /** The input is malformed or out of range. */
        INVALID,
        /** The input is well formed but names something unusable (an unknown type, an unfit owner). */
        UNPROCESSABLE,
        /** The caller may see the thing but not do this to it. */
        NOT_PERMITTED,
        /** The current state of the thing does not allow this. */
        CONFLICT,
        /** The caller acted on a version that is no longer current. */
        STALE,
        /** The change must name the version it was made on (a replace or patch without If-Match). */
        VERSION_REQUIRED
    }

    private final Kind kind;
    private final String code;
    private final Map<String, Object> details = new LinkedHashMap<>();

    public DomainException(Kind kind, String code, String detail) {
        super(detail);
        this.kind = kind;
        this.code = code;
    }

    /** Adds a member a client can act on (shown in the problem document). */
    public DomainException with(String member, Object value) {
        details.put(member, value);
        return this;
    }

    public Kind kind() {
        return kind;
    }

    /** A stable, kebab-case name of the refusal (the last segment of the problem type). */
    public String code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }

    public static DomainException notFound(String what) {
        return new DomainException(Kind.NOT_FOUND, "not-found", what + " does not exist or is not visible to you");
    }

    public static DomainException invalid(String code, String detail) {
        return new DomainException(Kind.INVALID, code, detail);
    }

    public static DomainException unprocessable(String code, String detail) {
        return new DomainException(Kind.UNPROCESSABLE, code, detail);
    }

    public static DomainException notPermitted(String detail) {
        return new DomainException(Kind.NOT_PERMITTED, "forbidden", detail);
    }

    public static DomainException conflict(String code, String detail) {
        return new DomainException(Kind.CONFLICT, code, detail);
    }

    public static DomainException versionRequired(String detail) {
        return new DomainException(Kind.VERSION_REQUIRED, "precondition-required", detail);
    }

    public static DomainException stale(String detail) {
        return new DomainException(Kind.STALE, "stale-version", detail);
    }
}
