package org.gongzhi.devstack;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Local bearer tokens, signed with devstack's own key pair; a real deployment uses its OIDC provider instead. */
public final class DevTokens {
    public static final String ISSUER = "https://gongzhi.local/devstack";
    public static final String COMMUNITY = "hepingli";
    /** The demo's second community, under the same sub-district. */
    public static final String SECOND_COMMUNITY = "qingnianhu";
    /** The sub-district the demo's communities belong to. */
    public static final String SUBDISTRICT = "hepingli-subdistrict";
    /** The demo resident the local run signs in on the resident page: a household member with a request. */
    public static final String DEMO_RESIDENT = "demo-resident-01";
    private static final Duration LIFETIME = Duration.ofHours(12);
    private static volatile PrivateKey privateKey;

    private DevTokens() {
    }

    public static String token(String role, String subject, Map<String, Object> claims) {
        return token(COMMUNITY, role, subject, claims);
    }

    /** A token of another community than the demo's, for tests of what one community may see of another. */
    public static String token(String community, String role, String subject, Map<String, Object> claims) {
        JwtClaimsBuilder builder = Jwt.issuer(ISSUER).subject(subject).upn(subject).groups(Set.of(role))
                .claim("community", community).expiresIn(LIFETIME);
        claims.forEach(builder::claim);
        return builder.jws().keyId("devstack").sign(privateKey());
    }

    public static String worker() {
        return token("worker", "worker-li", Map.of());
    }

    /** A worker of {@code community} (the demo's second, {@link #SECOND_COMMUNITY}, or any). */
    public static String worker(String community) {
        return token(community, "worker", "worker-" + community, Map.of());
    }

    /** A resident of {@code community}. */
    public static String resident(String community, String subject) {
        return token(community, "resident", subject, Map.of());
    }

    /** A partner organisation of {@code community}. */
    public static String partner(String community, String org) {
        return token(community, "partner", "partner-" + org, Map.of("org", org));
    }

    /**
     * A partner organisation that serves several communities: it acts in {@code community} by default and in every
     * one of {@code communities} (claim {@code communities}) its organisation serves.
     */
    public static String partner(String community, String org, List<String> communities) {
        return token(community, "partner", "partner-" + org, Map.of("org", org, "communities", List.copyOf(communities)));
    }

    /** A volunteer of {@code community}. */
    public static String volunteer(String community, String volunteerId) {
        return token(community, "volunteer", "volunteer-" + volunteerId, Map.of("volunteer", volunteerId));
    }

    public static String admin() {
        return token("admin", "admin-wang", Map.of());
    }

    /** An admin acting in another community (loading its demo data). */
    public static String admin(String community) {
        return token(community, "admin", "admin-wang", Map.of());
    }

    public static String resident(String subject) {
        return token("resident", subject, Map.of());
    }

    public static String partner(String org) {
        return token("partner", "partner-" + org, Map.of("org", org));
    }

    public static String volunteer(String volunteerId) {
        return token("volunteer", "volunteer-" + volunteerId, Map.of("volunteer", volunteerId));
    }

    /** The demo sub-district office: reads the street view of the communities of {@link #SUBDISTRICT}. */
    public static String subdistrict() {
        return subdistrict(SUBDISTRICT);
    }

    /** An office of another sub-district (or of this one, by its id); it names no community. */
    public static String subdistrict(String subdistrictId) {
        JwtClaimsBuilder builder = Jwt.issuer(ISSUER).subject("subdistrict-zhao").upn("subdistrict-zhao")
                .groups(Set.of("subdistrict")).claim("subdistrict", subdistrictId).expiresIn(LIFETIME);
        return builder.jws().keyId("devstack").sign(privateKey());
    }

    public static String publicKeyPem() {
        return resource("dev-public-key.pem");
    }

    /** Writes the public key (PEM) to {@code file}, for {@code mp.jwt.verify.publickey.location}; answers the file. */
    public static java.nio.file.Path writePublicKey(java.nio.file.Path file) {
        try {
            if (file.getParent() != null) {
                java.nio.file.Files.createDirectories(file.getParent());
            }
            java.nio.file.Files.writeString(file, publicKeyPem());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PrivateKey privateKey() {
        if (privateKey == null) {
            String pem = resource("dev-private-key.pem").replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            try {
                privateKey = KeyFactory.getInstance("RSA")
                        .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
            } catch (Exception e) {
                throw new IllegalStateException("cannot read the devstack signing key", e);
            }
        }
        return privateKey;
    }

    private static String resource(String name) {
        try (InputStream in = DevTokens.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
