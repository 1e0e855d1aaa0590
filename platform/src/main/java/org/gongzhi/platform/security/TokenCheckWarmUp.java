package org.gongzhi.platform.security;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Checks one token signed by a throwaway key before the service takes requests. The first token check loads the JWT
 * and crypto classes; on a busy machine that held an event loop for 3–5 s, and every request queued behind it.
 */
@ApplicationScoped
class TokenCheckWarmUp {
    private static final Logger LOG = Logger.getLogger(TokenCheckWarmUp.class);
    /** RS256, signed by a key made once and thrown away (generating one at every start costs seconds). */
    private static final String THROWAWAY =
            "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ3YXJtLXVwIiwiaXNzIjoiZ29uZ3poaS13YXJtLXVwIiwiaWF0IjoxNzY0NjMzNjA"
            + "wLCJleHAiOjE3NjQ2MzcyMDB9.HrlscUedof3ZdhGNvkMdQUvFEtjQynLjObnk8rH0-ix4xsr9adDXcR-S6jZu7Sm-7_RYBH"
            + "dGw6RI_MvTAW6SlKgDEFQVl_n8GA5UIg2He5ndAV7nWHL1qQdjl9TlKaauIBQOv2q5fewaHnDKc4p-FeLeaj_0RmMGfIFw9o"
            + "53JaQZ968Pmo4VLlM8u43lQsS96JwICnXQygi2PLnhnaSqm9uvG7NmO-agzqOYbuiwTFjNgr0stEljYIwy4HhZ7xM5DBmaeC"
            + "hfEs3p9mBfuSE6EtjSsBcnbrq_hYGpw3tzoUCsgSUizCKw3telPdCTVpgf3oaXJ_ke2C46wWyxz9WkIw";

    void warm(@Observes StartupEvent startup, JWTParser parser) {
        try {
            parser.parse(THROWAWAY);
            LOG.warn("a token signed by a throwaway key was accepted: check mp.jwt.verify.publickey");
        } catch (ParseException expected) {
            LOG.debugf("token check warmed up (the throwaway token was refused: %s)", expected.getMessage());
        }
    }
}
