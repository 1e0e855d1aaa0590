package org.gongzhi.deploy.kubernetes;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The checker itself: a mistake planted in a copy of the manifests must be reported. */
class ManifestCheckTest {

    static final Map<String, String> FILES =
            ManifestCheck.read(KubernetesManifestsTest.ROOT.resolve("deploy/kubernetes"));

    /** The problems after replacing {@code from} (which must occur in the file) by {@code to}. */
    private static List<String> planted(String file, String from, String to) {
        Map<String, String> files = new TreeMap<>(FILES);
        String text = files.get(file);
        assertTrue(text.contains(from), file + " holds no " + from);
        files.put(file, text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
        return KubernetesManifestsTest.check(files);
    }

    private static void reports(List<String> problems, String words) {
        assertFalse(problems.isEmpty(), "the planted mistake passed the check");
        assertTrue(problems.stream().anyMatch(p -> p.contains(words)), () -> "no problem says '" + words + "': " + problems);
    }

    @Test
    void anUnknownFieldOfACoreObject() {
        reports(planted("generated/alliance-service.yaml", "      containers:", "      contianers: []\n      containers:"),
                "unknown field(s) [contianers]");
    }

    @Test
    void anUnknownFieldDeepInACoreObject() {
        reports(planted("policies.yaml", "  maxUnavailable: 1", "  maxUnavailable: 1\n  maxUnavialable: 1"),
                "unknown field(s) [maxUnavialable]");
    }

    @Test
    void anUnknownFieldOfAStrimziObject() {
        reports(planted("topics.yaml", "  partitions: 6", "  partitions: 6\n  partition: 6"), "unknown field(s) [partition]");
    }

    @Test
    void anUnknownFieldOfACloudNativePgObject() {
        reports(planted("postgres.yaml", "  instances: 3", "  instances: 3\n  instance: 3"), "does not read as Cluster");
    }

    @Test
    void aFieldOfTheWrongShape() {
        reports(planted("policies.yaml", "  minReplicas: 2", "  minReplicas: [2]"), "does not read as HorizontalPodAutoscaler");
    }

    @Test
    void aKindWithNoModel() {
        reports(planted("ingress.yaml", "apiVersion: networking.k8s.io/v1", "apiVersion: networking.k8s.io/v1beta1"),
                "no typed model for networking.k8s.io/v1beta1/Ingress");
    }

    @Test
    void aWrongContainerPort() {
        reports(planted("generated/request-service.yaml", "containerPort: 8081", "containerPort: 8080"), "container port");
    }

    @Test
    void aWrongProbe() {
        reports(planted("generated/volunteer-service.yaml", "path: /q/health/ready", "path: /q/health/live"), "readinessProbe");
    }

    @Test
    void aWrongImage() {
        reports(planted("generated/notification-service.yaml", "localhost/gongzhi/notification-service:",
                "localhost/gongzhi/notifications-service:"), "image");
    }

    @Test
    void anEnvironmentVariableNoServiceReads() {
        reports(planted("generated/alliance-service.yaml", "name: KAFKA_BOOTSTRAP_SERVERS", "name: KAFKA_BOOTSTRAP_SERVER"),
                "KAFKA_BOOTSTRAP_SERVER names no configuration property");
    }

    @Test
    void aWrongDatabase() {
        reports(planted("generated/volunteer-service.yaml", "gongzhi-db-rw:5432/volunteers", "gongzhi-db-rw:5432/volunteer"),
                "QUARKUS_DATASOURCE_JDBC_URL");
    }

    @Test
    void aSecretKeyTheExampleDoesNotHave() {
        reports(planted("secrets.example.yaml", "  issuer: ", "  issuer-url: "), "has no Secret gongzhi-jwt with key issuer");
    }

    @Test
    void aMissingTopic() {
        String topics = FILES.get("topics.yaml");
        int start = topics.indexOf("apiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaTopic\nmetadata:\n  name: gongzhi.warnings.dlq");
        int end = topics.indexOf("---", start);
        assertTrue(start > 0 && end > start);
        reports(planted("topics.yaml", topics.substring(start, end + 4), ""), "not declared as KafkaTopics: [gongzhi.warnings.dlq]");
    }

    @Test
    void aMisspeltTopic() {
        reports(planted("topics.yaml", "topicName: gongzhi.tasks\n", "topicName: gongzhi.task\n"), "KafkaTopics no service uses: [gongzhi.task]");
    }

    @Test
    void aTopicWithTooFewReplicas() {
        reports(planted("topics.yaml", "  replicas: 3", "  replicas: 1"), "not 6 partitions, 3 replicas");
    }

    @Test
    void aWrongBrokerCount() {
        reports(planted("kafka.yaml", "  replicas: 3", "  replicas: 1"), "1 brokers");
    }

    @Test
    void anApiPathTheIngressSendsElsewhere() {
        reports(planted("ingress.yaml", "path: /api/teams", "path: /api/team-list"), "/api/teams of volunteer-service leads to notification-service");
    }

    @Test
    void aPathUnderAnotherServicesPrefixWithoutItsOwnRoute() {
        reports(planted("ingress.yaml", "path: /api/warnings/[^/]+/visits", "path: /api/warnings-visits"),
                "/api/warnings/{id}/visits of volunteer-service leads to alliance-service");
    }

    @Test
    void aRegularExpressionPathWithoutUseRegex() {
        List<String> problems = planted("ingress.yaml", "    nginx.ingress.kubernetes.io/use-regex: \"true\"\n", "");
        reports(problems, "Ingress path /api/warnings/[^/]+/visits is ImplementationSpecific");
        reports(problems, "/api/warnings/{id}/visits of volunteer-service leads to alliance-service");
    }

    @Test
    void aDatabaseWithNoOwnerSecret() {
        reports(planted("postgres.yaml", "name: gongzhi-db-alliance\n", "name: gongzhi-db-allianc\n"), "database alliance");
    }

    @Test
    void aFileTheKustomizationForgets() {
        reports(planted("kustomization.yaml", "  - policies.yaml\n", ""), "kustomization.yaml lists");
    }
}
