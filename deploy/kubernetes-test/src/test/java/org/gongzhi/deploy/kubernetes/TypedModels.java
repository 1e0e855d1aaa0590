package org.gongzhi.deploy.kubernetes;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one Kubernetes object into its typed model and reports every field the model does not know. fabric8's and
 * Strimzi's model classes keep unknown fields in {@code additionalProperties} instead of refusing them, so after
 * reading, every model object reached is asked for them; the CloudNativePG records refuse unknown fields outright.
 */
final class TypedModels {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    /** apiVersion/kind → its typed model. Anything else is refused. */
    static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("v1/ServiceAccount", io.fabric8.kubernetes.api.model.ServiceAccount.class),
            Map.entry("v1/Service", io.fabric8.kubernetes.api.model.Service.class),
            Map.entry("v1/Secret", io.fabric8.kubernetes.api.model.Secret.class),
            Map.entry("apps/v1/Deployment", io.fabric8.kubernetes.api.model.apps.Deployment.class),
            Map.entry("policy/v1/PodDisruptionBudget", io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler",
                    io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler.class),
            Map.entry("networking.k8s.io/v1/Ingress", io.fabric8.kubernetes.api.model.networking.v1.Ingress.class),
            Map.entry("kafka.strimzi.io/v1beta2/Kafka", StrimziModels.KAFKA),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaNodePool", StrimziModels.KAFKA_NODE_POOL),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaTopic", StrimziModels.KAFKA_TOPIC),
            Map.entry("postgresql.cnpg.io/v1/Cluster", CloudNativePg.Cluster.class),
            Map.entry("postgresql.cnpg.io/v1/Database", CloudNativePg.Database.class));

    private TypedModels() {
    }

    static String type(JsonNode object) {
        return object.path("apiVersion").asText() + "/" + object.path("kind").asText();
    }

    /** The problems of one object: an unknown type, a field of the wrong shape, or fields its model does not know. */
    static List<String> problems(String where, JsonNode object) {
        Class<?> model = MODELS.get(type(object));
        if (model == null) {
            return List.of(where + ": no typed model for " + type(object));
        }
        Object typed;
        try {
            typed = YAML.treeToValue(object, model);
        } catch (Exception e) {
            return List.of(where + ": does not read as " + model.getSimpleName() + ": " + firstLine(e.getMessage()));
        }
        List<String> problems = new java.util.ArrayList<>();
        unknownFields(typed, where + " " + type(object), problems, java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
        return problems;
    }

    private static void unknownFields(Object value, String path, List<String> problems, Set<Object> seen) {
        if (value == null || !seen.add(value)) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                unknownFields(item, path + "[" + i++ + "]", problems, seen);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                unknownFields(entry.getValue(), path + "." + entry.getKey(), problems, seen);
            }
            return;
        }
        String name = value.getClass().getName();
        if (!(name.startsWith("io.fabric8.") || name.startsWith("io.strimzi.") || name.startsWith("org.gongzhi."))
                || value.getClass().isEnum()) {
            return;
        }
        for (Class<?> type = value.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                Object fieldValue;
                try {
                    field.setAccessible(true);
                    fieldValue = field.get(value);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    continue;
                }
                if (field.getName().equals("additionalProperties")) {
                    if (fieldValue instanceof Map<?, ?> extra && !extra.isEmpty()) {
                        problems.add(path + ": unknown field(s) " + extra.keySet());
                    }
                    continue;
                }
                unknownFields(fieldValue, path + "." + field.getName(), problems, seen);
            }
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
