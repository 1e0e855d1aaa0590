package org.gongzhi.request.errand;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.gongzhi.platform.problem.ProblemException;
import org.gongzhi.request.lifecycle.RequestRepository;
import org.gongzhi.request.lifecycle.ResidentRequest;

/**
 * What a volunteer may see of a request: the errand while it is offered to them or theirs, the description and the
 * resident's phone only while they hold it (accepted, not finished) and the request is open. Anything else — another
 * volunteer's job, an offer not yet accepted, a job done — is 404, as for an unknown id; every phone read is audited.
 */
@ApplicationScoped
public class ErrandService {
    private final RequestRepository requests;

    ErrandService(RequestRepository requests) {
        this.requests = requests;
    }

    @WithSession
    public Uni<Errand> errand(String community, String volunteer, UUID requestId) {
        return visible(community, volunteer, requestId, false).map(seen -> {
            ResidentRequest r = seen.request();
            boolean holds = seen.job().status == VolunteerJob.Status.ACCEPTED && r.status.isOpen();
            return new Errand(r.id, r.category, r.building, r.unit, r.household, r.place, r.resolveBy,
                    r.status.name(), seen.job().status.name(), holds ? r.description : null);
        });
    }

    /**
     * The request whose job the volunteer holds (accepted, not finished) while it is open, in the caller's session
     * (contact's read of the resident's phone, which audits it); anything else is 404.
     */
    public Uni<ResidentRequest> held(String community, String volunteer, UUID requestId) {
        return visible(community, volunteer, requestId, true).map(Seen::request);
    }

    private record Seen(ResidentRequest request, VolunteerJob job) {
    }

    private Uni<Seen> visible(String community, String volunteer, UUID requestId, boolean holding) {
        return requests.findById(requestId).chain(r -> {
            if (r == null || !r.communityId.equals(community) || volunteer == null) {
                throw ProblemException.notFound("request", requestId.toString());
            }
            return VolunteerJob.<VolunteerJob>findById(requestId).map(job -> {
                boolean ok = job != null && job.shownTo(volunteer)
                        && (!holding || job.status == VolunteerJob.Status.ACCEPTED && r.status.isOpen());
                if (!ok) {
                    throw ProblemException.notFound("request", requestId.toString());
                }
                return new Seen(r, job);
            });
        });
    }
}
