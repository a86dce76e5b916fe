package io.hrloop.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * A JFR CPU profile of a service under load, started with {@code jcmd <pid> JFR.start} and read back
 * with the JFR consumer API: the share of execution samples whose stack passes through each area
 * (inclusive, so the areas overlap) and the hottest top frames.
 */
final class Profile {

    /** Areas by frame prefix, most specific first; a sample counts once per area it passes through. */
    private static final Map<String, List<String>> AREAS = new LinkedHashMap<>();

    static {
        AREAS.put("JWT verification (smallrye-jwt, jose4j, RSA)", List.of("io.smallrye.jwt", "org.jose4j", "sun.security.rsa"));
        AREAS.put("Hibernate ORM", List.of("org.hibernate"));
        AREAS.put("PostgreSQL JDBC driver", List.of("org.postgresql"));
        AREAS.put("Agroal pool + Narayana transactions", List.of("io.agroal", "com.arjuna", "io.quarkus.narayana"));
        AREAS.put("Jackson (JSON)", List.of("com.fasterxml.jackson"));
        AREAS.put("JSON Schema validation (networknt)", List.of("com.networknt"));
        AREAS.put("CloudEvents envelope", List.of("io.cloudevents"));
        AREAS.put("Kafka client (outbox relay)", List.of("org.apache.kafka"));
        AREAS.put("Bean Validation (Hibernate Validator)", List.of("org.hibernate.validator"));
        AREAS.put("RESTEasy Reactive (JAX-RS)", List.of("org.jboss.resteasy.reactive"));
        AREAS.put("Vert.x / Netty I/O and dispatch", List.of("io.vertx", "io.netty"));
        AREAS.put("Quarkus security / CDI (Arc)", List.of("io.quarkus.security", "io.quarkus.arc", "io.quarkus.vertx.http.runtime.security"));
        AREAS.put("Logging", List.of("org.jboss.logmanager", "org.jboss.logging"));
        AREAS.put("HR Loop code (io.hrloop)", List.of("io.hrloop"));
    }

    record Result(long samples, Map<String, Double> areas, List<Map.Entry<String, Double>> hotMethods) {
    }

    private Profile() {
    }

    /** Starts a recording of {@code seconds} on the JVM {@code pid}, written to {@code file}. */
    static void start(long pid, int seconds, Path file) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), String.valueOf(pid), "JFR.start", "name=bench", "settings=profile",
                "duration=" + seconds + "s", "filename=" + file).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException("jcmd JFR.start failed: " + out);
        }
    }

    static Result read(Path file, int top) throws IOException {
        long samples = 0;
        Map<String, Long> areas = new LinkedHashMap<>();
        AREAS.keySet().forEach(k -> areas.put(k, 0L));
        Map<String, Long> methods = new HashMap<>();
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            samples++;
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (!frames.isEmpty()) {
                RecordedFrame first = frames.getFirst();
                methods.merge(first.getMethod().getType().getName() + "." + first.getMethod().getName(), 1L, Long::sum);
            }
            for (var area : AREAS.entrySet()) {
                if (frames.stream().anyMatch(f -> area.getValue().stream()
                        .anyMatch(prefix -> f.getMethod().getType().getName().startsWith(prefix)))) {
                    areas.merge(area.getKey(), 1L, Long::sum);
                }
            }
        }
        long total = Math.max(1, samples);
        Map<String, Double> shares = new LinkedHashMap<>();
        areas.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> shares.put(e.getKey(), 100.0 * e.getValue() / total));
        List<Map.Entry<String, Double>> hot = new ArrayList<>();
        methods.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
                .forEach(e -> hot.add(Map.entry(e.getKey(), 100.0 * e.getValue() / total)));
        return new Result(samples, shares, hot);
    }
}
