package io.hrloop.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.hrloop.deploy.Repo.ServiceModule;

/** All cross-manifest policies over one build, with the repository facts they are checked against. */
final class Policies {

    private Policies() {
    }

    /** @param rendered true for kubectl kustomize output (images then carry registry and tag) */
    static List<String> check(List<Manifest> documents, boolean rendered) {
        ManifestSet set = new ManifestSet(documents);
        List<ServiceModule> services = Repo.services();
        Provided provided = Provided.by(set, Repo.readme());
        List<String> violations = new ArrayList<>();
        violations.addAll(modules(set, services));
        violations.addAll(new WorkloadPolicies(set).check());
        violations.addAll(new WiringPolicies(set, provided, baseImageNames(), rendered).check());
        violations.addAll(new KafkaPolicies(set, services, Repo.eventTopics()).check());
        violations.addAll(new DatabasePolicies(set, services, provided).check());
        Set<String> serviceNames = new TreeSet<>();
        services.forEach(s -> serviceNames.add(s.name()));
        violations.addAll(new MonitoringPolicies(set, MonitoringPolicies.MonitoredMetrics.load(), serviceNames, Repo.readme()).check());
        violations.addAll(new TrafficPolicies(set, services).check());
        violations.addAll(SecretHygiene.check(documents));
        return violations;
    }

    /** One Deployment per service module, and no Deployment without a module. */
    static List<String> modules(ManifestSet set, List<ServiceModule> services) {
        Set<String> deployments = new TreeSet<>();
        set.ofKind("Deployment").forEach(d -> deployments.add(d.name()));
        Set<String> modules = new TreeSet<>();
        services.forEach(s -> modules.add(s.name()));
        List<String> violations = new ArrayList<>();
        if (!deployments.equals(modules)) {
            violations.add("Deployments " + deployments + " do not match the service modules " + modules);
        }
        return violations;
    }

    /** The kustomize image names declared by the base kustomization. */
    static Set<String> baseImageNames() {
        Set<String> names = new TreeSet<>();
        Yaml.read(Repo.base().resolve(Kustomize.FILE), Repo.k8s()).getFirst().node().path("images")
                .forEach(image -> names.add(image.path("name").asText()));
        return names;
    }
}
