package io.hrloop.feedback.api;

import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import io.hrloop.common.problem.Problem;

/**
 * Every error response in the document is problem+json, including the 401 and 403 that the security
 * annotations add on their own without a body.
 */
public class ProblemResponsesFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.getOperations().entrySet()) {
                Operation operation = entry.getValue();
                if (operation.getResponses() == null) {
                    continue;
                }
                operation.getResponses().getAPIResponses().forEach((status, response) -> {
                    if ((status.startsWith("4") || status.startsWith("5")) && response.getContent() == null) {
                        response.setContent(problemContent());
                        if ("403".equals(status)) {
                            response.setDescription("The caller's roles do not allow this operation");
                        }
                    }
                });
                if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()
                        && operation.getResponses().getAPIResponse("401") == null) {
                    APIResponse unauthorized = OASFactory.createAPIResponse().description("No valid bearer token")
                            .content(problemContent());
                    operation.getResponses().addAPIResponse("401", unauthorized);
                }
            }
        }
    }

    private static org.eclipse.microprofile.openapi.models.media.Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref("#/components/schemas/Problem")));
    }
}
