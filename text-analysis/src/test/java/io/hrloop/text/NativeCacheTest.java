package io.hrloop.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.djl.util.Utils;

class NativeCacheTest {

    @Test
    void djlIsOfflineAndSendsNoTelemetry() {
        NativeCache.prepare();
        assertTrue(Utils.isOfflineMode(), "DJL downloads nothing");
        // what Ec2Utils.callHome reads before it asks 169.254.169.254 and reports to its telemetry bucket
        assertEquals("true", Utils.getEnvOrSystemProperty("OPT_OUT_TRACKING"));
    }

    private static final String RESOURCE = EmbeddingCostTest.LONG_COMMENTS;

    @Test
    void partialFilesLeftByAKilledProcessAreDeletedAndOneBeingWrittenIsKept(@TempDir Path directory) throws IOException {
        Path abandoned = Files.write(directory.resolve("model.onnx123.part"), new byte[1024]);
        Files.setLastModifiedTime(abandoned, FileTime.from(Instant.now().minus(NativeCache.ABANDONED).minusSeconds(60)));
        Path beingWritten = Files.write(directory.resolve("model.onnx456.part"), new byte[1024]);
        Path otherFile = Files.write(directory.resolve("tokenizer.json789.part"), new byte[1024]);
        Files.setLastModifiedTime(otherFile, FileTime.from(Instant.now().minus(NativeCache.ABANDONED).minusSeconds(60)));

        Path target = NativeCache.extract(getClass().getClassLoader(), RESOURCE, directory, "model.onnx");

        assertArrayEquals(getClass().getClassLoader().getResourceAsStream(RESOURCE).readAllBytes(), Files.readAllBytes(target));
        assertFalse(Files.exists(abandoned), "a partial copy nobody has written to for 10 minutes is deleted");
        assertTrue(Files.exists(beingWritten), "a partial copy another process may still be writing is kept");
        assertTrue(Files.exists(otherFile), "only the partial copies of the file being extracted are looked at");
        assertEquals(List.of("model.onnx", "model.onnx456.part", "tokenizer.json789.part"), names(directory));
    }

    @Test
    void aCopyThatFailsLeavesNoPartialFile(@TempDir Path directory) throws IOException {
        ClassLoader failing = new ClassLoader(getClass().getClassLoader()) {
            @Override
            public InputStream getResourceAsStream(String name) {
                InputStream broken = new InputStream() {
                    @Override
                    public int read() throws IOException {
                        throw new IOException("No space left on device");
                    }
                };
                return new SequenceInputStream(new ByteArrayInputStream(new byte[64 * 1024]), broken);
            }
        };
        UncheckedIOException failure = assertThrows(UncheckedIOException.class,
                () -> NativeCache.extract(failing, RESOURCE, directory, "model.onnx"));
        assertEquals("No space left on device", failure.getCause().getMessage());
        assertEquals(List.of(), names(directory), "neither a partial copy nor a target is left");
    }

    private static List<String> names(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
