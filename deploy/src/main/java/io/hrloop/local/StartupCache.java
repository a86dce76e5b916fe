package io.hrloop.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.hrloop.infra.ServiceProcess;

/**
 * The class cache a service of the local stack starts from: what the JVM loaded and linked the last time, so
 * that it does not read, verify and link the same classes again at every start. It changes how fast a service
 * starts, nothing it does (same JIT, heap and GC). Measured here (2 cores, JDK 25, request-service against the
 * idle stack, start to {@code /q/health/ready}): 4.1–4.3 s without, 3.0 s with a dynamic CDS archive, 2.7 s
 * with an AOT cache.
 * <ul>
 * <li>On JDK 25 and newer, an AOT cache (JEP 483, 514): the first start records ({@code -XX:AOTCacheOutput}) and the
 * JVM writes the cache when the service stops; later starts use it ({@code -XX:AOTCache}). A cache older than the
 * application's jar is dropped and recorded again; the JVM itself refuses one that does not match its classpath
 * or JDK and then starts without it.</li>
 * <li>On JDK 21 to 24, a dynamic CDS archive that the JVM creates and renews by itself
 * ({@code -XX:+AutoCreateSharedArchive}).</li>
 * </ul>
 * The files sit beside the jar ({@code <module>/target/quarkus-app/}), so {@code --fresh} keeps them and a rebuild
 * replaces them. The images do not carry one yet (their JDK is a jlink'ed runtime, and a cache is only valid for the
 * JDK that made it): pods start as this stack's first start does.
 */
final class StartupCache {

    private StartupCache() {
    }

    /** The JVM flags that make the service of {@code jar} start from its cache (or record it). */
    static List<String> flags(Path jar) {
        Path directory = jar.getParent();
        if (Runtime.version().feature() < 25) {
            return List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + directory.resolve("hrloop.jsa"));
        }
        Path cache = directory.resolve("hrloop.aot");
        try {
            if (Files.exists(cache) && !Files.getLastModifiedTime(cache).toInstant().isBefore(
                    Files.getLastModifiedTime(jar).toInstant())) {
                return List.of("-XX:AOTCache=" + cache);
            }
            Files.deleteIfExists(cache);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.of("-XX:AOTCacheOutput=" + cache);
    }

    /** What the start step says about the cache: recording one makes the first stop take some seconds longer. */
    static String note(List<String> flags) {
        return ServiceProcess.writesCacheOnExit(flags) ? " (recording its startup cache, written when it stops)" : "";
    }
}
