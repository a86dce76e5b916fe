package io.hrloop.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.HdrHistogram.Histogram;

/**
 * Read latency at a million rows: each read is called sequentially (after a few warm-up calls) by
 * the persona who makes it in real life, and its p50/p99 recorded from sending to the last byte.
 */
final class Reads {

    /** A read to time: which service, as whom, what; {@code pages} > 1 follows the cursor that often. */
    record Read(String label, String kind, int port, String token, String uri, int pages) {
    }

    record Result(Read read, Histogram latency, int calls, int errors, int items) {
        double millis(double percentile) {
            return latency.getValueAtPercentile(percentile) / 1e6;
        }
    }

    private Reads() {
    }

    static List<Read> standard(Bench.Tokens tokens, int requestPort, int feedbackPort, int improvementPort) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String year = "from=" + today.minusDays(364) + "&to=" + today;
        String quarter = "from=" + today.minusDays(90) + "T00:00:00Z&to=" + today.plusDays(1) + "T00:00:00Z";
        List<Read> reads = new ArrayList<>();
        reads.add(new Read("my requests (employee, default list)", "list", requestPort, tokens.get("employee2"),
                "/api/v1/requests", 1));
        reads.add(new Read("team queue (hr-lead, team=payroll), 4 cursor pages", "list", requestPort,
                tokens.get("hr-lead"), "/api/v1/requests?team=payroll", 4));
        reads.add(new Read("status=IN_PROGRESS (hr-lead)", "list", requestPort, tokens.get("hr-lead"),
                "/api/v1/requests?status=IN_PROGRESS", 1));
        reads.add(new Read("sort=resolutionDue, team queue (hr-lead)", "list", requestPort, tokens.get("hr-lead"),
                "/api/v1/requests?team=payroll&sort=resolutionDue", 1));
        reads.add(new Read("owner=none, unassigned (hr-agent)", "list", requestPort, tokens.get("hr-agent"),
                "/api/v1/requests?owner=none", 1));
        reads.add(new Read("q=overtime (hr-lead)", "list", requestPort, tokens.get("hr-lead"),
                "/api/v1/requests?q=" + URLEncoder.encode("overtime", StandardCharsets.UTF_8), 1));
        reads.add(new Read("all requests (hr-admin)", "list", requestPort, tokens.get("hr-admin"), "/api/v1/requests", 1));
        for (String groupBy : List.of("type", "team", "week", "month")) {
            reads.add(new Read("insights groupBy=" + groupBy + ", one year (hr-lead)", "insights", feedbackPort,
                    tokens.get("hr-lead"), "/api/v1/insights?groupBy=" + groupBy + "&" + year, 1));
        }
        reads.add(new Read("improvement list, by priority (hr-lead)", "list", improvementPort, tokens.get("hr-lead"),
                "/api/v1/improvements", 1));
        reads.add(new Read("service-level report groupBy=type, last 30 days (default; hr-lead)", "report", requestPort,
                tokens.get("hr-lead"), "/api/v1/service-levels?groupBy=type", 1));
        reads.add(new Read("service-level report groupBy=month, 90 days (hr-lead)", "report", requestPort,
                tokens.get("hr-lead"), "/api/v1/service-levels?groupBy=month&" + quarter, 1));
        return reads;
    }

    /** {@code calls} calls after 10 warm-up calls, or fewer (at least 20) once {@code budget} has passed. */
    static Result measure(Http http, Read read, int calls, java.time.Duration budget) {
        Histogram latency = new Histogram(3);
        int errors = 0;
        int items = 0;
        long end = System.nanoTime() + budget.toNanos();
        for (int i = 0; i < calls + 10 && (i < 30 || System.nanoTime() < end); i++) {
            String uri = read.uri();
            for (int page = 0; page < read.pages() && uri != null; page++) {
                String called = uri;
                Http.Answer answer = http.get(read.port(), uri, read.token());
                uri = null;
                if (i < 10) {
                    continue; // warm-up
                }
                if (!answer.ok()) {
                    errors++;
                    continue;
                }
                com.fasterxml.jackson.databind.JsonNode json;
                try {
                    json = answer.json();
                } catch (IllegalStateException e) {
                    // counted as an error, with what came, rather than ending the run
                    errors++;
                    String body = answer.body().toString();
                    System.err.printf("• %s: GET %s answered %d with %d bytes that are not JSON; they begin: %s%n",
                            read.label(), called, answer.status(), answer.body().length(),
                            body.substring(0, Math.min(200, body.length())));
                    continue;
                }
                latency.recordValue(answer.nanos());
                if (json.has("items")) {
                    items += json.get("items").size();
                    if (json.hasNonNull("next")) {
                        String sep = read.uri().contains("?") ? "&" : "?";
                        uri = read.uri() + sep + "cursor=" + URLEncoder.encode(json.get("next").asText(), StandardCharsets.UTF_8);
                    }
                }
            }
        }
        return new Result(read, latency, (int) latency.getTotalCount() + errors, errors, items);
    }
}
