package io.hrloop.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * No secret in git: no Secret object, no credential-named field with a literal value, nothing that looks
 * like key material or a base64 blob, no key or keystore file. Secrets are referenced by name only.
 */
final class SecretHygiene {

    /** Field names that carry a credential when their value is a plain string. */
    static final Pattern CREDENTIAL_FIELD = Pattern.compile(
            "(?i).*(password|passwd|token|jaas\\.config|jaas|credentials?|private[-_.]?key|api[-_]?key|access[-_]?key(id)?)$");
    static final Pattern BASE64_BLOB = Pattern.compile("^[A-Za-z0-9+/]{40,}={0,2}$");
    static final Pattern KEY_FILE = Pattern.compile("(?i).*\\.(pem|key|crt|p12|pfx|jks|keystore|env)$");

    private SecretHygiene() {
    }

    static List<String> check(List<Manifest> documents) {
        List<String> violations = new ArrayList<>();
        for (Manifest document : documents) {
            if (document.is("Secret")) {
                violations.add(document + " is a Secret in git: reference it by name and create it in the cluster");
            }
            walk(document.source(), "", document.node(), violations);
        }
        return violations;
    }

    private static void walk(String source, String path, JsonNode node, List<String> violations) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String child = path + "." + field.getKey();
                JsonNode value = field.getValue();
                if (value.isTextual() && CREDENTIAL_FIELD.matcher(field.getKey()).matches()) {
                    violations.add(source + " " + child + " holds a literal credential");
                }
                walk(source, child, value, violations);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(source, path + "[" + i + "]", node.get(i), violations);
            }
        } else if (node.isTextual()) {
            String text = node.asText();
            if (text.contains("-----BEGIN")) {
                violations.add(source + " " + path + " holds key or certificate material");
            } else if (BASE64_BLOB.matcher(text).matches()) {
                violations.add(source + " " + path + " holds what looks like a base64-encoded secret");
            }
        }
    }

    /** Every file under the directory, whether or not a kustomization uses it. */
    static List<String> scanFiles(Path root) {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = root.relativize(file).toString();
                if (KEY_FILE.matcher(name).matches()) {
                    violations.add(name + " looks like a key, certificate or credentials file");
                } else if (Files.readString(file).contains("-----BEGIN")) {
                    violations.add(name + " contains key or certificate material");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return violations;
    }
}
