package org.gongzhi.volunteer.team;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.gongzhi.platform.problem.ProblemException;
import org.gongzhi.platform.security.CurrentCaller;

/**
 * The volunteer a volunteer's token names, as one of the token's community: a token of another community that names
 * them does not reach their offers, tasks, hours or profile (they are not found there, as anything of another
 * community is not).
 */
@ApplicationScoped
public class SignedInVolunteer {
    private final CurrentCaller caller;

    SignedInVolunteer(CurrentCaller caller) {
        this.caller = caller;
    }

    /**
     * The volunteer's id: 403 when the token names no volunteer, 404 when it names another community's. A volunteer
     * not registered (yet) has nothing of anyone's, so the id passes.
     */
    @WithSession
    public Uni<String> id() {
        String id = caller.volunteer().orElseThrow(() -> ProblemException.forbidden("the token names no volunteer"));
        String community = caller.community();
        return Volunteer.<Volunteer>findById(id).map(v -> {
            if (v != null && !v.communityId.equals(community)) {
                throw ProblemException.notFound("volunteer", id);
            }
            return id;
        });
    }
}
