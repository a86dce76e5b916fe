package io.hrloop.deploy;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/**
 * The core Kubernetes kinds, checked against the fabric8 typed model the way {@code kubectl apply
 * --validate=strict} checks them: an unknown or misspelled field, or a value of the wrong JSON type
 * (a number where the API wants a string), is an error.
 *
 * <p>The fabric8 classes collect unknown fields in an {@code @JsonAnySetter} map, which would make
 * FAIL_ON_UNKNOWN_PROPERTIES a no-op; the introspector below switches that map off.
 */
final class CoreModel {

    static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "v1 Namespace", Namespace.class,
            "v1 ServiceAccount", ServiceAccount.class,
            "v1 ConfigMap", ConfigMap.class,
            "v1 Secret", Secret.class,
            "v1 Service", Service.class,
            "apps/v1 Deployment", Deployment.class,
            "autoscaling/v2 HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "policy/v1 PodDisruptionBudget", PodDisruptionBudget.class,
            "networking.k8s.io/v1 NetworkPolicy", NetworkPolicy.class);

    private static final ObjectMapper STRICT = strictMapper();

    private CoreModel() {
    }

    static boolean knows(Manifest manifest) {
        return KINDS.containsKey(manifest.type());
    }

    /** The problems of one document of a core kind; empty when it is valid. */
    static List<String> validate(Manifest manifest) {
        Class<? extends HasMetadata> type = KINDS.get(manifest.type());
        if (type == null) {
            return List.of(manifest.source() + ": no typed model for " + manifest.type());
        }
        return problem(manifest.source(), manifest.node(), type);
    }

    /** The metadata of a custom resource, which its CRD schema leaves open, checked as ObjectMeta. */
    static List<String> validateMetadata(Manifest manifest) {
        return problem(manifest.source(), manifest.node().path("metadata"), ObjectMeta.class);
    }

    /** A validated document as its typed object (for the policy checks). */
    static <T extends HasMetadata> T as(Manifest manifest, Class<T> type) {
        try {
            return STRICT.treeToValue(manifest.node(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(manifest.source() + ": " + e.getOriginalMessage(), e);
        }
    }

    private static List<String> problem(String source, JsonNode node, Class<?> type) {
        try {
            STRICT.treeToValue(node, type);
            return List.of();
        } catch (JsonMappingException e) {
            return List.of(source + ": " + path(e) + ": " + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (JsonProcessingException e) {
            return List.of(source + ": " + e.getOriginalMessage());
        }
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            } else {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            }
        }
        return path.isEmpty() ? "(document)" : path.toString();
    }

    private static ObjectMapper strictMapper() {
        JsonMapper mapper = JsonMapper.builder()
                .annotationIntrospector(new JacksonAnnotationIntrospector() {
                    @Override
                    public Boolean hasAnySetter(Annotated annotated) {
                        // fabric8's catch-all for unknown fields: without it they are reported.
                        return Boolean.FALSE;
                    }
                })
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        // The API server refuses 8080 where it wants "8080" (annotations, env values) and the reverse.
        for (CoercionInputShape shape : List.of(CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean)) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        return mapper;
    }
}
