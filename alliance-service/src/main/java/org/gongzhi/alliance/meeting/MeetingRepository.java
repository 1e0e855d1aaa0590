package org.gongzhi.alliance.meeting;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.gongzhi.platform.api.Page;
import org.gongzhi.platform.api.PageQuery;
import org.gongzhi.platform.persistence.IdList;
import org.hibernate.reactive.common.AffectedEntities;

/** The whistle's meetings. */
@ApplicationScoped
@WithSession
public class MeetingRepository implements PanacheRepositoryBase<Meeting, UUID> {

    /**
     * Records the meeting unless the request has one in that round already, in one statement: the unique index
     * decides, so two parties reaching the whistle together (or two instances checking at once) convene one meeting.
     * True if it was recorded now.
     */
    public Uni<Boolean> insertOnce(Meeting m) {
        return getSession().chain(s -> s.createNativeQuery("""
                        insert into meeting (id, community_id, request_id, round, task_id, category, building,
                                             lead_organisation_id, parties, starts_at, place, missed, deadline,
                                             convened_at)
                        values (:id, :community, :request, :round, :task, :category, :building, :lead,
                                cast(:parties as text[]), :startsAt, :place, :missed, :deadline, :convenedAt)
                        on conflict (request_id, round) do nothing""", new AffectedEntities(Meeting.class))
                .setParameter("id", m.id)
                .setParameter("community", m.communityId)
                .setParameter("request", m.requestId)
                .setParameter("round", m.round)
                .setParameter("task", m.taskId)
                .setParameter("category", m.category)
                .setParameter("building", m.building)
                .setParameter("lead", m.leadOrganisationId)
                .setParameter("parties", m.parties)
                .setParameter("startsAt", m.startsAt)
                .setParameter("place", m.place)
                .setParameter("missed", m.missed)
                .setParameter("deadline", m.deadline)
                .setParameter("convenedAt", m.convenedAt)
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    /** One page of the communities' meetings, newest first; only those the organisation is a party to when one is named. */
    public Uni<Page<Meeting>> search(IdList<String> communities, String organisationId, MeetingSearch search) {
        StringBuilder where = new StringBuilder("communityId " + communities.condition());
        Map<String, Object> params = new HashMap<>();
        params.put("ids", communities.bound());
        if (organisationId != null) {
            where.append(" and array_contains(parties, :org)");
            params.put("org", organisationId);
        }
        if (search.requestId != null && !search.requestId.isBlank()) {
            where.append(" and requestId = :request");
            params.put("request", search.requestId);
        }
        return search.answer(PageQuery.total("Meeting", where, params), () -> find(where.toString(),
                Sort.descending("convenedAt", "id"), params).page(search.page, search.size()).list());
    }
}
