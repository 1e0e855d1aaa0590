package org.gongzhi.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

/** A token is checked once and known until it expires; a refused one is checked every time. */
class VerifiedTokensTest {
    private static final Instant NOW = Instant.parse("2026-12-02T08:00:00Z");

    /** The check: accepts tokens named "good-…", expiring when the name says, and counts its calls. */
    static class Check extends DefaultJWTParser {
        final List<String> checked = new ArrayList<>();

        @Override
        public JsonWebToken parse(String token) throws ParseException {
            checked.add(token);
            if (!token.startsWith("good-")) {
                throw new ParseException("refused: " + token);
            }
            JwtClaims claims = new JwtClaims();
            claims.setSubject(token);
            claims.setExpirationTime(NumericDate.fromSeconds(NOW.getEpochSecond()
                    + Long.parseLong(token.substring("good-".length()))));
            return new DefaultJWTCallerPrincipal(token, "JWT", claims);
        }
    }

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    @Test
    void aGoodTokenIsCheckedOnceWhileItIsValid() throws ParseException {
        Check check = new Check();
        VerifiedTokens tokens = new VerifiedTokens(check, at(NOW), true);
        JsonWebToken first = tokens.parse("good-3600");
        assertSame(first, tokens.parse("good-3600"));
        assertEquals("good-3600", tokens.parse("good-3600").getSubject());
        assertEquals(List.of("good-3600"), check.checked);
    }

    @Test
    void aTokenPastItsExpiryIsNotServedFromWhatWasKnown() throws ParseException {
        Check check = new Check();
        MovingClock clock = new MovingClock(NOW);
        VerifiedTokens tokens = new VerifiedTokens(check, clock, true);
        tokens.parse("good-60");
        clock.now = NOW.plusSeconds(60);
        tokens.parse("good-60");
        assertEquals(List.of("good-60", "good-60"), check.checked);
    }

    @Test
    void aRefusedTokenIsRefusedEveryTime() {
        Check check = new Check();
        VerifiedTokens tokens = new VerifiedTokens(check, at(NOW), true);
        for (int i = 0; i < 3; i++) {
            assertThrows(ParseException.class, () -> tokens.parse("forged"));
        }
        assertEquals(List.of("forged", "forged", "forged"), check.checked);
    }

    @Test
    void atMostSoManyTokensAreKnown() throws ParseException {
        Check check = new Check();
        VerifiedTokens tokens = new VerifiedTokens(check, at(NOW), true);
        for (int i = 0; i <= VerifiedTokens.KNOWN; i++) {
            tokens.parse("good-" + (3600 + i));
        }
        tokens.parse("good-3600");
        assertEquals(VerifiedTokens.KNOWN + 2, check.checked.size());
    }

    static class MovingClock extends Clock {
        Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void withAMaximumTokenAgeEveryCallIsChecked() throws ParseException {
        Check check = new Check();
        VerifiedTokens tokens = new VerifiedTokens(check, at(NOW), false);
        tokens.parse("good-3600");
        tokens.parse("good-3600");
        assertEquals(List.of("good-3600", "good-3600"), check.checked);
    }
}
