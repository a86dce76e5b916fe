package io.hrloop.system;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Calls every GET operation a service documents in its own OpenAPI document ({@code /q/openapi?format=json}) as
 * each caller, with the path ids filled from the ids the test knows (by the path segment before the id: every
 * request id for {@code /requests/{id}}, ...), required query parameters filled, a {@code q} search for each
 * marker where the operation takes one, and every page of a list followed; each answer body is searched for the
 * markers.
 */
final class GetSweep {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");
    private static final int MAX_PAGES = 20;

    /** A marker found in an answer. */
    record Leak(String caller, String url, int status, String marker) {
    }

    private final Map<String, List<String>> ids;
    private final Map<String, String> queryValues;
    int calls;
    int operations;
    final List<Leak> leaks = new ArrayList<>();
    /** Answers by status class ("2xx", "4xx", ...). */
    final Map<String, Integer> statuses = new java.util.TreeMap<>();

    /**
     * @param ids values for a path id, by the path segment before it ("requests", "feedback", "comments", ...);
     *            an id without values gets a random UUID
     * @param queryValues values for required query parameters, by name
     */
    GetSweep(Map<String, List<String>> ids, Map<String, String> queryValues) {
        this.ids = ids;
        this.queryValues = queryValues;
    }

    /** Sweeps one service as every caller, for every marker. */
    void sweep(String baseUrl, Map<String, String> callers, List<String> markers) throws Exception {
        JsonNode document = MAPPER.readTree(Flow.call("GET", baseUrl + "/q/openapi?format=json", null, null,
                Duration.ofSeconds(30)).body());
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            JsonNode get = path.getValue().get("get");
            if (get == null) {
                continue;
            }
            operations++;
            List<String> parameters = new ArrayList<>();
            boolean searchable = false;
            for (JsonNode parameter : get.path("parameters")) {
                if ("query".equals(parameter.path("in").asText())) {
                    String name = parameter.path("name").asText();
                    searchable |= name.equals("q");
                    if (parameter.path("required").asBoolean() && queryValues.containsKey(name)) {
                        parameters.add(name + "=" + encode(queryValues.get(name)));
                    }
                }
            }
            for (String url : expand(path.getKey())) {
                List<String> queries = new ArrayList<>();
                queries.add(String.join("&", parameters));
                if (searchable) {
                    for (String marker : markers) {
                        queries.add(String.join("&", withQ(parameters, marker)));
                    }
                }
                for (String query : queries) {
                    for (Map.Entry<String, String> caller : callers.entrySet()) {
                        call(baseUrl + url, query, caller.getKey(), caller.getValue(), markers);
                    }
                }
            }
        }
    }

    private static List<String> withQ(List<String> parameters, String marker) {
        List<String> all = new ArrayList<>(parameters.stream().filter(p -> !p.startsWith("q=")).toList());
        all.add("q=" + encode(marker));
        return all;
    }

    /** Follows a list's pages (its {@code next} cursor) and searches every answer. */
    private void call(String url, String query, String caller, String token, List<String> markers) throws Exception {
        String cursor = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            StringBuilder full = new StringBuilder(url);
            String separator = "?";
            if (!query.isEmpty()) {
                full.append(separator).append(query);
                separator = "&";
            }
            if (cursor != null) {
                full.append(separator).append("cursor=").append(encode(cursor));
            }
            HttpResponse<String> response = Flow.call("GET", full.toString(), token, null, Duration.ofSeconds(30));
            calls++;
            statuses.merge(response.statusCode() / 100 + "xx", 1, Integer::sum);
            String body = response.body() == null ? "" : response.body();
            for (String marker : markers) {
                if (body.contains(marker)) {
                    leaks.add(new Leak(caller, full.toString(), response.statusCode(), marker));
                }
            }
            cursor = next(response, body);
            if (cursor == null) {
                return;
            }
        }
    }

    private static String next(HttpResponse<String> response, String body) {
        if (response.statusCode() != 200 || !body.startsWith("{")) {
            return null;
        }
        try {
            JsonNode next = MAPPER.readTree(body).get("next");
            return next == null || next.isNull() ? null : next.asText();
        } catch (Exception e) {
            return null;
        }
    }

    /** The path with every combination of known ids for its parameters. */
    List<String> expand(String template) {
        List<String> urls = new ArrayList<>(List.of(template));
        Matcher matcher = PARAM.matcher(template);
        while (matcher.find()) {
            String placeholder = matcher.group();
            String before = template.substring(0, matcher.start());
            String[] segments = before.split("/");
            String segment = segments.length == 0 ? "" : segments[segments.length - 1];
            List<String> values = ids.getOrDefault(segment, List.of());
            if (values.isEmpty()) {
                values = List.of(UUID.randomUUID().toString());
            }
            List<String> expanded = new ArrayList<>();
            for (String url : urls) {
                for (String value : values) {
                    expanded.add(url.replace(placeholder, encode(value).replace("+", "%20")));
                }
            }
            urls = expanded;
        }
        return urls;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static Map<String, List<String>> ids() {
        return new LinkedHashMap<>();
    }
}
