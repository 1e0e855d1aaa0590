package org.gongzhi.notification.session;

import io.smallrye.jwt.build.Jwt;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gongzhi.notification.board.DashboardConfig;
import org.gongzhi.platform.GongzhiConfig;
import org.gongzhi.platform.problem.ProblemException;
import org.gongzhi.platform.security.Roles;

/**
 * Local demo only: hands the dashboard page a worker token so nobody has to paste one. Off unless
 * {@code gongzhi.dashboard.dev-login=true}; signs with {@code smallrye.jwt.sign.key.location} (devstack's key).
 */
@Path("/api/dev/session")
@Tag(name = "Dashboard")
public class DevSessionResource {
    private static final Duration LIFETIME = Duration.ofHours(8);

    private final DashboardConfig dashboard;
    private final GongzhiConfig gongzhi;
    private final Clock clock;
    private final String issuer;
    private final Optional<String> signingKey;

    DevSessionResource(DashboardConfig dashboard, GongzhiConfig gongzhi, Clock clock,
            @ConfigProperty(name = "mp.jwt.verify.issuer") String issuer,
            @ConfigProperty(name = "smallrye.jwt.sign.key.location") Optional<String> signingKey) {
        this.dashboard = dashboard;
        this.gongzhi = gongzhi;
        this.clock = clock;
        this.issuer = issuer;
        this.signingKey = signingKey;
    }

    public record DevSession(String token, Instant expiresAt) {
    }

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Local demo only: a worker token for the dashboard page (404 unless dev-login is enabled)")
    public DevSession session() {
        if (!dashboard.devLogin() || signingKey.isEmpty()) {
            throw ProblemException.notFound("page", "/api/dev/session");
        }
        Instant expires = clock.instant().plus(LIFETIME);
        String token = Jwt.issuer(issuer).subject("dashboard-dev").upn("dashboard-dev")
                .groups(Set.of(Roles.WORKER)).claim(Roles.COMMUNITY_CLAIM, gongzhi.defaultCommunity())
                .issuedAt(clock.instant()).expiresAt(expires).sign();
        return new DevSession(token, expires);
    }
}
