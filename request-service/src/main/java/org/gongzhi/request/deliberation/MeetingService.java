package org.gongzhi.request.deliberation;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.gongzhi.platform.problem.ProblemException;
import org.gongzhi.platform.reactive.InOrder;
import org.gongzhi.request.deliberation.DeliberationApi.Attendance;
import org.gongzhi.request.deliberation.DeliberationApi.MeetingView;
import org.gongzhi.request.deliberation.DeliberationApi.Minutes;
import org.gongzhi.request.deliberation.DeliberationApi.NewMeeting;
import org.gongzhi.request.request.Viewer;

/** Sessions of the hall: agenda, registration, attendance and minutes. */
@ApplicationScoped
public class MeetingService {
    private final TopicService topics;

    MeetingService(TopicService topics) {
        this.topics = topics;
    }

    @WithTransaction
    public Uni<MeetingView> create(Viewer viewer, @Valid @NotNull NewMeeting input) {
        Uni<Void> agendaOk = InOrder.each(input.topicIds(), topicId -> topics.topic(viewer, topicId));
        Meeting m = new Meeting();
        m.id = UUID.randomUUID();
        m.communityId = viewer.community();
        m.title = input.title();
        m.place = input.place();
        m.startsAt = input.startsAt();
        m.topics = String.join(",", input.topicIds().stream().map(UUID::toString).toList());
        m.createdBy = viewer.id();
        return agendaOk.chain(() -> m.persist()).chain(() -> view(m));
    }

    @WithSession
    public Uni<List<MeetingView>> list(Viewer viewer) {
        return Meeting.<Meeting>list("communityId = ?1 order by startsAt desc", viewer.community())
                .chain(meetings -> InOrder.map(meetings, this::view));
    }

    @WithTransaction
    public Uni<MeetingView> register(Viewer viewer, UUID meetingId) {
        return meeting(viewer, meetingId).chain(m -> Panache.getSession().chain(s -> s.createNativeQuery("""
                        insert into meeting_participant (meeting_id, resident_id) values (:m, :r)
                        on conflict do nothing""").setParameter("m", m.id).setParameter("r", viewer.id())
                .executeUpdate()).chain(() -> view(m)));
    }

    @WithTransaction
    public Uni<MeetingView> attendance(Viewer viewer, UUID meetingId, @Valid @NotNull Attendance input) {
        return meeting(viewer, meetingId).chain(m -> InOrder.each(input.residentIds(), resident ->
                        Panache.getSession().chain(s -> s.createNativeQuery("""
                                insert into meeting_participant (meeting_id, resident_id, attended) values (:m, :r, true)
                                on conflict (meeting_id, resident_id) do update set attended = true""")
                        .setParameter("m", m.id).setParameter("r", resident).executeUpdate()))
                .chain(() -> view(m)));
    }

    @WithTransaction
    public Uni<MeetingView> minutes(Viewer viewer, UUID meetingId, @Valid @NotNull Minutes input) {
        return meeting(viewer, meetingId).chain(m -> {
            m.minutes = input.text();
            return view(m);
        });
    }

    private Uni<Meeting> meeting(Viewer viewer, UUID id) {
        return Meeting.<Meeting>findById(id).map(m -> {
            if (m == null || !m.communityId.equals(viewer.community())) {
                throw ProblemException.notFound("meeting", id.toString());
            }
            return m;
        });
    }

    private Uni<MeetingView> view(Meeting m) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "select count(*), count(*) filter (where attended) from meeting_participant where meeting_id = :m",
                        Object[].class).setParameter("m", m.id).getSingleResult())
                .map(row -> new MeetingView(m.id, m.title, m.place, m.startsAt, Arrays.asList(m.topics.split(",")),
                        m.minutes, ((Number) row[0]).longValue(), ((Number) row[1]).longValue()));
    }
}
