package io.hrloop.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;

import io.smallrye.jwt.build.Jwt;

/**
 * Signs real RS256 bearer tokens with a key pair generated at start; only the public key is written
 * to disk (for the services' mp.jwt.verify.publickey.location). Nothing here is ever committed.
 */
public final class TokenIssuer {

    public static final String ISSUER = "https://hrloop.local/issuer";
    public static final String AUDIENCE = "hrloop";

    private final KeyPair keyPair;
    private final Path publicKeyFile;

    public TokenIssuer(Path directory) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            this.keyPair = generator.generateKeyPair();
            Files.createDirectories(directory);
            this.publicKeyFile = directory.resolve("jwt-public.pem");
            String pem = "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keyPair.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n";
            Files.writeString(publicKeyFile, pem);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path publicKeyFile() {
        return publicKeyFile;
    }

    /** A token for {@code personId} with the given team (may be null) and roles, valid for {@code lifetime}. */
    public String issue(String personId, String team, Duration lifetime, String... roles) {
        return issue(personId, team, null, lifetime, roles);
    }

    /** As {@link #issue(String, String, Duration, String...)}, with the person's address in {@code email}. */
    public String issue(String personId, String team, String email, Duration lifetime, String... roles) {
        return issue(personId, team, email, null, lifetime, roles);
    }

    /** As above, with the person's preferred language (a BCP 47 tag such as {@code de}) in {@code locale}. */
    public String issue(String personId, String team, String email, String locale, Duration lifetime, String... roles) {
        var builder = Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(personId)
                .upn(personId)
                .groups(new HashSet<>(Arrays.asList(roles)))
                .expiresIn(lifetime);
        if (team != null) {
            builder.claim("team", team);
        }
        if (email != null) {
            builder.claim("email", email);
        }
        if (locale != null) {
            builder.claim("locale", locale);
        }
        return builder.jws().keyId("hrloop-local").sign(keyPair.getPrivate());
    }

    public String issue(String personId, String team, String... roles) {
        return issue(personId, team, Duration.ofHours(2), roles);
    }
}
