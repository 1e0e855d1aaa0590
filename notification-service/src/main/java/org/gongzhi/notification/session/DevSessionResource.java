package org.gongzhi.notification.session;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
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
 * Local demo only: hands the dashboard page a worker token (the street page, {@code ?as=subdistrict}, a token of the
 * default community's sub-district office) so nobody has to paste one. Off unless
 * {@code gongzhi.dashboard.dev-login=true}; signs with {@code smallrye.jwt.sign.key.location} (devstack's key).
 */
@Path("/api/dev/session")
@Tag(name = "Dashboard")
public class DevSessionResource {
    private static final Duration LIFETIME = Duration.ofHours(8);

    private final DashboardConfig dashboard;
    private final Pool pool;
    private final GongzhiConfig gongzhi;
    private final Clock clock;
    private final String issuer;
    private final Optional<String> signingKey;

    DevSessionResource(DashboardConfig dashboard, Pool pool, GongzhiConfig gongzhi, Clock clock,
            @ConfigProperty(name = "mp.jwt.verify.issuer") String issuer,
            @ConfigProperty(name = "smallrye.jwt.sign.key.location") Optional<String> signingKey) {
        this.dashboard = dashboard;
        this.pool = pool;
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
    @Operation(summary = "Local demo only: a worker token for the dashboard page, or with ?as=subdistrict a token of "
            + "the default community's sub-district office for the street page (404 unless dev-login is enabled)")
    public Uni<DevSession> session(@QueryParam("as") @DefaultValue("worker") String as) {
        if (!dashboard.devLogin() || signingKey.isEmpty()) {
            throw ProblemException.notFound("page", "/api/dev/session");
        }
        Instant expires = clock.instant().plus(LIFETIME);
        if ("worker".equals(as)) {
            String token = Jwt.issuer(issuer).subject("dashboard-dev").upn("dashboard-dev")
                    .groups(Set.of(Roles.WORKER)).claim(Roles.COMMUNITY_CLAIM, gongzhi.defaultCommunity())
                    .issuedAt(clock.instant()).expiresAt(expires).sign();
            return Uni.createFrom().item(new DevSession(token, expires));
        }
        if (!Roles.SUBDISTRICT.equals(as)) {
            throw ProblemException.invalid("as", "must be worker or subdistrict");
        }
        // the sub-district the registry puts the default community in (its copy, community_directory)
        return pool.preparedQuery("select subdistrict_id from community_directory where community_id = $1")
                .execute(Tuple.of(gongzhi.defaultCommunity()))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("community", gongzhi.defaultCommunity());
                    }
                    String token = Jwt.issuer(issuer).subject("street-dev").upn("street-dev")
                            .groups(Set.of(Roles.SUBDISTRICT))
                            .claim(Roles.SUBDISTRICT_CLAIM, rows.iterator().next().getString("subdistrict_id"))
                            .issuedAt(clock.instant()).expiresAt(expires).sign();
                    return new DevSession(token, expires);
                });
    }
}
