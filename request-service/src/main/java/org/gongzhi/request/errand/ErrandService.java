package org.gongzhi.request.errand;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.UUID;
import org.gongzhi.platform.problem.ProblemException;
import org.gongzhi.request.contact.ContactRead;
import org.gongzhi.request.contact.ContactService;
import org.gongzhi.request.request.RequestRepository;
import org.gongzhi.request.request.ResidentRequest;

/**
 * What a volunteer may see of a request: the errand while it is offered to them or theirs, the description and the
 * resident's phone only while they hold it (accepted, not finished) and the request is open. Anything else — another
 * volunteer's job, an offer not yet accepted, a job done — is 404, as for an unknown id; every phone read is audited.
 */
@ApplicationScoped
public class ErrandService {
    private final RequestRepository requests;
    private final Clock clock;

    ErrandService(RequestRepository requests, Clock clock) {
        this.requests = requests;
        this.clock = clock;
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

    @WithTransaction
    public Uni<ContactService.Contact> contact(String community, String reader, String volunteer, UUID requestId) {
        return visible(community, volunteer, requestId, true).chain(seen -> {
            ResidentRequest r = seen.request();
            ContactRead audit = new ContactRead();
            audit.id = UUID.randomUUID();
            audit.communityId = r.communityId;
            audit.requestId = r.id;
            audit.reader = reader;
            audit.organisation = null;
            audit.readAt = clock.instant();
            return audit.persist().replaceWith(new ContactService.Contact(r.id, r.contactPhone, r.building, r.unit,
                    r.household));
        });
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
