package io.hrloop.bench;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A second JVM of a running service, started the way the local stack started the first (the same
 * command line read from /proc, so the same jar, flags, database, broker and keys) on another port,
 * optionally with other JVM flags. Times process start to ready: /q/health/ready answering 200 on
 * the management port (HTTP port + 1000) or, where the service has none, on the HTTP port.
 */
final class ServiceCopy implements AutoCloseable {

    private final Process process;
    final int port;
    final double readyMillis;
    final String health;

    private ServiceCopy(Process process, int port, double readyMillis, String health) {
        this.process = process;
        this.port = port;
        this.readyMillis = readyMillis;
        this.health = health;
    }

    /**
     * Starts a copy of the JVM {@code pid} on {@code port}; {@code drop} removes flags, {@code add}
     * appends flags before the jar. Returns once it is ready.
     */
    static ServiceCopy start(Http http, long pid, int port, List<String> drop, List<String> add, Path log) {
        List<String> original = Procs.commandLine(pid);
        if (original.isEmpty()) {
            throw new IllegalStateException("process " + pid + " is gone");
        }
        List<String> command = new ArrayList<>();
        String jar = null;
        for (int i = 0; i < original.size(); i++) {
            String arg = original.get(i);
            if (arg.equals("-jar")) {
                command.addAll(add);
                command.add("-Dquarkus.management.port=" + (port + 1000));
                jar = original.get(i + 1);
            }
            if (arg.startsWith("-Dquarkus.http.port=")) {
                command.add("-Dquarkus.http.port=" + port);
            } else if (arg.startsWith("-XX:AOTCacheOutput=")) {
                continue; // the stack's service is recording its startup cache: a copy must not write it too
            } else if (!drop.contains(arg)) {
                command.add(arg);
            }
        }
        if (jar == null) {
            throw new IllegalStateException("no -jar in the command line of " + pid + ": " + original);
        }
        try {
            long began = System.nanoTime();
            ProcessBuilder builder = new ProcessBuilder(command).directory(new File(jar).getParentFile());
            builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2"); // as the stack's services run
            Process process = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
            long deadline = began + Duration.ofMinutes(2).toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the copy exited with " + process.exitValue() + "; see " + log);
                }
                for (int p : new int[] { port + 1000, port }) {
                    if (http.answers200(p, "/q/health/ready")) {
                        return new ServiceCopy(process, port, (System.nanoTime() - began) / 1e6,
                                p == port ? "HTTP port" : "management port");
                    }
                }
                Http.sleep(Duration.ofMillis(10));
            }
            process.destroyForcibly();
            throw new IllegalStateException("the copy was not ready within 2 minutes; see " + log);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
