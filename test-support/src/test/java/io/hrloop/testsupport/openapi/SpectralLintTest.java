package io.hrloop.testsupport.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The committed API documents pass Spectral's {@code spectral:oas} ruleset with no error (api/lint.sh). Spectral is
 * a Node tool: where it is not installed this test is skipped, with the reason, and never fails for lack of it.
 */
class SpectralLintTest {

    @Test
    void theCommittedDocumentsPassSpectralOasWithoutErrors() throws Exception {
        Path script = ApiDocument.repositoryRoot().resolve("api").resolve("lint.sh");
        assumeTrue(Files.exists(Path.of("/bin/sh")), "skipped: no /bin/sh to run api/lint.sh");
        Process process = new ProcessBuilder("/bin/sh", script.toString()).redirectErrorStream(true).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IOException("api/lint.sh did not finish within 5 minutes");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assumeTrue(!output.startsWith("SKIPPED"), output.strip());
        assertEquals(0, process.exitValue(), "Spectral (spectral:oas) finds errors in api/*.yaml:\n" + output);
    }
}
