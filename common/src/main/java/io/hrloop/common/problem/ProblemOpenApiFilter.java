package io.hrloop.common.problem;

import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * The one OpenAPI filter of every service ({@code mp.openapi.filter} in hrloop-common's shared defaults).
 * Completes every operation with the problems any call can meet (401 without a valid token on a secured
 * operation, 503 while the database is away, 500 without internals), makes the responses the framework
 * adds on its own problem+json, documents 428 on every replace (PUT) and patch (PATCH), which need If-Match
 * ({@code ETags.require}), and explains the conditional and idempotency headers.
 */
public class ProblemOpenApiFilter implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.getOperations().entrySet()) {
                complete(entry.getValue());
                if (entry.getKey() != PathItem.HttpMethod.GET && entry.getKey() != PathItem.HttpMethod.HEAD
                        && entry.getKey() != PathItem.HttpMethod.OPTIONS) {
                    add(entry.getValue().getResponses(), "429", "Too many writes by this person for now (see Retry-After)",
                            "too-many-requests", "Too many requests", "too many writes in a short time; retry after the "
                                    + "time in Retry-After");
                }
                if (entry.getKey() == PathItem.HttpMethod.PUT || entry.getKey() == PathItem.HttpMethod.PATCH) {
                    add(entry.getValue().getResponses(), "428", "If-Match is missing: replacing or patching an existing "
                            + "resource needs the ETag read before", "precondition-required", "Precondition required",
                            "send If-Match with the ETag you read; a replace or patch without it could overwrite someone "
                                    + "else's change");
                }
            }
        }
    }

    private void complete(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
            add(responses, "401", "No valid bearer token", "unauthorized", "Unauthorized", "a valid bearer token is required");
        }
        // Responses the framework adds on its own (401/403 for secured, 400 for validated operations)
        // come without a body: they are problems like every other error.
        responses.getAPIResponses().forEach((code, response) -> {
            if ((code.startsWith("4") || code.startsWith("5")) && response.getContent() == null) {
                response.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF))));
                if ("403".equals(code) && response.getDescription() == null) {
                    response.setDescription("The caller's roles do not allow this operation");
                }
            }
        });
        add(responses, "503", "The database is unreachable right now; nothing was changed (see Retry-After)",
                "service-unavailable", "Service unavailable", "the service cannot reach its database right now; "
                        + "nothing was changed, please retry shortly");
        add(responses, "500", "Unexpected failure (no internals are returned)", "server-error", "Server error",
                "the service could not complete the request");
        if (operation.getParameters() != null) {
            for (Parameter parameter : operation.getParameters()) {
                if ("If-Match".equals(parameter.getName()) && parameter.getDescription() == null) {
                    parameter.setDescription("The ETag read before (e.g. \"3\"); a stale one is 412 and changes nothing. "
                            + "Required to replace (PUT) or patch (PATCH) an existing resource: without it the answer is 428");
                } else if ("Idempotency-Key".equals(parameter.getName()) && parameter.getDescription() == null) {
                    parameter.setDescription("Any unique string; a retry with the same key and body returns the first "
                            + "result instead of creating again");
                }
            }
        }
    }

    private static void add(APIResponses responses, String code, String description, String slug, String title,
            String detail) {
        if (responses.hasAPIResponse(code) && responses.getAPIResponse(code).getContent() != null) {
            return;
        }
        Example example = OASFactory.createExample().value(Map.of("type", Problem.TYPE_BASE + slug,
                "title", title, "status", Integer.parseInt(code), "detail", detail));
        MediaType media = OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF))
                .addExample(slug, example);
        Content content = OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, media);
        responses.addAPIResponse(code, OASFactory.createAPIResponse().description(description).content(content));
    }

}
