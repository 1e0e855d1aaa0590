package org.gongzhi.deploy.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** deploy/kubernetes as checked in: every object in its typed model, and in agreement with the services. */
class KubernetesManifestsTest {

    static final Path ROOT = ServiceConfiguration.root();
    static final Map<String, ServiceConfiguration> SERVICES = ServiceConfiguration.read(ROOT);
    static final String VERSION = ServiceConfiguration.version(ROOT);

    static List<String> check(Map<String, String> files) {
        return new ManifestCheck(SERVICES, VERSION).check(files);
    }

    @Test
    void theManifestsPassTheCheck() {
        List<String> problems = check(ManifestCheck.read(ROOT.resolve("deploy/kubernetes")));
        assertEquals(List.of(), problems, () -> String.join("\n", problems));
    }

    @Test
    void theCheckSeesWhatTheServicesSay() {
        // a guard against a check that passes because it read nothing
        assertEquals(8081, SERVICES.get("request-service").httpPort());
        assertEquals("notifications", SERVICES.get("notification-service").database());
        assertTrue(SERVICES.get("notification-service").topics().contains("gongzhi.notification.dlq"));
        assertTrue(SERVICES.get("request-service").resourcePaths().contains("/api/requests/{id}/timeline"));
        assertTrue(SERVICES.get("request-service").resourcePaths().contains("/api/requests"));
        // the hall's resources are request-service's (hall/ is deployed inside it)
        assertTrue(SERVICES.get("request-service").resourcePaths().contains("/api/deliberation/topics/{id}/votes"));
        assertTrue(SERVICES.get("request-service").resourcePaths().contains("/api/deliberation/meetings"));
        assertTrue(SERVICES.get("volunteer-service").resourcePaths().contains("/api/warnings/{id}/visits"));
        assertTrue(SERVICES.get("alliance-service").envNames().contains("KAFKA_BOOTSTRAP_SERVERS"));
        Map<String, String> files = ManifestCheck.read(ROOT.resolve("deploy/kubernetes"));
        assertTrue(files.containsKey("generated/request-service.yaml"), () -> files.keySet().toString());
    }
}
