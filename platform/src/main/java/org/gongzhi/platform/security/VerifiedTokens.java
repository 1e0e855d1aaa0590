package org.gongzhi.platform.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Checks a bearer token's signature and claims once, then knows it until it expires. A resident's app or a partner's
 * system sends the same token with every call; checking its RS256 signature each time was about a tenth of
 * request-service's CPU under load (docs/performance.md). Only tokens the check accepted are kept, each no longer
 * than its {@code exp}; a token that was refused is checked again every time it comes. The verification key is
 * read at startup and never rotates while a service runs, and there is no revocation: what was valid stays valid until
 * it expires, as it would without the map.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens implements JWTParser {
    /** At most this many tokens are known at once; the map starts afresh when full. */
    static final int KNOWN = 10_000;

    private final JWTParser check;
    private final Clock clock;
    private final boolean keep;
    private final Map<String, JsonWebToken> known = new ConcurrentHashMap<>();

    /**
     * Expiry is real time, as for the check itself (not a service's clock, which tests move). A maximum token age
     * ({@code mp.jwt.verify.token.age}) is a rule the map cannot keep: with one configured every call is checked.
     */
    @Inject
    VerifiedTokens(DefaultJWTParser check,
            @ConfigProperty(name = "mp.jwt.verify.token.age") Optional<Long> maximumAge) {
        this(check, Clock.systemUTC(), maximumAge.isEmpty());
    }

    VerifiedTokens(JWTParser check, Clock clock, boolean keep) {
        this.check = check;
        this.clock = clock;
        this.keep = keep;
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        if (!keep) {
            return check.parse(token);
        }
        JsonWebToken jwt = known.get(token);
        if (jwt != null && jwt.getExpirationTime() > clock.instant().getEpochSecond()) {
            return jwt;
        }
        known.remove(token);
        jwt = check.parse(token);
        if (known.size() >= KNOWN) {
            known.clear();
        }
        known.put(token, jwt);
        return jwt;
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return check.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return check.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return check.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return check.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return check.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return check.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return check.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return check.parseOnly(token);
    }
}
