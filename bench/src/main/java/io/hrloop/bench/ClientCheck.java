package io.hrloop.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.vertx.core.http.HttpMethod;

/**
 * Is the load generator the limit? The same endpoint at the same connections, once with this
 * client and once with wrk (Debian package {@code wrk}, one thread): a cheap GET that shows each
 * client's ceiling on this machine, and the intake POST with one body and a fresh Idempotency-Key.
 */
final class ClientCheck {

    private ClientCheck() {
    }

    static void run(Bench.Options o, Bench.Stack stack, Bench.Tokens tokens, Report report, Path work) throws Exception {
        int connections = o.connections.getFirst();
        String body = "{\"type\":\"payroll-query\",\"subject\":\"Overtime missing from my payslip\","
                + "\"description\":\"Hello HR, my overtime for last month is missing from my payslip. Could you check?\"}";
        String token = tokens.get("employee");
        Duration warmup = Duration.ofSeconds(5);
        List<String> lines = new ArrayList<>();
        Path lua = work.resolve("post.lua");
        Files.writeString(lua, """
                wrk.method = "POST"
                wrk.body = '%s'
                wrk.headers["Content-Type"] = "application/json"
                wrk.headers["Authorization"] = "Bearer %s"
                local n = 0
                local prefix = tostring(os.time())
                request = function()
                  n = n + 1
                  wrk.headers["Idempotency-Key"] = "wrk-" .. prefix .. "-" .. n
                  return wrk.format()
                end
                """.formatted(body, token));
        for (boolean post : new boolean[] { false, true }) {
            String what = post ? "POST /api/v1/requests (one body)" : "GET /q/health/live";
            String uri = post ? "/api/v1/requests" : "/q/health/live";
            // health answers on the management interface: the API port + 1000 in the local stack
            int port = post ? stack.requests() : stack.requests() + 1000;
            String wrkBefore = wrk(port, uri, connections, post ? lua : null, warmup, o.measure);
            Load.Result mine = Load.run(what, port, () -> new Load.Call(post ? HttpMethod.POST : HttpMethod.GET,
                    uri, post ? token : null, post ? body : null, post ? Map.of("Idempotency-Key",
                            UUID.randomUUID().toString()) : Map.of()), connections, warmup, o.measure, 0, new Load.Window() {
                                public void started() {
                                }

                                public void ended() {
                                }
                            });
            String wrk = wrkBefore + " before, "
                    + wrk(port, uri, connections, post ? lua : null, Duration.ZERO, o.measure) + " after";
            report.info("0 client", Report.f("%s, %d connections: this client / wrk before and after", what, connections),
                    Report.f("%,.0f / %s req/s (this client used %.2f ms CPU per request)", mine.perSecond(), wrk,
                            1000 * mine.clientCpuSeconds() / Math.max(1, mine.requests())));
            lines.add(Report.f("- %s: this client %,.0f req/s, p50 %s / p99 %s ms (after %.0f s warm-up); wrk %s req/s", what,
                    mine.perSecond(), Report.ms(mine.millis(50)), Report.ms(mine.millis(99)), mine.warmupSeconds(), wrk));
        }
        report.section("Load generator check", """
                The same endpoint and connections, driven by this client (Vert.x, one event loop) and by `wrk -t1` \
                (%d s each; wrk before and after this client, as other work on the machine varies; wrk's first run \
                warms up for %d s, this client's for as long as an intake run does):

                %s""".formatted(o.measure.toSeconds(), warmup.toSeconds(), String.join("\n", lines)));
    }

    private static String wrk(int port, String uri, int connections, Path lua, Duration warmup, Duration measure)
            throws Exception {
        List<String> base = new ArrayList<>(List.of("wrk", "-t1", "-c" + connections, "--latency"));
        if (lua != null) {
            base.addAll(List.of("-s", lua.toString()));
        }
        String url = "http://localhost:" + port + uri;
        try {
            if (!warmup.isZero()) {
                exec(base, warmup, url);
            }
            String out = exec(base, measure, url);
            Matcher m = Pattern.compile("Requests/sec:\\s+([0-9.]+)").matcher(out);
            Matcher errors = Pattern.compile("Non-2xx or 3xx responses: (\\d+)").matcher(out);
            return (m.find() ? Report.f("%,.0f", Double.parseDouble(m.group(1))) : "?")
                    + (errors.find() ? " (" + errors.group(1) + " non-2xx)" : "");
        } catch (java.io.IOException e) {
            return "– (wrk not installed: apt-get install -y wrk)";
        }
    }

    private static String exec(List<String> base, Duration duration, String url) throws Exception {
        List<String> command = new ArrayList<>(base);
        command.addAll(List.of("-d" + duration.toSeconds() + "s", url));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return out;
    }
}
