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
 * with the JFR consumer API. Each execution sample is charged to the library of its leaf-most frame
 * outside the JDK (so BigInteger arithmetic under jose4j counts as JWT verification): a partition
 * that adds up to 100 %. Also the inclusive share of a few areas and the hottest top frames.
 */
final class Profile {

    /** Libraries by class-name prefix, most specific first. */
    private static final Map<String, String> LIBRARIES = new LinkedHashMap<>();

    static {
        LIBRARIES.put("org.hibernate.validator", "Bean Validation (Hibernate Validator)");
        LIBRARIES.put("org.hibernate", "Hibernate ORM");
        LIBRARIES.put("org.jose4j", "JWT verification (jose4j, smallrye-jwt)");
        LIBRARIES.put("io.smallrye.jwt", "JWT verification (jose4j, smallrye-jwt)");
        LIBRARIES.put("org.postgresql", "PostgreSQL JDBC driver");
        LIBRARIES.put("io.agroal", "Agroal pool / Narayana transactions");
        LIBRARIES.put("com.arjuna", "Agroal pool / Narayana transactions");
        LIBRARIES.put("io.quarkus.narayana", "Agroal pool / Narayana transactions");
        LIBRARIES.put("com.fasterxml.jackson", "Jackson (JSON)");
        LIBRARIES.put("com.networknt", "JSON Schema validation (networknt)");
        LIBRARIES.put("io.cloudevents", "CloudEvents");
        LIBRARIES.put("org.apache.kafka", "Kafka client (outbox relay)");
        LIBRARIES.put("org.jboss.resteasy.reactive", "RESTEasy Reactive (incl. Vert.x blocking input)");
        LIBRARIES.put("io.vertx", "Vert.x / Netty");
        LIBRARIES.put("io.netty", "Vert.x / Netty");
        LIBRARIES.put("io.quarkus", "Quarkus runtime (security, Arc, HTTP)");
        LIBRARIES.put("io.smallrye", "SmallRye (config, context propagation, ...)");
        LIBRARIES.put("org.jboss", "JBoss logging / threads");
        LIBRARIES.put("io.hrloop", "HR Loop code");
    }

    /** Inclusive areas: a sample counts for each area any of its frames belongs to. */
    private static final Map<String, List<String>> AREAS = new LinkedHashMap<>();

    static {
        AREAS.put("Hibernate ORM (anywhere in the stack)", List.of("org.hibernate.engine", "org.hibernate.internal",
                "org.hibernate.event", "org.hibernate.action", "org.hibernate.persister", "org.hibernate.query"));
        AREAS.put("bearer token verification (smallrye-jwt)", List.of("io.smallrye.jwt", "io.quarkus.smallrye.jwt"));
        AREAS.put("JDBC driver", List.of("org.postgresql"));
        AREAS.put("Vert.x blocking request input (VertxBlockingInput)",
                List.of("org.jboss.resteasy.reactive.server.vertx.VertxInputStream"));
        AREAS.put("outbox: Outbox.publish", List.of("io.hrloop.common.outbox.Outbox"));
        AREAS.put("outbox relay", List.of("io.hrloop.common.outbox.OutboxRelay"));
    }

    record Result(long samples, Map<String, Double> libraries, Map<String, Double> areas,
            List<Map.Entry<String, Double>> hotMethods) {
    }

    private Profile() {
    }

    /** Starts a recording of {@code seconds} on the JVM {@code pid}, written to {@code file}. */
    static void start(long pid, int seconds, Path file) {
        try {
            Procs.JcmdResult result = Procs.jcmd(pid, "JFR.start", "name=bench", "settings=profile",
                    "duration=" + seconds + "s", "filename=" + file);
            if (result.status() != 0) {
                System.err.println("jcmd JFR.start failed: " + String.join("\n", result.lines()));
            }
        } catch (IOException | InterruptedException e) {
            System.err.println("jcmd JFR.start failed: " + e);
        }
    }

    static Result read(Path file, int top) throws IOException {
        long samples = 0;
        Map<String, Long> libraries = new HashMap<>();
        Map<String, Long> areas = new LinkedHashMap<>();
        Map<String, Long> methods = new HashMap<>();
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            samples++;
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            List<String> classes = frames.stream().map(f -> f.getMethod().getType().getName()).toList();
            if (!frames.isEmpty()) {
                methods.merge(classes.getFirst() + "." + frames.getFirst().getMethod().getName(), 1L, Long::sum);
            }
            libraries.merge(library(classes), 1L, Long::sum);
            for (var area : AREAS.entrySet()) {
                if (classes.stream().anyMatch(c -> area.getValue().stream().anyMatch(prefix -> within(c, prefix)))) {
                    areas.merge(area.getKey(), 1L, Long::sum);
                }
            }
        }
        return new Result(samples, shares(libraries, samples, 20), shares(areas, samples, 20),
                List.copyOf(shares(methods, samples, top).entrySet()));
    }

    /** Whether a class is the named class (or one nested in it) or lies in the named package. */
    private static boolean within(String className, String prefix) {
        return className.equals(prefix) || className.startsWith(prefix + ".") || className.startsWith(prefix + "$");
    }

    /** The library of the leaf-most frame outside the JDK; samples entirely in the JDK say so. */
    private static String library(List<String> classes) {
        for (String c : classes) {
            if (c.startsWith("java.") || c.startsWith("javax.") || c.startsWith("jdk.") || c.startsWith("sun.")
                    || c.startsWith("com.sun.")) {
                continue;
            }
            return LIBRARIES.entrySet().stream().filter(e -> c.startsWith(e.getKey())).map(Map.Entry::getValue)
                    .findFirst().orElse("other: " + c.replaceAll("^((?:[a-z0-9_]+\\.){1,2}).*", "$1") + "*");
        }
        return "JDK only (threads, I/O, GC helpers)";
    }

    private static Map<String, Double> shares(Map<String, Long> counts, long total, int limit) {
        Map<String, Double> shares = new LinkedHashMap<>();
        new ArrayList<>(counts.entrySet()).stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(limit)
                .forEach(e -> shares.put(e.getKey(), 100.0 * e.getValue() / Math.max(1, total)));
        return shares;
    }
}
