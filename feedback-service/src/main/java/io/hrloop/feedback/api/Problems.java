package io.hrloop.feedback.api;

/** OpenAPI shorthand: the problem+json media type. */
final class Problems {
    static final String JSON = io.hrloop.common.problem.Problem.MEDIA_TYPE;

    private Problems() {
    }
}
