package org.gongzhi.request.hall;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.gongzhi.hall.DeliberationApi.Suggestion;
import org.gongzhi.hall.Requests;
import org.gongzhi.platform.persistence.IdList;
import org.gongzhi.platform.reactive.InOrder;
import org.gongzhi.platform.security.Caller;
import org.gongzhi.request.lifecycle.NewRequest;
import org.gongzhi.request.lifecycle.RequestRepository;
import org.gongzhi.request.lifecycle.RequestService;
import org.gongzhi.request.lifecycle.RequestStatus;
import org.gongzhi.request.lifecycle.ResidentRequest;
import org.gongzhi.request.lifecycle.StatusChanges;

/** The hall's requests over the request lifecycle, in the hall's transaction. */
@ApplicationScoped
class HallRequests implements Requests {
    private final RequestService intake;
    private final RequestRepository requests;
    private final StatusChanges changes;

    HallRequests(RequestService intake, RequestRepository requests, StatusChanges changes) {
        this.intake = intake;
        this.requests = requests;
        this.changes = changes;
    }

    @Override
    public Uni<Void> takeIn(Caller caller, UUID requestId, Instant at, String reason) {
        return intake.visible(caller, requestId)
                .chain(r -> changes.move(r, RequestStatus.IN_DELIBERATION, at, caller.id(), reason))
                .replaceWithVoid();
    }

    @Override
    public Uni<Void> resume(Caller caller, List<UUID> requestIds, Instant at, String reason) {
        return read(requestIds).chain(found -> InOrder.each(
                found.stream().filter(r -> r.status == RequestStatus.IN_DELIBERATION).toList(),
                r -> changes.move(r, RequestStatus.ACKNOWLEDGED, at, caller.id(), reason)));
    }

    @Override
    public Uni<UUID> open(Caller caller, String category, String description, String building, String place) {
        NewRequest request = new NewRequest(category, description, building, null, null, place, null, null,
                "rounds", null, null, null, null);
        return intake.open(caller, request, null).map(r -> r.id);
    }

    /** Reads the entities, so a request changed earlier in this transaction shows as it now stands. */
    @Override
    public Uni<Map<UUID, Standing>> standing(List<UUID> requestIds) {
        return read(requestIds).map(found -> found.stream().collect(Collectors.toMap(r -> r.id,
                r -> new Standing(r.status.published(), r.createdAt, r.residentId))));
    }

    private Uni<List<ResidentRequest>> read(List<UUID> requestIds) {
        if (requestIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        IdList<UUID> ids = IdList.of(requestIds.stream().distinct().toList());
        return requests.list("id " + ids.condition(), Map.of("ids", ids.bound()));
    }

    @Override
    @SuppressWarnings("unchecked")
    public Uni<List<Suggestion>> recurring(String communityId, Instant since, int atLeast) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        select category, building, count(*), string_agg(id::text, ',' order by created_at)
                        from resident_request
                        where community_id = :c and building is not null and created_at >= :since
                          and status not in (:withdrawn, :rejected)
                          and id not in (select request_id from topic_request)
                        group by category, building having count(*) >= :size
                        order by count(*) desc, category, building""", Object[].class)
                .setParameter("c", communityId)
                .setParameter("since", since)
                .setParameter("size", (long) atLeast)
                .setParameter("withdrawn", RequestStatus.WITHDRAWN.name())
                .setParameter("rejected", RequestStatus.REJECTED.name())
                .getResultList())
                .map(rows -> rows.stream().map(row -> new Suggestion((String) row[0], (String) row[1],
                        ((Number) row[2]).longValue(),
                        Arrays.stream(((String) row[3]).split(",")).map(UUID::fromString).toList())).toList());
    }
}
