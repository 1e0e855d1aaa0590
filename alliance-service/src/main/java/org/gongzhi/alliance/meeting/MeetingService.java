package org.gongzhi.alliance.meeting;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.gongzhi.alliance.organisation.Membership;
import org.gongzhi.events.MeetingConvened;
import org.gongzhi.platform.api.Page;
import org.gongzhi.platform.outbox.Outbox;
import org.gongzhi.platform.persistence.IdList;
import org.gongzhi.platform.problem.ProblemException;
import org.gongzhi.platform.security.Caller;

/**
 * The whistle (吹哨报到) convenes a joint meeting: a durable record and a {@code gongzhi.meeting.convened.v1} in the
 * escalation's transaction. Workers see their community's meetings, a partner only those its organisation is called to,
 * in every community it acts in ({@link Membership}).
 */
@ApplicationScoped
public class MeetingService {
    private final MeetingRepository meetings;
    private final MeetingConfig config;
    private final Outbox outbox;
    private final Membership membership;

    MeetingService(MeetingRepository meetings, MeetingConfig config, Outbox outbox, Membership membership) {
        this.membership = membership;
        this.meetings = meetings;
        this.config = config;
        this.outbox = outbox;
    }

    /**
     * Convenes the request's meeting for the round, in the caller's transaction, unless one is convened already:
     * the event when it was convened now, else null.
     */
    public Uni<MeetingConvened> convene(NewMeeting n, Instant now) {
        Meeting m = new Meeting();
        m.id = UUID.randomUUID();
        m.communityId = n.communityId();
        m.requestId = n.requestId();
        m.round = n.round();
        m.taskId = n.taskId();
        m.category = n.category();
        m.building = n.building();
        m.leadOrganisationId = n.leadOrganisationId();
        m.parties = n.parties().toArray(String[]::new);
        m.startsAt = MeetingSlot.after(now, config);
        m.place = config.placeOf(n.communityId());
        m.missed = n.missed();
        m.deadline = n.deadline();
        m.convenedAt = now;
        return meetings.insertOnce(m).chain(inserted -> {
            if (!inserted) {
                return Uni.createFrom().nullItem();
            }
            MeetingConvened event = new MeetingConvened(m.communityId, m.id.toString(), m.requestId, m.round,
                    m.taskId == null ? null : m.taskId.toString(), m.category, m.building, m.leadOrganisationId,
                    n.parties(), m.startsAt, m.place, m.missed, m.deadline, m.convenedAt, n.partyNames());
            return outbox.add(event).replaceWith(event);
        });
    }

    @WithTransaction
    public Uni<Page<MeetingView>> search(Caller caller, @Valid @NotNull MeetingSearch search) {
        return membership.communities(caller)
                .chain(communities -> meetings.search(IdList.of(communities), caller.org(), search))
                .map(page -> page.map(MeetingView::of));
    }

    /** A meeting the caller has a part in; any other is 404, so its existence is not revealed. */
    @WithTransaction
    public Uni<MeetingView> find(Caller caller, UUID id) {
        String org = caller.org();
        return meetings.findById(id).chain(m -> {
            if (m == null || org != null && !Arrays.asList(m.parties).contains(org)) {
                throw ProblemException.notFound("meeting", id.toString());
            }
            return membership.actsIn(caller, m.communityId).map(member -> {
                if (!member) {
                    throw ProblemException.notFound("meeting", id.toString());
                }
                return MeetingView.of(m);
            });
        });
    }
}
