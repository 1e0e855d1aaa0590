package org.gongzhi.alliance.organisation;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.gongzhi.platform.security.Caller;

/**
 * Where a caller's organisation acts: staff in their token's community; a partner in its token's own community (the
 * office gives it tasks before registering it) and in each of its token's {@code communities} the organisation is
 * registered in. Tasks, cases and patrols ask the same question here. Runs in the caller's session.
 */
@ApplicationScoped
public class Membership {
    private final OrganisationRepository organisations;

    Membership(OrganisationRepository organisations) {
        this.organisations = organisations;
    }

    /** Whether the caller's organisation acts in the community. */
    public Uni<Boolean> actsIn(Caller caller, String communityId) {
        if (!caller.serves(communityId)) {
            return Uni.createFrom().item(false);
        }
        if (caller.staff() || communityId.equals(caller.community())) {
            return Uni.createFrom().item(true);
        }
        return organisations.find(communityId, caller.org()).map(member -> member != null);
    }

    /** The communities the organisation is registered in. */
    public Uni<List<String>> registrations(String organisationId) {
        return organisations.communitiesOf(organisationId);
    }

    /** Every community the caller acts in: the token's own first. */
    public Uni<List<String>> communities(Caller caller) {
        if (caller.staff() || caller.communities().size() == 1) {
            return Uni.createFrom().item(List.of(caller.community()));
        }
        return organisations.communitiesOf(caller.org()).map(registered -> {
            List<String> served = new ArrayList<>();
            served.add(caller.community());
            caller.communities().stream().filter(c -> !c.equals(caller.community()) && registered.contains(c))
                    .forEach(served::add);
            return served;
        });
    }
}
