package org.gongzhi.request.contact;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Page;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.gongzhi.events.TaskRole;
import org.gongzhi.events.TaskStatus;
import org.gongzhi.platform.problem.ProblemException;
import org.gongzhi.platform.security.Caller;
import org.gongzhi.request.errand.ErrandService;
import org.gongzhi.request.lifecycle.RequestRepository;

/**
 * A resident's phone goes to workers, to the party that currently leads a task on their request and to the volunteer
 * holding its errand, nobody else; every read is audited.
 */
@ApplicationScoped
public class ContactService {
    private final RequestRepository requests;
    private final ErrandService errands;
    private final Clock clock;

    ContactService(RequestRepository requests, ErrandService errands, Clock clock) {
        this.requests = requests;
        this.errands = errands;
        this.clock = clock;
    }

    public record Contact(UUID requestId, String phone, String building, String unit, String household) {
    }

    public record AuditEntry(UUID requestId, String reader, String organisation, String reason, Instant readAt) {
    }

    @WithTransaction
    public Uni<Contact> read(Caller caller, UUID requestId, String reason) {
        return requests.findById(requestId).chain(r -> {
            if (r == null || !caller.serves(r.communityId)) {
                throw ProblemException.notFound("request", requestId.toString());
            }
            // a partner with no task on the request may not know it exists: 404, as for an unknown id
            Uni<Boolean> allowed = caller.staff() ? Uni.createFrom().item(true)
                    : caller.org() == null ? Uni.createFrom().failure(ProblemException.notFound("request",
                            requestId.toString()))
                    : requests.tasks(requestId).map(tasks -> {
                        if (tasks.stream().noneMatch(t -> caller.org().equals(t.organisationId)
                                && t.status != TaskStatus.DECLINED && t.status != TaskStatus.CANCELLED)) {
                            throw ProblemException.notFound("request", requestId.toString());
                        }
                        return tasks.stream().anyMatch(t -> caller.org().equals(t.organisationId)
                                && t.role == TaskRole.LEAD && t.isOpen());
                    });
            return allowed.chain(ok -> {
                if (!ok) {
                    throw ProblemException.forbidden("only workers and the party leading an open task on this "
                            + "request may read the resident's contact");
                }
                ContactRead audit = new ContactRead();
                audit.id = UUID.randomUUID();
                audit.communityId = r.communityId;
                audit.requestId = r.id;
                audit.reader = caller.id();
                audit.organisation = caller.org();
                audit.reason = reason;
                audit.readAt = clock.instant();
                return audit.persist().replaceWith(new Contact(r.id, r.contactPhone, r.building, r.unit,
                        r.household));
            });
        });
    }

    /** The volunteer holding the request's errand (accepted, not finished, the request open); anyone else 404. */
    @WithTransaction
    public Uni<Contact> readAsVolunteer(String community, String reader, String volunteer, UUID requestId) {
        return errands.held(community, volunteer, requestId).chain(r -> {
            ContactRead audit = new ContactRead();
            audit.id = UUID.randomUUID();
            audit.communityId = r.communityId;
            audit.requestId = r.id;
            audit.reader = reader;
            audit.organisation = null;
            audit.readAt = clock.instant();
            return audit.persist().replaceWith(new Contact(r.id, r.contactPhone, r.building, r.unit, r.household));
        });
    }

    @WithSession
    public Uni<List<AuditEntry>> audit(Caller caller, int page, int size) {
        return ContactRead.<ContactRead>find("communityId = ?1 order by readAt desc", caller.community())
                .page(Page.of(page, size)).list()
                .map(reads -> reads.stream().map(a -> new AuditEntry(a.requestId, a.reader, a.organisation, a.reason,
                        a.readAt))
                        .toList());
    }
}
