package io.hrloop.feedback.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.hrloop.common.domain.DomainException;
import io.hrloop.common.limits.ClientLimited;
import io.hrloop.feedback.domain.SurveyInvitation;
import io.hrloop.feedback.service.SurveyAnswers;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;

/**
 * The answer page the survey mail links to: {@code GET /answer/{token}} shows a plain HTML form (no JavaScript, fit
 * for a phone), {@code POST /answer/{token}} stores the answer through the same service code as
 * {@code POST /api/v1/surveys/{token}/response} (the same validation, abuse limit and single use) and thanks the
 * person. An unknown, withdrawn or expired link is a friendly 404 page, an answered one a 409 page. The token is the
 * credential: no login, no cookie, and the page is neither cached nor named to other sites.
 */
@Path("/answer/{token}")
@PermitAll
public class AnswerPage {

    private static final int MAX_FIELD = 4000;
    private static final List<String> FIELDS = List.of("csat", "ces", "nps", "comment");

    private final SurveyAnswers surveys;
    private final Validator validator;
    private final Template form;
    private final Template message;

    public AnswerPage(SurveyAnswers surveys, Validator validator, @Location("answer/form.html") Template form,
            @Location("answer/message.html") Template message) {
        this.surveys = surveys;
        this.validator = validator;
        this.form = form;
        this.message = message;
    }

    @GET
    @ClientLimited
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response show(@PathParam("token") String token) {
        try {
            return page(200, form(surveys.open(token), Map.of(), Map.of()));
        } catch (DomainException e) {
            return unavailable(e);
        }
    }

    @POST
    @ClientLimited
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response answer(@PathParam("token") String token, @FormParam("csat") String csat, @FormParam("ces") String ces,
            @FormParam("nps") String nps, @FormParam("comment") String comment) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("csat", clip(csat));
        values.put("ces", clip(ces));
        values.put("nps", clip(nps));
        values.put("comment", clip(comment));
        Map<String, String> errors = new LinkedHashMap<>();
        Integer csatValue = number("csat", csat, errors);
        Integer cesValue = number("ces", ces, errors);
        Integer npsValue = number("nps", nps, errors);
        String text = comment == null || comment.isBlank() ? null : comment;
        SurveyResource.SurveyAnswer answer = new SurveyResource.SurveyAnswer(csatValue, cesValue, npsValue, text, null);
        for (ConstraintViolation<SurveyResource.SurveyAnswer> violation : validator.validate(answer)) {
            String field = violation.getPropertyPath().toString();
            errors.putIfAbsent(field, message(field, violation.getMessage()));
        }
        try {
            if (!errors.isEmpty()) {
                return page(400, form(surveys.open(token), values, errors));
            }
            surveys.answer(token, answer.csat(), answer.ces(), answer.nps(), answer.comment(), Set.of());
            return page(200, message.data("title", "Thank you").data("heading", "Thank you for your answer")
                    .data("text", List.of("It has reached HR. What you tell us is read by the team that handled your "
                            + "request and helps us serve you better.")).render());
        } catch (DomainException e) {
            return unavailable(e);
        }
    }

    private String form(SurveyInvitation invitation, Map<String, String> values, Map<String, String> errors) {
        // Every field is in both maps (empty when not given or fine): the template reads them by name.
        Map<String, String> shown = new LinkedHashMap<>();
        Map<String, String> problems = new LinkedHashMap<>();
        for (String field : FIELDS) {
            shown.put(field, values.getOrDefault(field, ""));
            problems.put(field, errors.getOrDefault(field, ""));
        }
        return form.data("reference", invitation.reference).data("subject", invitation.subject)
                .data("expires", invitation.expiresAt.toLocalDate().toString()).data("values", shown)
                .data("errors", problems).data("failed", !errors.isEmpty())
                .data("csatScale", scale(1, 5)).data("cesScale", scale(1, 7)).data("npsScale", scale(0, 10)).render();
    }

    private Response unavailable(DomainException e) {
        if (e.kind() == DomainException.Kind.CONFLICT) {
            return page(409, message.data("title", "Already answered").data("heading", "You have already answered")
                    .data("text", List.of("This survey has been answered, and a survey is answered once. Thank you!"))
                    .render());
        }
        return page(404, message.data("title", "Link not valid").data("heading", "This link is no longer valid")
                .data("text", List.of("The survey may have expired, been withdrawn because the request was reopened, or "
                        + "the link may be incomplete (some mail programs cut long links: copy the whole link).",
                        "You can still tell HR what you think at any time in the HR portal."))
                .render());
    }

    private static Response page(int status, String html) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html)
                .header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy",
                        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'")
                .build();
    }

    /** A form number: blank is "not answered", anything else must be a whole number. */
    private static Integer number(String field, String value, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            errors.put(field, "Choose one of the numbers.");
            return null;
        }
    }

    private static String message(String field, String violation) {
        return switch (field) {
            case "csat" -> violation.contains("null") ? "Please choose how satisfied you are (1 to 5)."
                    : "Choose a number from 1 to 5.";
            case "ces" -> "Choose a number from 1 to 7.";
            case "nps" -> "Choose a number from 0 to 10.";
            case "comment" -> "Please keep your comment to 2,000 characters.";
            default -> violation;
        };
    }

    private static List<String> scale(int from, int to) {
        return java.util.stream.IntStream.rangeClosed(from, to).mapToObj(Integer::toString).toList();
    }

    private static String clip(String value) {
        return value == null ? "" : value.length() > MAX_FIELD ? value.substring(0, MAX_FIELD) : value;
    }
}
