package io.hrloop.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.hrloop.infra.ServiceProcess;

/**
 * The local stack runs each service with the JVM flags its image runs with, so that what the benchmark measures on a
 * laptop (heap ceiling, collector, memory given back) is what a pod does.
 */
class ProductionJvmTest {

    private static final Pattern TOOL_OPTIONS = Pattern.compile("(?m)^ENV JAVA_TOOL_OPTIONS=\"([^\"]*)\"$");
    private static final Pattern ARENAS = Pattern.compile("(?m)^ENV MALLOC_ARENA_MAX=(\\d+)$");

    @ParameterizedTest
    @ValueSource(strings = {"request-service", "feedback-service", "improvement-service"})
    void theImageRunsTheFlagsOfTheLocalStack(String service) throws IOException {
        String dockerfile = Files.readString(Repo.root().resolve(service).resolve("src/main/docker/Dockerfile.jvm"));
        Matcher options = TOOL_OPTIONS.matcher(dockerfile);
        assertTrue(options.find(), service + "'s Dockerfile.jvm sets no JAVA_TOOL_OPTIONS");
        List<String> image = Arrays.asList(options.group(1).trim().split("\\s+"));
        // The images run JDK 25; the local stack leaves out what an older JDK lacks.
        Runtime.Version jdk = Runtime.version();
        List<String> expected = image.stream()
                .filter(flag -> jdk.feature() > 21 || jdk.update() >= 1 || !flag.startsWith("-XX:TrimNativeHeapInterval"))
                .filter(flag -> jdk.feature() >= 25 || !flag.equals("-XX:+UseCompactObjectHeaders"))
                .toList();
        assertEquals(expected, ServiceProcess.PRODUCTION_JVM,
                service + ": the image's JAVA_TOOL_OPTIONS differ from ServiceProcess.PRODUCTION_JVM");
        Matcher arenas = ARENAS.matcher(dockerfile);
        assertTrue(arenas.find(), service + "'s Dockerfile.jvm leaves MALLOC_ARENA_MAX unset");
        assertEquals("2", arenas.group(1), "the local stack starts services with MALLOC_ARENA_MAX=2");
    }
}
