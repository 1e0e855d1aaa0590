package org.gongzhi.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.gongzhi.platform.GongzhiConfig;
import org.gongzhi.platform.problem.ProblemException;

/** Who is calling: subject, roles, community, and a partner's organisation or a volunteer's id. */
@RequestScoped
public class Caller {
    private final SecurityIdentity identity;
    private final JsonWebToken jwt;
    private final GongzhiConfig config;

    Caller(SecurityIdentity identity, JsonWebToken jwt, GongzhiConfig config) {
        this.identity = identity;
        this.jwt = jwt;
        this.config = config;
    }

    public String id() {
        return identity.getPrincipal().getName();
    }

    public boolean isAnonymous() {
        return identity.isAnonymous();
    }

    public boolean is(String role) {
        return identity.hasRole(role);
    }

    /** Workers and admins act for the whole community. */
    public boolean isStaff() {
        return is(Roles.WORKER) || is(Roles.ADMIN);
    }

    public String community() {
        return claim(Roles.COMMUNITY_CLAIM).orElse(config.defaultCommunity());
    }

    public Optional<String> org() {
        return claim(Roles.ORG_CLAIM);
    }

    public Optional<String> volunteer() {
        return claim(Roles.VOLUNTEER_CLAIM);
    }

    /** The organisation of a partner caller; a partner token without one is refused. */
    public String requireOrg() {
        return org().orElseThrow(() -> ProblemException.forbidden("The token names no organisation (claim 'org')"));
    }

    private Optional<String> claim(String name) {
        if (jwt == null || jwt.getRawToken() == null) {
            return Optional.empty();
        }
        Object value = jwt.getClaim(name);
        return value == null ? Optional.empty() : Optional.of(value.toString().replace("\"", ""));
    }
}
