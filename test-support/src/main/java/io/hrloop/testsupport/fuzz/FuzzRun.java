package io.hrloop.testsupport.fuzz;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sends fuzz inputs to a running service and tallies what came back. Each operation is called by the first
 * caller it does not refuse (401/403), so that authorization hides no validation; an input marked
 * {@code alternate} goes with the next caller in the list instead.
 */
public final class FuzzRun {

    /** What the run saw: counts per status class and status, and the findings (5xx, rejections that are not problems). */
    public record Report(String service, int inputs, Map<String, Integer> byClass, Map<Integer, Integer> byStatus,
            List<String> serverErrors, List<String> notProblems, List<String> acceptedWrites, int notAUri, long millis) {

        public int count(String statusClass) {
            return byClass.getOrDefault(statusClass, 0);
        }

        public String summary() {
            return String.format("[hostile-input] %s: %d inputs in %d ms; 2xx %d, 3xx %d, 4xx %d, 5xx %d; "
                    + "rejections without problem+json %d; targets that are no URI (bare 400 from Quarkus) %d; by status %s",
                    service, inputs, millis, count("2xx"), count("3xx"), count("4xx"), count("5xx"), notProblems.size(),
                    notAUri, byStatus);
        }
    }

    private final int port;
    private final List<String> tokens;
    private final Map<String, Integer> callerOf = new HashMap<>();

    private FuzzRun(int port, List<String> tokens) {
        this.port = port;
        this.tokens = tokens;
    }

    /**
     * Finds, for each operation, the first token it does not refuse, by calling it once with its base target
     * and a body it must refuse. Call this before taking the "before" picture of the database.
     */
    public static FuzzRun prepare(OpenApiFuzzer fuzzer, int port, List<String> tokens) throws IOException {
        FuzzRun run = new FuzzRun(port, tokens);
        for (OpenApiFuzzer.Operation op : fuzzer.operations()) {
            int chosen = 0;
            for (int i = 0; i < tokens.size(); i++) {
                byte[] body = fuzzer.baseBody(op) == null ? null : "[[{}]]".getBytes();
                FuzzInput probe = new FuzzInput(op.id(), "probe", op.method(), fuzzer.baseTarget(op),
                        body == null ? null : "application/json", Map.of(), body, false);
                int status = run.send(probe, tokens.get(i)).status();
                if (status != 401 && status != 403) {
                    chosen = i;
                    break;
                }
            }
            run.callerOf.put(op.id(), chosen);
        }
        return run;
    }

    public Report send(String service, List<FuzzInput> inputs) throws IOException {
        long began = System.currentTimeMillis();
        Map<String, Integer> byClass = new TreeMap<>();
        Map<Integer, Integer> byStatus = new TreeMap<>();
        List<String> serverErrors = new ArrayList<>();
        List<String> notProblems = new ArrayList<>();
        List<String> acceptedWrites = new ArrayList<>();
        int notAUri = 0;
        for (FuzzInput input : inputs) {
            int caller = callerOf.getOrDefault(input.operation(), 0);
            String token = tokens.get(input.alternate() ? (caller + 1) % tokens.size() : caller);
            WireHttp.Answer answer = send(input, token);
            int status = answer.status();
            byClass.merge(status / 100 + "xx", 1, Integer::sum);
            byStatus.merge(status, 1, Integer::sum);
            String seen = status + " " + answer.contentType() + " <- " + input + " :: "
                    + answer.body().substring(0, Math.min(300, answer.body().length()));
            if (status >= 500) {
                serverErrors.add(seen);
            } else if (status == 400 && !answer.contentType().startsWith("application/problem+json") && !uri(input.target())) {
                // Quarkus refuses a target java.net.URI cannot parse (a broken escape, a raw byte) with a bare 400
                // before any application code runs (VertxHttpRecorder; -Dvertx.disableURIValidation turns it off).
                notAUri++;
            } else if (status >= 400 && !answer.contentType().startsWith("application/problem+json")) {
                notProblems.add(seen);
            } else if (status < 300 && !"GET".equals(input.method())) {
                acceptedWrites.add(seen);
            }
        }
        return new Report(service, inputs.size(), byClass, byStatus, serverErrors, notProblems, acceptedWrites,
                notAUri, System.currentTimeMillis() - began);
    }

    private static boolean uri(String target) {
        try {
            new java.net.URI(target);
            return true;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private WireHttp.Answer send(FuzzInput input, String token) throws IOException {
        StringBuilder head = new StringBuilder(input.method()).append(' ').append(input.target()).append(" HTTP/1.1");
        if (token != null) {
            head.append("\r\nAuthorization: Bearer ").append(token);
        }
        if (input.contentType() != null) {
            head.append("\r\nContent-Type: ").append(input.contentType());
        }
        input.headers().forEach((name, value) -> head.append("\r\n").append(name).append(": ").append(value));
        return WireHttp.send(port, head.toString(), input.body());
    }
}
