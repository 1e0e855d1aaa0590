package org.gongzhi.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevTokensTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode payload(String jwt) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    @Test
    void aPartnerTokenCarriesRoleCommunityAndOrganisation() throws Exception {
        JsonNode claims = payload(DevTokens.partner("property"));
        assertEquals(DevTokens.ISSUER, claims.get("iss").asText());
        assertEquals("partner", claims.get("groups").get(0).asText());
        assertEquals("hepingli", claims.get("community").asText());
        assertEquals("property", claims.get("org").asText());
        assertTrue(claims.get("exp").asLong() > System.currentTimeMillis() / 1000);
    }

    @Test
    void everyRoleHasItsToken() throws Exception {
        assertEquals("worker", payload(DevTokens.worker()).get("groups").get(0).asText());
        assertEquals("admin", payload(DevTokens.admin()).get("groups").get(0).asText());
        JsonNode resident = payload(DevTokens.resident("resident-1-1-101"));
        assertEquals("resident", resident.get("groups").get(0).asText());
        assertEquals("resident-1-1-101", resident.get("sub").asText());
        JsonNode volunteer = payload(DevTokens.volunteer("v6070-01"));
        assertEquals("volunteer", volunteer.get("groups").get(0).asText());
        assertEquals("v6070-01", volunteer.get("volunteer").asText());
        JsonNode custom = payload(DevTokens.token("worker", "someone", Map.of("extra", "x")));
        assertEquals("x", custom.get("extra").asText());
        assertEquals("someone", custom.get("sub").asText());
    }

    @Test
    void theSignatureVerifiesWithThePublicKeyWritten(@TempDir Path dir) throws Exception {
        Path file = DevTokens.writePublicKey(dir.resolve("keys/dev-public-key.pem"));
        String pem = Files.readString(file).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
        String jwt = DevTokens.worker();
        String[] parts = jwt.split("\\.");
        assertEquals("RS256", JSON.readTree(Base64.getUrlDecoder().decode(parts[0])).get("alg").asText());
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(key);
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(rs256.verify(Base64.getUrlDecoder().decode(parts[2])));
    }
}
