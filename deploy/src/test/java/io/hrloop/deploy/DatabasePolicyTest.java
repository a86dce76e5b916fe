package io.hrloop.deploy;

import static io.hrloop.deploy.Edit.at;
import static io.hrloop.deploy.Edit.env;
import static io.hrloop.deploy.WorkloadPolicyTest.assertViolation;

import org.junit.jupiter.api.Test;

/** Each service owns a highly available, backed-up PostgreSQL cluster and reaches it safely. */
class DatabasePolicyTest {

    @Test
    void twoServicesSharingADatabaseAreRefused() {
        Edit edit = Edit.base().change("ConfigMap", "feedback-service-config", c -> at(c, "data")
                .put("HRLOOP_DB_URL", "jdbc:postgresql://request-db-rw:5432/request?sslmode=verify-full&sslrootcert=/etc/hrloop/db-ca/ca.crt"));
        assertViolation("Cluster request-db is used by", edit);
        assertViolation("takes HRLOOP_DB_USER from feedback-db-app, not from request-db-app", edit);
    }

    @Test
    void theUrlMustNameThePrimaryAndTheDatabaseTheClusterCreates() {
        assertViolation("connects to request-db-ro, which is not the primary (-rw) of a CloudNativePG Cluster",
                Edit.base().change("ConfigMap", "request-service-config", c -> at(c, "data")
                        .put("HRLOOP_DB_URL", "jdbc:postgresql://request-db-ro:5432/request?sslmode=verify-full")));
        assertViolation("opens database requests but Cluster request-db creates request",
                Edit.base().change("ConfigMap", "request-service-config", c -> at(c, "data")
                        .put("HRLOOP_DB_URL", "jdbc:postgresql://request-db-rw:5432/requests?sslmode=verify-full&sslrootcert=/etc/hrloop/db-ca/ca.crt")));
    }

    @Test
    void anUnverifiedServerIsRefused() {
        assertViolation("Deployment request-service does not verify the PostgreSQL server (sslmode=verify-full)",
                Edit.base().change("ConfigMap", "request-service-config", c -> at(c, "data")
                        .put("HRLOOP_DB_URL", "jdbc:postgresql://request-db-rw:5432/request?sslmode=require")));
    }

    @Test
    void credentialsMustBeTheOwnersGeneratedOnes() {
        assertViolation("takes HRLOOP_DB_PASSWORD from request-db-superuser, not from request-db-app",
                Edit.base().change("Deployment", "request-service", d -> at(env(d, "HRLOOP_DB_PASSWORD"), "valueFrom.secretKeyRef")
                        .put("name", "request-db-superuser")));
    }

    @Test
    void networkPoliciesMustLetTheServiceReachItsDatabaseBothWays() {
        Edit edit = Edit.base()
                .change("NetworkPolicy", "improvement-service", n -> at(n, "spec.egress[1].to[0].podSelector.matchLabels")
                        .put("cnpg.io/cluster", "feedback-db"))
                .change("NetworkPolicy", "improvement-db", n -> at(n, "spec.ingress[0].from[0].podSelector.matchLabels")
                        .put("app.kubernetes.io/name", "feedback-service"));
        assertViolation("the NetworkPolicy of Deployment improvement-service does not let it reach improvement-db on port 5432", edit);
        assertViolation("a NetworkPolicy of improvement-db does not admit Deployment improvement-service on port 5432", edit);
    }

    @Test
    void theServerMustAcceptEveryPoolAtFullScale() {
        // 6 replicas + 1 surge pod, 20 connections each, 10 reserved: 150 needed.
        assertViolation("Cluster feedback-db accepts 100 connections but feedback-service may open 140 (7 pods x 20) plus 10 reserved",
                Edit.base().change("Cluster", "feedback-db", c -> at(c, "spec.postgresql.parameters").remove("max_connections")));
    }

    @Test
    void aSingleInstanceOrSuperuserAccessIsRefused() {
        Edit edit = Edit.base().change("Cluster", "request-db", c -> at(c, "spec").put("instances", 1).put("enableSuperuserAccess", true));
        assertViolation("Cluster request-db has a single instance: no failover", edit);
        assertViolation("Cluster request-db enables superuser access", edit);
    }

    @Test
    void everyClusterIsBackedUpOnASchedule() {
        assertViolation("Cluster improvement-db has no ScheduledBackup",
                Edit.base().remove("ScheduledBackup", "improvement-db-daily"));
        assertViolation("ScheduledBackup request-db-daily uses volumeSnapshot, not method plugin with barman-cloud.cloudnative-pg.io",
                Edit.base().change("ScheduledBackup", "request-db-daily", b -> at(b, "spec").put("method", "volumeSnapshot")));
        assertViolation("ScheduledBackup request-db-daily backs up Cluster request, which does not exist",
                Edit.base().change("ScheduledBackup", "request-db-daily", b -> at(b, "spec.cluster").put("name", "request")));
    }

    @Test
    void backupCredentialsMustBeDocumented() {
        assertViolation("ObjectStore request-db-backups: Secret s3-creds is neither in the manifests",
                Edit.base().change("ObjectStore", "request-db-backups", o -> at(o, "spec.configuration.s3Credentials.accessKeyId")
                        .put("name", "s3-creds")));
    }

    @Test
    void theDeprecatedInTreeBarmanObjectStoreIsRefused() {
        assertViolation("Cluster request-db uses the deprecated in-tree barmanObjectStore",
                Edit.base().change("Cluster", "request-db", c -> at(c, "spec").putObject("backup").putObject("barmanObjectStore")
                        .put("destinationPath", "s3://hrloop-backups/request-db")));
    }

    @Test
    void aClusterMustArchiveWalThroughThePluginToAnExistingObjectStore() {
        assertViolation("Cluster feedback-db archives no WAL through the Barman Cloud plugin",
                Edit.base().change("Cluster", "feedback-db", c -> at(c, "spec.plugins[0]").put("isWALArchiver", false)));
        assertViolation("Cluster feedback-db archives to ObjectStore feedback-backups, which does not exist",
                Edit.base().change("Cluster", "feedback-db", c -> at(c, "spec.plugins[0].parameters").put("barmanObjectName", "feedback-backups")));
    }

    @Test
    void backupsMustExpireAndInstancesSpreadOverZones() {
        assertViolation("ObjectStore improvement-db-backups keeps backups forever (no retentionPolicy)",
                Edit.base().change("ObjectStore", "improvement-db-backups", o -> at(o, "spec").remove("retentionPolicy")));
        assertViolation("Cluster improvement-db does not spread its instances across zones (affinity.topologyKey kubernetes.io/hostname)",
                Edit.base().change("Cluster", "improvement-db", c -> at(c, "spec.affinity").put("topologyKey", "kubernetes.io/hostname")));
    }
}
