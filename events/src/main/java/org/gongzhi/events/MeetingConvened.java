package org.gongzhi.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The whistle (吹哨报到): a task that nobody acknowledged reached the top of the escalation ladder and the alliance
 * convened a joint meeting on the request — when ({@code startsAt}), where ({@code place}), who ({@code parties}, the
 * lead organisation first, and always the community secretary, whom the notification service knows by community),
 * and what was missed and since when. One meeting per request and round: a second party reaching the whistle convenes
 * none. Organisations by id, and by name in {@code partyNames} (absent from events published before it was added);
 * never a phone number or an email address.
 */
public record MeetingConvened(
        String communityId,
        String meetingId,
        String requestId,
        int round,
        String taskId,
        String category,
        String building,
        String leadOrganisationId,
        List<String> parties,
        Instant startsAt,
        String place,
        String missed,
        Instant deadline,
        Instant convenedAt,
        Map<String, String> partyNames) implements GongzhiEvent {

    public MeetingConvened {
        parties = parties == null ? List.of() : List.copyOf(parties);
        partyNames = partyNames == null ? Map.of() : Map.copyOf(partyNames);
    }

    /** A party's name, or its id where the event does not name it. */
    public String nameOf(String organisationId) {
        return partyNames.getOrDefault(organisationId, organisationId);
    }

    @Override
    public String aggregateId() {
        return requestId;
    }
}
