package io.hrloop.deploy;

import static io.hrloop.deploy.Edit.at;
import static io.hrloop.deploy.WorkloadPolicyTest.assertViolation;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ArrayNode;

import io.hrloop.deploy.Repo.ServiceModule;

/** One host routes /api/v1/... to the service that serves each path, over HTTPS with a cert-manager certificate. */
class TrafficPolicyTest {

    @Test
    void thePathsOfEachServiceAreReadFromItsOpenApiDocument() {
        ServiceModule request = Repo.services().stream().filter(s -> s.name().equals("request-service")).findFirst().orElseThrow();
        ServiceModule improvement = Repo.services().stream().filter(s -> s.name().equals("improvement-service")).findFirst().orElseThrow();

        // common's dead-letter API is in every service's document
        assertEquals(List.of("calendars", "dead-letters", "people", "request-types", "requests", "self-service",
                "service-levels", "staff"), TrafficPolicies.segments(request).stream().toList());
        assertEquals(List.of("improvements", "knowledge", "processes"),
                TrafficPolicies.segments(improvement).stream().filter(s -> !s.equals("dead-letters")).toList());
        ServiceModule feedback = Repo.services().stream().filter(s -> s.name().equals("feedback-service")).findFirst().orElseThrow();
        assertEquals(List.of("/answer"), TrafficPolicies.pages(feedback).stream().toList());
        assertEquals(List.of(), TrafficPolicies.pages(request).stream().toList());
    }

    @Test
    void aPathThatNoRuleRoutesIsReported() {
        assertViolation("request-service serves /api/v1/calendars but no HTTPRoute routes /api/v1/calendars to it",
                Edit.base().change("HTTPRoute", "hrloop-api", r -> ((ArrayNode) at(r, "spec.rules[0]").get("matches")).remove(2)));
    }

    @Test
    void theAnswerPageOfTheSurveyMailIsRoutedToFeedbackService() {
        assertViolation("feedback-service serves the page /answer but no HTTPRoute routes /answer to it",
                Edit.base().change("HTTPRoute", "hrloop-api", r -> ((ArrayNode) at(r, "spec.rules[1]").get("matches"))
                        .remove(7)));
        assertViolation("routes /answer to improvement-service, which does not serve it there",
                Edit.base().change("HTTPRoute", "hrloop-api", r -> at(r, "spec.rules[1].backendRefs[0]")
                        .put("name", "improvement-service")));
    }

    @Test
    void aPathRoutedToTheWrongServiceIsReported() {
        Edit edit = Edit.base().change("HTTPRoute", "hrloop-api", r -> at(r, "spec.rules[2].backendRefs[0]").put("name", "feedback-service"));
        assertViolation("HTTPRoute hrloop-api routes /api/v1/improvements to feedback-service, which does not serve it there", edit);
        assertViolation("improvement-service serves /api/v1/knowledge but no HTTPRoute routes /api/v1/knowledge to it", edit);
    }

    @Test
    void theDeadLetterApiIsRoutedPerServiceAndRewritten() {
        assertViolation("routes /api/v1/dead-letters to feedback-service, which does not serve it there",
                Edit.base().change("HTTPRoute", "hrloop-api", r -> at(r, "spec.rules[4].matches[0].path")
                        .put("value", "/api/v1/dead-letters")));
    }

    @Test
    void aBackendThatIsNoServiceOrAPlainHttpListenerIsRefused() {
        assertViolation("sends traffic to feedback-service:8080, which is no Service port forwarding to a Deployment's http port",
                Edit.base().change("HTTPRoute", "hrloop-api", r -> at(r, "spec.rules[1].backendRefs[0]").put("port", 8080)));
        assertViolation("HTTPRoute hrloop-api is served by Gateway hrloop listener https over HTTP, not HTTPS",
                Edit.base().change("Gateway", "hrloop", g -> at(g, "spec.listeners[0]").put("protocol", "HTTP").put("port", 80)));
    }

    @Test
    void theCertificateMustCoverTheHostAndComeFromCertManager() {
        assertViolation("Certificate hrloop-api covers [hr.example.org] but Gateway hrloop listener https serves hr.example.com",
                Edit.base().change("Certificate", "hrloop-api", c -> at(c, "spec").putArray("dnsNames").add("hr.example.org")));
        assertViolation("Gateway hrloop listener https presents Secret api-tls, which no cert-manager Certificate issues",
                Edit.base().change("Gateway", "hrloop", g -> at(g, "spec.listeners[0].tls.certificateRefs[0]").put("name", "api-tls")));
        assertViolation("HTTPRoute hrloop-api serves api.example.com but Gateway hrloop listener https only hr.example.com",
                Edit.base().change("HTTPRoute", "hrloop-api", r -> at(r, "spec").putArray("hostnames").add("api.example.com")));
    }
}
