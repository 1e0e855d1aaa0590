package org.gongzhi.notification.board;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the dashboard's JSON read models answer. */
public final class DashboardViews {
    private DashboardViews() {
    }

    /**
     * An open request; {@code nextDeadline} is respond-by until someone responded, then resolve-by — as moved by a
     * worker on the lead task ({@code task.deadline-changed}, {@code deadlineMovedAt}) when it was;
     * {@code mergedReports}: how many duplicates were merged into it (a merged one leaves the open list).
     */
    public record BoardRequest(String id, String category, String building, String status, String urgency,
            String leadParty, String leadOrganisationId, Instant respondBy, Instant resolveBy, Instant respondedAt,
            Instant submittedAt, Instant nextDeadline, boolean overdue, Instant deadlineMovedAt, long mergedReports) {
    }

    /**
     * One event of the live feed, with what it is about in a worker's words: the request ({@code requestId} only when
     * the board knows it) with its category, building and unit, the party's name, and the event's own data.
     */
    public record FeedLine(long seq, String type, Instant time, String requestId, String category, String building,
            String unit, String party, JsonNode data) {
    }

    public record BuildingLoad(String building, int gridX, int gridY, long open, long overdue) {
    }

    public record PartyLoad(String organisationId, String name, long open, long overdue, long escalated) {
    }

    /** A community's open requests, those past their next deadline, and those with an escalated task still open. */
    public record RequestCounts(long open, long late, long escalated) {
        public static final RequestCounts NONE = new RequestCounts(0, 0, 0);
    }

    /** One party's tasks in one community: open, past their deadline, completed. */
    public record PartyInCommunity(String organisationId, String name, String communityId, long open, long late,
            long done) {
    }

    public record VolunteerLoad(long openOffers, long inProgress, long completed) {
    }

    public record Workload(List<PartyLoad> parties, VolunteerLoad volunteers) {
    }

    public record ActiveWarning(String id, String type, String level, Instant from, Instant until, Instant issuedAt,
            PatrolProgress patrols) {
    }

    /**
     * The patrols of a warning that have reported: how many, how many checked every checkpoint, the checkpoints done of
     * their total, the problems found (each patrol's latest totals, summed).
     */
    public record PatrolProgress(long patrols, long completed, long checkpointsDone, long checkpointsTotal,
            long problemsFound) {
    }

    /** A topic of the deliberation hall not yet decided; {@code voting}: a vote on it is open. */
    public record OpenTopic(String id, String title, List<String> buildings, int linkedRequests, Instant openedAt,
            boolean voting) {
    }

    /** A vote not yet closed: its question, rule, options, window and how many households may vote. */
    public record VoteInProgress(String id, String topicId, String topicTitle, String question, String rule,
            List<String> options, Integer eligibleHouseholds, Instant opensAt, Instant closesAt) {
    }

    /** A decision and how far its action items are done ({@code percentDone} null while it has none). */
    public record DecisionProgress(String topicId, String title, String outcome, Instant decidedAt,
            Integer actionItemsTotal, Integer actionItemsDone, Integer percentDone) {
    }

    public record Deliberation(List<OpenTopic> topics, List<VoteInProgress> votes, List<DecisionProgress> decisions) {
    }

    /** {@code rate} is null when nothing was due: no rate, rather than a flattering 100%. */
    public record Rate(long numerator, long denominator, Double rate) {
        public static Rate of(long numerator, long denominator) {
            return new Rate(numerator, denominator,
                    denominator == 0 ? null : Math.round(10000.0 * numerator / denominator) / 10000.0);
        }
    }

    public record ThreeRates(Rate response, Rate resolution, Rate satisfaction) {
    }

    public record DayRates(LocalDate day, Rate response, Rate resolution, Rate satisfaction) {
    }

    public record PartyRates(String organisationId, String name, Rate response, Rate resolution, Rate satisfaction) {
    }

    /** {@code lastWeek}: the week before this one (Monday to Sunday), for the trend of the week's rates. */
    public record Rates(String zone, ThreeRates today, ThreeRates week, ThreeRates lastWeek, ThreeRates month,
            List<DayRates> trend, List<PartyRates> parties) {
    }
}
