package io.hrloop.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One HR Loop service run as it is deployed: its packaged Quarkus application
 * ({@code <module>/target/quarkus-app/quarkus-run.jar}) in its own JVM, configured through system
 * properties. Used by the system tests and the local stack.
 */
public final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final int port;
    private final int managementPort;
    private final Path log;
    private final Process process;
    /** Whether the JVM writes a startup cache as it exits, which a stop then waits longer for. */
    private final boolean writesCacheOnExit;

    /**
     * The JVM as production runs it, the same flags as the images' {@code JAVA_TOOL_OPTIONS} (deploy's
     * ProductionJvmTest compares them): the full JIT; a serial collector and a heap of at most 160 MiB, because the
     * serial collector grows the heap to its maximum before it collects the old generation in full, and the rest of a
     * service's memory (classes, JIT code, ONNX Runtime's model) takes up to some 370 MiB beside it (deploy/README.md,
     * Images); native
     * memory the JVM and ONNX Runtime freed given back to the system every second; on JDK 25, 8-byte object headers
     * (JEP 519: a smaller heap for the same objects); with {@code MALLOC_ARENA_MAX=2} (see {@link #start}). A JDK
     * without a flag (21.0.0: the trim interval; 21 to 24: compact headers) runs without it.
     */
    public static final List<String> PRODUCTION_JVM = Stream.of(
            Stream.of("-XX:+UseSerialGC", "-Xms64m", "-Xmx160m", "-XX:+ExitOnOutOfMemoryError"),
            trimsNativeHeap() ? Stream.of("-XX:TrimNativeHeapInterval=1000") : Stream.<String>empty(),
            Runtime.version().feature() >= 25 ? Stream.of("-XX:+UseCompactObjectHeaders") : Stream.<String>empty())
            .flatMap(s -> s).toList();
    /** A JVM that starts fast and stays small on a busy test machine (C1 only): for tests, not for figures. */
    public static final List<String> QUICK_START_JVM = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-Xms64m", "-Xmx384m");

    /** Whether the JVM that services are started with (this one's) has the flag: JDK 21.0.1 and newer. */
    private static boolean trimsNativeHeap() {
        Runtime.Version v = Runtime.version();
        return v.feature() > 21 || v.update() >= 1;
    }

    /**
     * How long a stop waits for a JVM that writes its startup cache as it exits ({@code -XX:AOTCacheOutput}) before it
     * kills it: after a 40-minute bench run, three services writing at once on two cores were still at it when 30 s
     * had passed, were killed, and left no cache behind.
     */
    public static final Duration CACHE_WRITE_GRACE = Duration.ofMinutes(3);

    private ServiceProcess(String name, int port, int managementPort, Path log, Process process,
            boolean writesCacheOnExit) {
        this.name = name;
        this.port = port;
        this.managementPort = managementPort;
        this.log = log;
        this.process = process;
        this.writesCacheOnExit = writesCacheOnExit;
    }

    /** Whether a JVM started with these options records a startup cache (JDK 25's AOT cache) and writes it as it exits. */
    public static boolean writesCacheOnExit(List<String> jvmOptions) {
        return jvmOptions.stream().anyMatch(option -> option.startsWith("-XX:AOTCacheOutput="));
    }

    public boolean writesCacheOnExit() {
        return writesCacheOnExit;
    }

    /** The packaged application of {@code module} under the repository root. */
    public static Path application(Path repositoryRoot, String module) {
        Path jar = repositoryRoot.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build it with ./mvnw -B install -DskipTests");
        }
        return jar;
    }

    /** Starts the application with its API on {@code port} and health and metrics on {@code managementPort}. */
    public static ServiceProcess start(String name, Path jar, int port, int managementPort, List<String> jvmOptions,
            Map<String, String> config, Path log) {
        List<String> command = new ArrayList<>();
        command.add(JavaProcesses.javaExecutable());
        command.addAll(jvmOptions);
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dquarkus.management.port=" + managementPort);
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(jar.toString());
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command);
            // Two malloc arenas instead of one per core and thread: glibc otherwise keeps what many threads freed
            // (text-analysis/docs/onnx-memory.md); the images set the same.
            builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
            Process process = builder
                    .directory(jar.getParent().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            return new ServiceProcess(name, port, managementPort, log, process, writesCacheOnExit(jvmOptions));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public int managementPort() {
        return managementPort;
    }

    /** Health and metrics: the management interface. */
    public String managementUrl() {
        return "http://localhost:" + managementPort;
    }

    public Path log() {
        return log;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until /q/health/ready answers 200. */
    public ServiceProcess awaitReady(Duration timeout) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(managementUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n"
                        + KafkaBroker.tail(log));
            }
            try {
                if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(name + " not ready within " + timeout + ":\n" + KafkaBroker.tail(log));
    }

    /**
     * SIGTERM, as Kubernetes does; the service drains and exits. Forcibly after 30 s, or after {@link #CACHE_WRITE_GRACE}
     * when it writes a startup cache as it exits.
     */
    public void stop() {
        if (!process.isAlive()) {
            return;
        }
        JavaProcesses.terminate(process, writesCacheOnExit ? CACHE_WRITE_GRACE : Duration.ofSeconds(30));
    }

    /** SIGKILL: the process dies at once, as when a node fails; nothing is drained or flushed. */
    public void kill() {
        JavaProcesses.kill(process, Duration.ofSeconds(30));
    }

    @Override
    public void close() {
        stop();
    }
}
