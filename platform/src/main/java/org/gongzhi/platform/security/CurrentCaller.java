package org.gongzhi.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonString;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.gongzhi.platform.GongzhiConfig;
import org.gongzhi.platform.problem.ProblemException;

/**
 * The caller of the current HTTP request, read from its token: subject, roles, community, and a partner's organisation
 * or a volunteer's id. {@link #get()} gives it as a {@link Caller}, the value the services act on.
 */
@RequestScoped
public class CurrentCaller {
    private final SecurityIdentity identity;
    private final JsonWebToken jwt;
    private final GongzhiConfig config;

    CurrentCaller(SecurityIdentity identity, JsonWebToken jwt, GongzhiConfig config) {
        this.identity = identity;
        this.jwt = jwt;
        this.config = config;
    }

    /**
     * The caller as a value to hand to a service: a partner's organisation is required (a partner token without one is
     * refused, 403); anyone else, staff included, acts for no organisation. A sub-district office's sub-district is
     * required (403 without one); it belongs to no single community, so its community is the token's, if it names one.
     */
    public Caller get() {
        boolean subdistrictOffice = isSubdistrictOffice();
        boolean partner = !isStaff() && is(Roles.PARTNER);
        return new Caller(id(), subdistrictOffice ? claim(Roles.COMMUNITY_CLAIM).orElse(null) : community(),
                isStaff(), is(Roles.RESIDENT), partner ? requireOrg() : null,
                volunteer().orElse(null), subdistrictOffice ? requireSubdistrict() : null,
                partner ? communities() : Set.of());
    }

    /**
     * The further communities a partner's token names (claim {@code communities}, a list): an organisation that serves
     * several communities acts in each. Read for partners only; staff act in their one community.
     */
    Set<String> communities() {
        if (jwt == null || jwt.getRawToken() == null) {
            return Set.of();
        }
        Object value = jwt.getClaim(Roles.COMMUNITIES_CLAIM);
        if (value == null) {
            return Set.of();
        }
        Collection<?> items = value instanceof Collection<?> c ? c : List.of(value);
        Set<String> communities = new LinkedHashSet<>();
        for (Object item : items) {
            String community = (item instanceof JsonString s ? s.getString() : item.toString().replace("\"", "")).strip();
            if (!community.isEmpty()) {
                communities.add(community);
            }
        }
        return communities;
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

    /**
     * The caller's community. A token that names none is refused (401) unless
     * {@code gongzhi.security.community-claim-required=false}, when it belongs to the default community: taking it as
     * the default silently would put a token meant for another deployment into this one's data.
     */
    public String community() {
        Optional<String> claimed = claim(Roles.COMMUNITY_CLAIM).filter(c -> !c.isBlank());
        if (claimed.isPresent()) {
            return claimed.get();
        }
        if (!isAnonymous() && config.security().communityClaimRequired()) {
            throw new ProblemException(401, "Unauthorized", "The token names no community (claim 'community'); "
                    + "ask for a token that does.", null);
        }
        return config.defaultCommunity();
    }

    /** A sub-district office that is nothing more: staff of a community act for that community instead. */
    public boolean isSubdistrictOffice() {
        return is(Roles.SUBDISTRICT) && !isStaff();
    }

    /** The sub-district of a sub-district office; a token without one is refused. */
    public String requireSubdistrict() {
        return claim(Roles.SUBDISTRICT_CLAIM).filter(s -> !s.isBlank()).orElseThrow(
                () -> ProblemException.forbidden("The token names no sub-district (claim 'subdistrict')"));
    }

    public Optional<String> volunteer() {
        return claim(Roles.VOLUNTEER_CLAIM);
    }

    /** The organisation of a partner caller; a partner token without one is refused. */
    public String requireOrg() {
        return claim(Roles.ORG_CLAIM)
                .orElseThrow(() -> ProblemException.forbidden("The token names no organisation (claim 'org')"));
    }

    private Optional<String> claim(String name) {
        if (jwt == null || jwt.getRawToken() == null) {
            return Optional.empty();
        }
        Object value = jwt.getClaim(name);
        return value == null ? Optional.empty() : Optional.of(value.toString().replace("\"", ""));
    }
}
