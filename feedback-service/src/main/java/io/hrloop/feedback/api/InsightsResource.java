package io.hrloop.feedback.api;

import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import io.hrloop.common.domain.DomainException;
import io.hrloop.common.problem.Problem;
import io.hrloop.common.security.Caller;
import io.hrloop.common.security.Roles;
import io.hrloop.common.time.Times;
import io.hrloop.feedback.domain.InsightMetrics;
import io.hrloop.feedback.domain.Rollups.Grain;
import io.hrloop.feedback.service.InsightsService.GroupBy;
import io.hrloop.feedback.service.InsightsService;

@Path("/api/v1/insights")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Insights", description = "CSAT, NPS, effort, response rate, themes and sentiment by type, team and period")
public class InsightsResource {

    private final InsightsService insights;
    private final Times times;
    private final Caller caller;

    public InsightsResource(InsightsService insights, Times times, Caller caller) {
        this.times = times;
        this.insights = insights;
        this.caller = caller;
    }

    @Schema(name = "InsightPoint")
    public record PointView(LocalDate periodStart, @JsonUnwrapped InsightMetrics metrics) {
    }

    @Schema(name = "InsightGroup", description = "A group's figures over its publishable cells; suppressed (all figures null) when it has none")
    public record GroupView(String key, @JsonUnwrapped InsightMetrics metrics, List<PointView> trend) {
        static GroupView from(InsightsService.Group g) {
            return new GroupView(g.key(), g.metrics(), g.trend().stream().map(p -> new PointView(p.periodStart(), p.metrics())).toList());
        }
    }

    @Schema(name = "Insights")
    public record ReportView(
            @Schema(description = "The Monday the report starts on: the requested from, snapped back to its ISO week") LocalDate from,
            @Schema(description = "The Sunday the report ends on: the requested to, snapped forward to its ISO week") LocalDate to,
            LocalDate requestedFrom, LocalDate requestedTo, GroupBy groupBy, Grain trendGrain,
            @Schema(description = "Responses a cell (team, request type, ISO week) needs to be published") int minResponses,
            GroupView overall, List<GroupView> groups) {
    }

    @GET
    @RolesAllowed({ Roles.HR_AGENT, Roles.HR_LEAD, Roles.HR_ADMIN, Roles.ER_SPECIALIST, Roles.SERVICE })
    @Operation(operationId = "getInsights", summary = "Insights from feedback", description = """
            Figures per request type, team, ISO week or month, each group with a trend series, over whole ISO weeks: \
            from snaps back to its Monday and to forward to its Sunday (UTC; the answer echoes both). Small-number \
            protection: the unit of publication is a cell of one team and request type in one ISO week; a cell with \
            fewer than the minimum responses (5 by default) is left out of every figure (its group, the overall \
            total, the trends), and each measure of a cell enters only when it rests on the minimum answers itself, \
            so every figure is a sum of publishable cells and no suppressed cell can be recovered by subtracting \
            figures. How many responses were withheld is not shown. A month holds the ISO weeks whose Thursday \
            falls in it. Confidential request types never appear by type, and count in their team and overall only \
            for employee-relations specialists. Anonymous feedback counts from its release batch on.""")
    @APIResponse(responseCode = "200", description = "The report")
    @APIResponse(responseCode = "400", description = "Invalid range or grouping", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an HR role", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ReportView report(
            @Parameter(description = "First day, default 89 days before to", example = "2026-01-01") @QueryParam("from") String from,
            @Parameter(description = "Last day, default today", example = "2026-03-31") @QueryParam("to") String to,
            @Parameter(description = "type, team, week or month (default month)") @QueryParam("groupBy") String groupBy,
            @Parameter(description = "Grain of each group's trend for type/team: week or month (default week up to 26 weeks)")
            @QueryParam("trend") String trend) {
        // A blank parameter reads as absent (it was a 500: a null day or grouping went on).
        LocalDate requestedTo = Params.day("to", to);
        LocalDate last = requestedTo == null ? times.today() : requestedTo;
        LocalDate requestedFrom = Params.day("from", from);
        LocalDate first = requestedFrom == null ? last.minusDays(89) : requestedFrom;
        GroupBy chosen = Params.oneOf(GroupBy.class, "groupBy", groupBy);
        GroupBy grouping = chosen == null ? GroupBy.MONTH : chosen;
        Grain trendGrain = trend == null ? null : Params.oneOf(Grain.class, "trend", trend);
        if (trendGrain == Grain.DAY) {
            throw DomainException.invalid("invalid-parameter", "trend must be week or month");
        }
        InsightsService.Report report = insights.report(first, last, grouping, trendGrain, caller.has(Roles.ER_SPECIALIST));
        return new ReportView(report.from(), report.to(), report.requestedFrom(), report.requestedTo(), report.groupBy(),
                report.trendGrain(), report.minResponses(), GroupView.from(report.overall()),
                report.groups().stream().map(GroupView::from).toList());
    }
}
