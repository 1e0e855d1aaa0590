package org.gongzhi.platform.security;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import org.jboss.logging.Logger;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * Checks one token signed by a throwaway key before the service takes requests. The first token check loads the JWT
 * and crypto classes; on a busy machine that held an event loop for 3–5 s, and every request queued behind it.
 */
@ApplicationScoped
class TokenCheckWarmUp {
    private static final Logger LOG = Logger.getLogger(TokenCheckWarmUp.class);

    void warm(@Observes StartupEvent startup, JWTParser parser) {
        try {
            parser.parse(throwawayToken());
            LOG.warn("a token signed by a throwaway key was accepted: check mp.jwt.verify.publickey");
        } catch (ParseException expected) {
            // refused, as it must be: the classes are loaded
        } catch (JoseException e) {
            LOG.debugf("token check warm-up skipped: %s", e.getMessage());
        }
    }

    private static String throwawayToken() throws JoseException {
        RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
        JwtClaims claims = new JwtClaims();
        claims.setSubject("warm-up");
        claims.setIssuedAt(NumericDate.fromSeconds(Instant.now().getEpochSecond()));
        claims.setExpirationTimeMinutesInTheFuture(1);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        return jws.getCompactSerialization();
    }
}
