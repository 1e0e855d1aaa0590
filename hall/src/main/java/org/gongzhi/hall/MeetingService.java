package org.gongzhi.hall;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gongzhi.hall.DeliberationApi.Attendance;
import org.gongzhi.hall.DeliberationApi.MeetingView;
import org.gongzhi.hall.DeliberationApi.Minutes;
import org.gongzhi.hall.DeliberationApi.NewMeeting;
import org.gongzhi.platform.api.Page;
import org.gongzhi.platform.api.PageQuery;
import org.gongzhi.platform.persistence.IdList;
import org.gongzhi.platform.problem.ProblemException;
import org.gongzhi.platform.reactive.InOrder;
import org.gongzhi.platform.security.Caller;

/** Sessions of the hall: agenda, registration, attendance and minutes. */
@ApplicationScoped
public class MeetingService {
    private final TopicService topics;

    MeetingService(TopicService topics) {
        this.topics = topics;
    }

    @WithTransaction
    public Uni<MeetingView> create(Caller caller, @Valid @NotNull NewMeeting input) {
        Uni<Void> agendaOk = InOrder.each(input.topicIds(), topicId -> topics.topic(caller, topicId));
        Meeting m = new Meeting();
        m.id = UUID.randomUUID();
        m.communityId = caller.community();
        m.title = input.title();
        m.place = input.place();
        m.startsAt = input.startsAt();
        m.topics = String.join(",", input.topicIds().stream().map(UUID::toString).toList());
        m.createdBy = caller.id();
        return agendaOk.chain(() -> m.persist()).chain(() -> view(m));
    }

    /**
     * One page of the community's sessions, latest start first (the same start: the greater id first), each as the
     * other operations answer it, in three queries whatever the page holds: the total, the page, and the counts of
     * registered and attended for all its sessions.
     */
    @WithSession
    public Uni<Page<MeetingView>> list(Caller caller, @Valid @NotNull MeetingSearch search) {
        Map<String, Object> community = Map.of("community", caller.community());
        return search.answer(PageQuery.total("Meeting", "communityId = :community", community),
                () -> Meeting.<Meeting>find("communityId = :community", Sort.descending("startsAt", "id"), community)
                        .page(search.page, search.size()).list()
                        .chain(this::views));
    }

    @WithTransaction
    public Uni<MeetingView> register(Caller caller, UUID meetingId) {
        return meeting(caller, meetingId).chain(m -> Panache.getSession().chain(s -> s.createNativeQuery("""
                        insert into meeting_participant (meeting_id, resident_id) values (:m, :r)
                        on conflict do nothing""").setParameter("m", m.id).setParameter("r", caller.id())
                .executeUpdate()).chain(() -> view(m)));
    }

    @WithTransaction
    public Uni<MeetingView> attendance(Caller caller, UUID meetingId, @Valid @NotNull Attendance input) {
        return meeting(caller, meetingId).chain(m -> InOrder.each(input.residentIds(), resident ->
                        Panache.getSession().chain(s -> s.createNativeQuery("""
                                insert into meeting_participant (meeting_id, resident_id, attended) values (:m, :r, true)
                                on conflict (meeting_id, resident_id) do update set attended = true""")
                        .setParameter("m", m.id).setParameter("r", resident).executeUpdate()))
                .chain(() -> view(m)));
    }

    @WithTransaction
    public Uni<MeetingView> minutes(Caller caller, UUID meetingId, @Valid @NotNull Minutes input) {
        return meeting(caller, meetingId).chain(m -> {
            m.minutes = input.text();
            return view(m);
        });
    }

    private Uni<Meeting> meeting(Caller caller, UUID id) {
        return Meeting.<Meeting>findById(id).map(m -> {
            if (m == null || !m.communityId.equals(caller.community())) {
                throw ProblemException.notFound("meeting", id.toString());
            }
            return m;
        });
    }

    private Uni<MeetingView> view(Meeting m) {
        return views(List.of(m)).map(vs -> vs.get(0));
    }

    /** The views of some sessions, in their order, with who registered and who attended, read in one query. */
    private Uni<List<MeetingView>> views(List<Meeting> meetings) {
        if (meetings.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        IdList<UUID> ids = IdList.of(meetings.stream().map(m -> m.id).toList());
        String hql = "select p.meetingId, count(*), sum(case when p.attended = true then 1 else 0 end) "
                + "from MeetingParticipant p where p.meetingId " + ids.condition() + " group by p.meetingId";
        return Panache.getSession().chain(s -> s.createSelectionQuery(hql, Object[].class)
                        .setParameter("ids", ids.bound()).getResultList())
                .map(rows -> {
                    Map<UUID, Object[]> counts = new HashMap<>();
                    rows.forEach(r -> counts.put((UUID) r[0], r));
                    return meetings.stream().map(m -> {
                        Object[] row = counts.get(m.id);
                        long registered = row == null ? 0 : ((Number) row[1]).longValue();
                        long attended = row == null ? 0 : ((Number) row[2]).longValue();
                        return new MeetingView(m.id, m.title, m.place, m.startsAt, Arrays.asList(m.topics.split(",")),
                                m.minutes, registered, attended);
                    }).toList();
                });
    }
}
