package io.hrloop.deploy;

import static io.hrloop.deploy.WorkloadPolicies.orEmpty;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;

import io.hrloop.deploy.Repo.ServiceModule;

/**
 * The public entrance: the HTTPRoute sends every /api/v1 path a service serves (the first segment of every path
 * of its committed OpenAPI document, api/&lt;service&gt;.yaml, which the services' tests hold equal to what they
 * serve, including what common adds such as the dead-letter API; without a document, its resources' @Path
 * annotations read from the sources) to that service's Service and nothing else; a path
 * several services serve is routed per service and rewritten; a public page outside /api/v1 (feedback-service's
 * /answer, the survey mail's link; hidden from the OpenAPI document, so read from the sources) is routed by its
 * first segment to the service that serves it; the route hangs off an HTTPS listener of a
 * Gateway of these manifests, whose certificate cert-manager issues for the route's host names.
 */
final class TrafficPolicies {

    static final String API = "/api/v1";
    /**
     * The operator API every consuming service serves (deploy/README.md, "Replay dead letters"), routed per
     * service even before a service's sources declare it.
     */
    static final Set<String> PER_SERVICE_SEGMENTS = Set.of("dead-letters");
    private static final Pattern PATH = Pattern.compile("@Path\\(\"([^\"]*)\"\\)");

    /** Where one path prefix of a route goes, and whether it is rewritten. */
    record Route(String prefix, String service, int port, String rewrite, String source) {
    }

    private final ManifestSet set;
    private final List<ServiceModule> services;

    TrafficPolicies(ManifestSet set, List<ServiceModule> services) {
        this.set = set;
        this.services = services;
    }

    List<String> check() {
        List<String> violations = new ArrayList<>();
        List<Manifest> routes = set.ofKind("HTTPRoute");
        if (routes.isEmpty()) {
            if (!set.deployments().isEmpty()) {
                violations.add("no HTTPRoute: the API is not reachable from outside the cluster");
            }
            return violations;
        }
        List<Route> table = new ArrayList<>();
        for (Manifest route : routes) {
            table.addAll(routes(route, violations));
            attachment(route, violations);
        }
        Map<String, Set<String>> servedBy = new TreeMap<>();
        for (ServiceModule service : services) {
            segments(service).forEach(segment -> servedBy.computeIfAbsent(segment, s -> new TreeSet<>()).add(service.name()));
        }
        PER_SERVICE_SEGMENTS.forEach(segment -> servedBy.putIfAbsent(segment, Set.of()));
        servedBy.forEach((segment, owners) -> {
            boolean perService = owners.size() > 1 || PER_SERVICE_SEGMENTS.contains(segment);
            for (String owner : owners) {
                String prefix = perService ? API + "/" + segment + "/" + owner : API + "/" + segment;
                String rewrite = perService ? API + "/" + segment : null;
                boolean routed = table.stream().anyMatch(r -> r.prefix().equals(prefix) && r.service().equals(owner)
                        && java.util.Objects.equals(r.rewrite(), rewrite));
                if (!routed) {
                    violations.add(owner + " serves " + API + "/" + segment + " but no HTTPRoute routes " + prefix + " to it"
                            + (rewrite == null ? "" : " (rewritten to " + rewrite + ")"));
                }
            }
        });
        Map<String, String> pages = new TreeMap<>();
        for (ServiceModule service : services) {
            pages(service).forEach(page -> pages.put(page, service.name()));
        }
        pages.forEach((page, owner) -> {
            if (table.stream().noneMatch(r -> r.prefix().equals(page) && r.service().equals(owner) && r.rewrite() == null)) {
                violations.add(owner + " serves the page " + page + " but no HTTPRoute routes " + page + " to it");
            }
        });
        for (Route route : table) {
            if (!route.prefix().startsWith(API + "/") && route.service().equals(pages.get(route.prefix()))
                    && route.rewrite() == null) {
                continue; // a public page, routed to the service that serves it
            }
            String rest = route.prefix().startsWith(API + "/") ? route.prefix().substring(API.length() + 1) : "";
            String segment = rest.split("/")[0];
            Set<String> owners = servedBy.getOrDefault(segment, Set.of());
            boolean perService = owners.size() > 1 || PER_SERVICE_SEGMENTS.contains(segment);
            String expected = perService ? API + "/" + segment + "/" + route.service() : API + "/" + segment;
            if (segment.isEmpty() || !route.prefix().equals(expected)
                    || (!owners.isEmpty() && !owners.contains(route.service()))) {
                violations.add(route.source() + " routes " + route.prefix() + " to " + route.service()
                        + ", which does not serve it there");
            }
        }
        Map<String, String> targets = new HashMap<>();
        for (Route route : table) {
            String previous = targets.put(route.prefix(), route.service());
            if (previous != null && !previous.equals(route.service())) {
                violations.add("HTTPRoutes send " + route.prefix() + " to both " + previous + " and " + route.service());
            }
        }
        return violations;
    }

    /** The first /api/v1 segment of every path the service serves. */
    static Set<String> segments(ServiceModule service) {
        java.nio.file.Path document = Repo.root().resolve("api").resolve(service.name() + ".yaml");
        if (java.nio.file.Files.isRegularFile(document)) {
            Set<String> segments = new TreeSet<>();
            Yaml.read(document, Repo.root()).forEach(manifest -> manifest.node().path("paths").fieldNames()
                    .forEachRemaining(path -> {
                        if (path.startsWith(API + "/")) {
                            segments.add(path.substring(API.length() + 1).split("/")[0]);
                        }
                    }));
            return segments;
        }
        return paths(service, false);
    }

    /** The public pages outside /api/v1 (a class-level @Path such as /answer/{token}): "/" and their first segment. */
    static Set<String> pages(ServiceModule service) {
        return paths(service, true);
    }

    private static Set<String> paths(ServiceModule service, boolean pages) {
        Set<String> segments = new TreeSet<>();
        for (var file : service.javaSources()) {
            String source = Repo.read(file);
            int classAt = source.indexOf(" class ");
            String classPath = null;
            List<String> methodPaths = new ArrayList<>();
            Matcher path = PATH.matcher(source);
            while (path.find()) {
                if (classAt < 0 || path.start() < classAt) {
                    classPath = path.group(1);
                } else {
                    methodPaths.add(path.group(1));
                }
            }
            boolean api = classPath != null && (classPath.equals(API) || classPath.startsWith(API + "/"));
            if (pages) {
                String first = classPath == null ? "" : classPath.replaceFirst("^/", "").split("/")[0];
                if (!api && !first.isEmpty() && !first.equals("q") && !first.startsWith("{")) {
                    segments.add("/" + first);
                }
                continue;
            }
            if (!api) {
                continue;
            }
            if (classPath.equals(API)) {
                methodPaths.forEach(p -> segments.add(p.replaceFirst("^/", "").split("/")[0]));
            } else {
                segments.add(classPath.substring(API.length() + 1).split("/")[0]);
            }
        }
        return segments;
    }

    /** The prefixes of one HTTPRoute, each with the HR Loop service behind its backend Service. */
    private List<Route> routes(Manifest route, List<String> violations) {
        List<Route> table = new ArrayList<>();
        for (JsonNode rule : route.spec().path("rules")) {
            String rewrite = null;
            for (JsonNode filter : rule.path("filters")) {
                if ("URLRewrite".equals(filter.path("type").asText())) {
                    rewrite = filter.path("urlRewrite").path("path").path("replacePrefixMatch").asText(null);
                }
            }
            JsonNode backends = rule.path("backendRefs");
            if (backends.size() != 1) {
                violations.add("HTTPRoute " + route.name() + " has a rule with " + backends.size() + " backends; one service per prefix");
                continue;
            }
            JsonNode backend = backends.get(0);
            String serviceName = backend.path("name").asText();
            int port = backend.path("port").asInt();
            Optional<String> owner = owner(serviceName, port);
            if (owner.isEmpty()) {
                violations.add("HTTPRoute " + route.name() + " sends traffic to " + serviceName + ":" + port
                        + ", which is no Service port forwarding to a Deployment's http port");
                continue;
            }
            for (JsonNode match : rule.path("matches")) {
                JsonNode path = match.path("path");
                if (!"PathPrefix".equals(path.path("type").asText("PathPrefix"))) {
                    violations.add("HTTPRoute " + route.name() + " matches " + path.path("value").asText() + " by "
                            + path.path("type").asText() + ", not PathPrefix");
                }
                table.add(new Route(path.path("value").asText("/"), owner.get(), port, rewrite, "HTTPRoute " + route.name()));
            }
        }
        return table;
    }

    /** The Deployment whose pods a Service port reaches on their http port. */
    private Optional<String> owner(String serviceName, int port) {
        Optional<Service> service = set.services().stream().filter(s -> s.getMetadata().getName().equals(serviceName)).findFirst();
        if (service.isEmpty()) {
            return Optional.empty();
        }
        Optional<ServicePort> servicePort = orEmpty(service.get().getSpec().getPorts()).stream()
                .filter(p -> p.getPort() == port).findFirst();
        for (Deployment deployment : set.deployments()) {
            var container = deployment.getSpec().getTemplate().getSpec().getContainers().getFirst();
            if (servicePort.isPresent() && ManifestSet.selects(service.get().getSpec().getSelector(), WorkloadPolicies.podLabels(deployment))
                    && WorkloadPolicies.port(container, servicePort.get().getTargetPort())
                            .map(p -> WorkloadPolicies.HTTP.equals(p.getName())).orElse(false)) {
                return Optional.of(deployment.getMetadata().getName());
            }
        }
        return Optional.empty();
    }

    /** The route's Gateway listener is HTTPS, serves its host names, and has a cert-manager certificate for them. */
    private void attachment(Manifest route, List<String> violations) {
        for (JsonNode parent : route.spec().path("parentRefs")) {
            String where = "HTTPRoute " + route.name();
            if (parent.has("namespace")) {
                continue; // a shared Gateway of another namespace: deploy/README.md, "Traffic"
            }
            Optional<Manifest> gateway = set.find("Gateway", parent.path("name").asText());
            if (gateway.isEmpty()) {
                violations.add(where + " attaches to Gateway " + parent.path("name").asText() + ", which is not in the manifests");
                continue;
            }
            for (JsonNode listener : gateway.get().spec().path("listeners")) {
                if (parent.has("sectionName") && !parent.path("sectionName").asText().equals(listener.path("name").asText())) {
                    continue;
                }
                String listenerName = "Gateway " + gateway.get().name() + " listener " + listener.path("name").asText();
                if (!"HTTPS".equals(listener.path("protocol").asText())) {
                    violations.add(where + " is served by " + listenerName + " over " + listener.path("protocol").asText() + ", not HTTPS");
                    continue;
                }
                String hostname = listener.path("hostname").asText("");
                for (JsonNode host : route.spec().path("hostnames")) {
                    if (!hostname.isEmpty() && !hostname.equals(host.asText())) {
                        violations.add(where + " serves " + host.asText() + " but " + listenerName + " only " + hostname);
                    }
                }
                for (JsonNode ref : listener.path("tls").path("certificateRefs")) {
                    certificate(listenerName, ref.path("name").asText(), hostname, violations);
                }
            }
        }
    }

    private void certificate(String listener, String secret, String hostname, List<String> violations) {
        Optional<Manifest> certificate = set.ofKind("Certificate").stream()
                .filter(c -> secret.equals(c.spec().path("secretName").asText())).findFirst();
        if (certificate.isEmpty()) {
            violations.add(listener + " presents Secret " + secret + ", which no cert-manager Certificate issues");
            return;
        }
        List<String> dnsNames = new ArrayList<>();
        certificate.get().spec().path("dnsNames").forEach(n -> dnsNames.add(n.asText()));
        if (!hostname.isEmpty() && !dnsNames.contains(hostname)) {
            violations.add("Certificate " + certificate.get().name() + " covers " + dnsNames + " but " + listener + " serves " + hostname);
        }
        JsonNode issuer = certificate.get().spec().path("issuerRef");
        if ("Issuer".equals(issuer.path("kind").asText("Issuer")) && set.find("Issuer", issuer.path("name").asText()).isEmpty()) {
            violations.add("Certificate " + certificate.get().name() + " names Issuer " + issuer.path("name").asText()
                    + ", which is not in the manifests (a ClusterIssuer is the platform team's)");
        }
    }
}
