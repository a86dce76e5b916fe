package io.hrloop.testsupport;

import java.util.HashMap;
import java.util.Map;

import io.hrloop.infra.Postgres;
import io.hrloop.infra.TokenIssuer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a {@code @QuarkusTest} application at the real Kafka broker, PostgreSQL server and SMTP server of
 * this test JVM, and at the public key of {@link TokenIssuer}. Use it through {@link Tokens} for tokens.
 */
public class RealInfrastructureResource implements QuarkusTestResourceLifecycleManager {

    private String database = "hrloop";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        TestInfrastructure infra = TestInfrastructure.get();
        infra.postgres().ensureDatabase(database);
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", infra.postgres().jdbcUrl(database));
        config.put("quarkus.datasource.username", Postgres.USER);
        config.put("quarkus.datasource.password", Postgres.PASSWORD);
        config.put("kafka.bootstrap.servers", infra.kafka().bootstrapServers());
        config.put("mp.jwt.verify.publickey.location", infra.tokens().publicKeyFile().toUri().toString());
        config.put("mp.jwt.verify.issuer", TokenIssuer.ISSUER);
        config.put("mp.jwt.verify.audiences", TokenIssuer.AUDIENCE);
        // Mail goes to the real SMTP server of this JVM (the test profile turns Quarkus's mock mailer off).
        config.put("quarkus.mailer.host", infra.mail().host());
        config.put("quarkus.mailer.port", Integer.toString(infra.mail().smtpPort()));
        return config;
    }

    @Override
    public void stop() {
        // The servers outlive each test class; TestInfrastructure stops them when the JVM exits.
    }
}
