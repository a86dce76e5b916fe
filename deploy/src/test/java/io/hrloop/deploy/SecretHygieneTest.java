package io.hrloop.deploy;

import static io.hrloop.deploy.Edit.at;
import static io.hrloop.deploy.WorkloadPolicyTest.assertViolation;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nothing secret under deploy/k8s, in any form. */
class SecretHygieneTest {

    @Test
    void noFileUnderK8sHoldsKeyMaterialOrIsAKeyFile() {
        assertEquals(List.of(), SecretHygiene.scanFiles(Repo.k8s()));
    }

    @Test
    void aSecretObjectIsRefusedEvenWithBase64Data() {
        assertViolation("Secret db-password (added#1) is a Secret in git", Edit.base().add("""
                apiVersion: v1
                kind: Secret
                metadata:
                  name: db-password
                data:
                  password: c3VwZXJzZWNyZXQ=
                """));
    }

    @Test
    void aLiteralCredentialInACustomResourceIsRefused() {
        assertViolation(".spec.bootstrap.initdb.password holds a literal credential",
                Edit.base().change("Cluster", "request-db", c -> at(c, "spec.bootstrap.initdb").put("password", "hunter2")));
    }

    @Test
    void literalCredentialsInTheNewObjectsAreRefusedToo() {
        Edit edit = Edit.base()
                .change("ObjectStore", "request-db-backups", o -> at(o, "spec.configuration.s3Credentials").put("accessKeyId", "AKIAEXAMPLE"))
                .change("GrafanaDashboard", "hrloop-loop-health", g -> at(g, "spec").putObject("urlAuthorization")
                        .putObject("basicAuth").put("password", "hunter2"));
        assertViolation(".spec.configuration.s3Credentials.accessKeyId holds a literal credential", edit);
        assertViolation(".spec.urlAuthorization.basicAuth.password holds a literal credential", edit);
    }

    @Test
    void keyMaterialAndBase64BlobsInAnyValueAreRefused() {
        Edit edit = Edit.base().change("ConfigMap", "hrloop-platform", c -> at(c, "data")
                .put("CA", "-----BEGIN CERTIFICATE-----\nMIIB...\n-----END CERTIFICATE-----\n")
                .put("BLOB", "c2VjcmV0LXZhbHVlLXRoYXQtaXMtbG9uZy1lbm91Z2gtdG8tc3BvdA=="));
        assertViolation(".data.CA holds key or certificate material", edit);
        assertViolation(".data.BLOB holds what looks like a base64-encoded secret", edit);
    }

    @Test
    void keyFilesAndPemBlocksInFilesAreFound(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("issuer.pem"), "anything");
        Files.writeString(dir.resolve("notes.yaml"), "# -----BEGIN PRIVATE KEY-----\n");

        assertEquals(List.of("issuer.pem looks like a key, certificate or credentials file",
                "notes.yaml contains key or certificate material"), SecretHygiene.scanFiles(dir).stream().sorted().toList());
    }
}
