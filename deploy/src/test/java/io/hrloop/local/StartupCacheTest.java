package io.hrloop.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.hrloop.infra.ServiceProcess;

/** The local stack's startup cache: recorded when missing or older than the jar, used otherwise. */
class StartupCacheTest {

    @TempDir
    Path app;

    @Test
    void recordsWithoutACacheUsesAFreshOneAndDropsAStaleOne() throws Exception {
        Assumptions.assumeTrue(Runtime.version().feature() >= 25, "the AOT cache needs JDK 25; older JDKs use CDS");
        Path jar = Files.writeString(app.resolve("quarkus-run.jar"), "jar");
        Path cache = app.resolve("hrloop.aot");
        List<String> first = StartupCache.flags(jar);
        assertEquals(List.of("-XX:AOTCacheOutput=" + cache), first);
        assertTrue(ServiceProcess.writesCacheOnExit(first), "its stop waits for the cache to be written");
        assertTrue(StartupCache.note(first).contains("recording"));

        Files.writeString(cache, "cache");
        Files.setLastModifiedTime(cache, FileTime.from(Instant.now().plusSeconds(5)));
        List<String> next = StartupCache.flags(jar);
        assertEquals(List.of("-XX:AOTCache=" + cache), next);
        assertFalse(ServiceProcess.writesCacheOnExit(next));
        assertEquals("", StartupCache.note(next));

        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60))); // rebuilt since
        assertEquals(List.of("-XX:AOTCacheOutput=" + cache), StartupCache.flags(jar));
        assertFalse(Files.exists(cache), "a cache older than the jar is dropped before it is recorded again");
    }
}
