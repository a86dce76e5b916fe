package io.hrloop.deploy;

import static io.hrloop.deploy.WorkloadPolicies.orEmpty;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * How each Deployment gets its configuration: every variable the services read is set, credentials come
 * only from Secrets, every referenced Secret and ConfigMap exists (or an operator or the README provides
 * it), every file a setting points to is mounted, and images are named the kustomize way.
 */
final class WiringPolicies {

    /**
     * The variables every service needs in Kubernetes: what application.properties reads, the management
     * port, JSON logs, the trace collector and the mail relay (deploy/README.md, "How the services are configured").
     */
    static final List<String> SERVICE_ENV = List.of("HRLOOP_DB_URL", "HRLOOP_DB_USER", "HRLOOP_DB_PASSWORD",
            "HRLOOP_KAFKA_BOOTSTRAP", "HRLOOP_JWT_PUBLIC_KEY", "HRLOOP_JWT_ISSUER", "HRLOOP_JWT_AUDIENCE",
            "QUARKUS_HTTP_PORT", "QUARKUS_MANAGEMENT_PORT", "QUARKUS_LOG_CONSOLE_JSON_ENABLED",
            "QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", "QUARKUS_MAILER_HOST", "QUARKUS_MAILER_FROM");
    static final Set<String> FROM_SECRET = Set.of("HRLOOP_DB_USER", "HRLOOP_DB_PASSWORD", "KAFKA_SASL_JAAS_CONFIG",
            "QUARKUS_MAILER_USERNAME", "QUARKUS_MAILER_PASSWORD");
    static final Pattern SENSITIVE = Pattern.compile("(?i).*(password|passwd|secret|token|jaas|credential|private).*");
    private static final Pattern ROOT_CERT = Pattern.compile("[?&]sslrootcert=([^&]+)");

    /** One environment variable as the container will see it. */
    record Env(String name, String literal, String secret, String origin) {
    }

    private final ManifestSet set;
    private final Provided provided;
    private final Set<String> imageNames;
    private final boolean rendered;

    /**
     * @param imageNames the kustomize image names of the base (source manifests must use exactly these)
     * @param rendered   true for kubectl kustomize output, where images carry registry and tag
     */
    WiringPolicies(ManifestSet set, Provided provided, Set<String> imageNames, boolean rendered) {
        this.set = set;
        this.provided = provided;
        this.imageNames = imageNames;
        this.rendered = rendered;
    }

    List<String> check() {
        List<String> violations = new ArrayList<>();
        for (Deployment deployment : set.deployments()) {
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            for (Container container : pod.getContainers()) {
                String where = "Deployment " + deployment.getMetadata().getName() + " container " + container.getName();
                references(where, container, violations);
                Map<String, Env> env = environment(set, container);
                for (String name : SERVICE_ENV) {
                    if (!env.containsKey(name)) {
                        violations.add(where + " does not set " + name);
                    }
                }
                env.values().forEach(e -> credentials(where, e, violations));
                volumes(where, pod, violations);
                mountedFiles(where, pod, container, env, violations);
                port(where, container, env, WorkloadPolicies.HTTP, "QUARKUS_HTTP_PORT", violations);
                port(where, container, env, WorkloadPolicies.MANAGEMENT, "QUARKUS_MANAGEMENT_PORT", violations);
                identity(where, env, violations);
                browserAccess(where, env, violations);
                if (!"true".equals(literal(env, "QUARKUS_LOG_CONSOLE_JSON_ENABLED").orElse(null))) {
                    violations.add(where + " does not log JSON (QUARKUS_LOG_CONSOLE_JSON_ENABLED is not \"true\")");
                }
                image(where, container, violations);
            }
        }
        for (ConfigMap map : set.typed("ConfigMap", ConfigMap.class)) {
            orEmpty(map.getData()).keySet().stream().filter(key -> SENSITIVE.matcher(key).matches())
                    .forEach(key -> violations.add("ConfigMap " + map.getMetadata().getName() + " holds " + key
                            + ": credentials belong in a Secret"));
        }
        return violations;
    }

    /** The environment as the kubelet builds it: envFrom first, then env, which overrides it. */
    static Map<String, Env> environment(ManifestSet set, Container container) {
        Map<String, Env> env = new LinkedHashMap<>();
        for (EnvFromSource from : orEmpty(container.getEnvFrom())) {
            String prefix = from.getPrefix() == null ? "" : from.getPrefix();
            if (from.getConfigMapRef() != null) {
                String name = from.getConfigMapRef().getName();
                set.configMap(name).ifPresent(map -> orEmpty(map.getData()).forEach((key, value) ->
                        env.put(prefix + key, new Env(prefix + key, value, null, "ConfigMap " + name))));
            }
        }
        for (EnvVar var : orEmpty(container.getEnv())) {
            var from = var.getValueFrom();
            if (from == null) {
                env.put(var.getName(), new Env(var.getName(), var.getValue(), null, "a literal value"));
            } else if (from.getSecretKeyRef() != null) {
                String secret = from.getSecretKeyRef().getName();
                env.put(var.getName(), new Env(var.getName(), null, secret, "Secret " + secret));
            } else if (from.getConfigMapKeyRef() != null) {
                var ref = from.getConfigMapKeyRef();
                String value = set.configMap(ref.getName()).map(m -> orEmpty(m.getData()).get(ref.getKey())).orElse(null);
                env.put(var.getName(), new Env(var.getName(), value, null, "ConfigMap " + ref.getName()));
            } else {
                env.put(var.getName(), new Env(var.getName(), null, null, "the downward API"));
            }
        }
        return env;
    }

    /** Every Secret and ConfigMap the environment names must exist, with the key named. */
    private void references(String where, Container container, List<String> violations) {
        for (EnvFromSource from : orEmpty(container.getEnvFrom())) {
            if (from.getConfigMapRef() != null) {
                provided.configMap(from.getConfigMapRef().getName(), null).ifPresent(p -> violations.add(where + ": " + p));
            }
            if (from.getSecretRef() != null) {
                violations.add(where + " imports a whole Secret (" + from.getSecretRef().getName()
                        + "): name each credential with secretKeyRef");
            }
        }
        for (EnvVar var : orEmpty(container.getEnv())) {
            if (var.getValueFrom() != null && var.getValueFrom().getSecretKeyRef() != null) {
                var ref = var.getValueFrom().getSecretKeyRef();
                provided.secret(ref.getName(), ref.getKey()).ifPresent(p -> violations.add(where + " " + var.getName() + ": " + p));
            }
            if (var.getValueFrom() != null && var.getValueFrom().getConfigMapKeyRef() != null) {
                var ref = var.getValueFrom().getConfigMapKeyRef();
                provided.configMap(ref.getName(), ref.getKey()).ifPresent(p -> violations.add(where + " " + var.getName() + ": " + p));
            }
        }
    }

    private static void credentials(String where, Env env, List<String> violations) {
        boolean mustBeSecret = FROM_SECRET.contains(env.name()) || SENSITIVE.matcher(env.name()).matches();
        if (mustBeSecret && env.secret() == null) {
            violations.add(where + " takes " + env.name() + " from " + env.origin() + ", not from a Secret");
        }
        if (env.literal() != null && env.literal().matches("(?i).*(password=|://[^/@\\s]+:[^/@\\s]+@).*")) {
            violations.add(where + " " + env.name() + " carries a password in its value");
        }
    }

    private void volumes(String where, PodSpec pod, List<String> violations) {
        for (Volume volume : orEmpty(pod.getVolumes())) {
            if (volume.getSecret() != null) {
                for (String key : keys(volume.getSecret().getItems())) {
                    provided.secret(volume.getSecret().getSecretName(), key).ifPresent(p -> violations.add(where + " volume " + volume.getName() + ": " + p));
                }
            }
            if (volume.getConfigMap() != null) {
                for (String key : keys(volume.getConfigMap().getItems())) {
                    provided.configMap(volume.getConfigMap().getName(), key).ifPresent(p -> violations.add(where + " volume " + volume.getName() + ": " + p));
                }
            }
        }
    }

    /** The items' keys, or a single null (any key) when the whole object is mounted. */
    private static List<String> keys(List<KeyToPath> items) {
        List<String> keys = new ArrayList<>();
        orEmpty(items).forEach(item -> keys.add(item.getKey()));
        if (keys.isEmpty()) {
            keys.add(null);
        }
        return keys;
    }

    /** Settings that name a file (JWT key, Kafka CA, PostgreSQL CA) must name a mounted one. */
    private static void mountedFiles(String where, PodSpec pod, Container container, Map<String, Env> env,
            List<String> violations) {
        List<String> files = new ArrayList<>();
        literal(env, "HRLOOP_JWT_PUBLIC_KEY").filter(v -> v.startsWith("file:") || v.startsWith("/"))
                .map(v -> v.replaceFirst("^file:", "")).ifPresent(files::add);
        literal(env, "KAFKA_SSL_TRUSTSTORE_LOCATION").ifPresent(files::add);
        literal(env, "HRLOOP_DB_URL").map(ROOT_CERT::matcher).filter(Matcher::find).map(m -> m.group(1)).ifPresent(files::add);
        for (String file : files) {
            if (!mounted(pod, container, file)) {
                violations.add(where + " reads " + file + ", which no volume of the pod provides");
            }
        }
    }

    private static boolean mounted(PodSpec pod, Container container, String file) {
        for (VolumeMount mount : orEmpty(container.getVolumeMounts())) {
            String dir = mount.getMountPath().endsWith("/") ? mount.getMountPath() : mount.getMountPath() + "/";
            if (!file.startsWith(dir)) {
                continue;
            }
            String relative = file.substring(dir.length());
            Optional<Volume> volume = WorkloadPolicies.volume(pod, mount.getName());
            List<KeyToPath> items = volume.map(v -> v.getSecret() != null ? v.getSecret().getItems()
                    : v.getConfigMap() != null ? v.getConfigMap().getItems() : null).orElse(null);
            if (volume.isPresent() && (items == null || items.isEmpty()
                    || items.stream().anyMatch(item -> relative.equals(item.getPath())))) {
                return true;
            }
        }
        return false;
    }

    /** The port Quarkus is told to listen on must be the container port of that name. */
    private static void port(String where, Container container, Map<String, Env> env, String portName, String variable,
            List<String> violations) {
        Integer port = WorkloadPolicies.port(container, new IntOrString(portName))
                .map(p -> p.getContainerPort()).orElse(null);
        String configured = literal(env, variable).orElse("(unset)");
        if (port == null || !configured.equals(String.valueOf(port))) {
            violations.add(where + " listens on " + configured + " (" + variable + ") but declares " + portName + " port " + port);
        }
    }

    /** Tokens are checked against the identity provider's published keys, so that keys rotate without a restart. */
    private static void identity(String where, Map<String, Env> env, List<String> violations) {
        String key = literal(env, "HRLOOP_JWT_PUBLIC_KEY").orElse("");
        if (!key.startsWith("https://")) {
            violations.add(where + " verifies tokens with " + key + ", not the identity provider's JWKS URL (https://...)");
        }
        String issuer = literal(env, "HRLOOP_JWT_ISSUER").orElse("");
        if (!issuer.startsWith("https://")) {
            violations.add(where + " trusts the issuer " + issuer + ", which is not an https:// URL");
        }
    }

    /** CORS is on only with explicit origins: a wildcard would let any web page call the API with a user's token. */
    private static void browserAccess(String where, Map<String, Env> env, List<String> violations) {
        boolean enabled = "true".equals(literal(env, "HRLOOP_CORS_ENABLED").orElse(null));
        String origins = literal(env, "QUARKUS_HTTP_CORS_ORIGINS").orElse("");
        if (enabled && origins.isBlank()) {
            violations.add(where + " enables CORS without QUARKUS_HTTP_CORS_ORIGINS");
        }
        if (origins.contains("*") || origins.equals("/.*/")) {
            violations.add(where + " allows CORS from any origin (" + origins + ")");
        }
        for (String origin : origins.isBlank() ? new String[0] : origins.split(",")) {
            String trimmed = origin.trim();
            if (!trimmed.startsWith("/") && !trimmed.startsWith("https://")) {
                violations.add(where + " allows the CORS origin " + trimmed + ", which is not https://");
            }
        }
    }

    private void image(String where, Container container, List<String> violations) {
        String image = container.getImage();
        if (!rendered && !imageNames.contains(image)) {
            violations.add(where + " uses image " + image + ", not one of the kustomize image names " + imageNames
                    + " (registry and tag belong in the kustomization)");
        }
        if (rendered) {
            String lastPart = image.substring(image.lastIndexOf('/') + 1);
            if (!image.contains("@sha256:") && (!lastPart.contains(":") || lastPart.endsWith(":latest"))) {
                violations.add(where + " uses image " + image + " without a fixed tag or digest");
            }
        }
    }

    private static Optional<String> literal(Map<String, Env> env, String name) {
        return Optional.ofNullable(env.get(name)).map(Env::literal);
    }
}
