package org.gongzhi.alliance.meeting;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A joint meeting as the API shows it; the community secretary always attends and is not listed among the parties. */
public record MeetingView(UUID id, String communityId, String requestId, int round, String category, String building,
        String leadOrganisationId, List<String> parties, Instant startsAt, String place, String missed,
        Instant deadline, Instant convenedAt) {

    static MeetingView of(Meeting m) {
        return new MeetingView(m.id, m.communityId, m.requestId, m.round, m.category, m.building,
                m.leadOrganisationId, List.of(m.parties), m.startsAt, m.place, m.missed, m.deadline, m.convenedAt);
    }
}
