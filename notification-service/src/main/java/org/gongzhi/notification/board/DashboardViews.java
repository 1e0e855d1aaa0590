package org.gongzhi.notification.board;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the dashboard's JSON read models answer. */
public final class DashboardViews {
    private DashboardViews() {
    }

    /** An open request; {@code nextDeadline} is respond-by until someone responded, then resolve-by. */
    public record BoardRequest(String id, String category, String building, String status, String urgency,
            String leadParty, String leadOrganisationId, Instant respondBy, Instant resolveBy, Instant respondedAt,
            Instant submittedAt, Instant nextDeadline, boolean overdue) {
    }

    public record BuildingLoad(String building, int gridX, int gridY, long open, long overdue) {
    }

    public record PartyLoad(String organisationId, String name, long open, long overdue, long escalated) {
    }

    public record VolunteerLoad(long openOffers, long inProgress, long completed) {
    }

    public record Workload(List<PartyLoad> parties, VolunteerLoad volunteers) {
    }

    public record ActiveWarning(String id, String type, String level, Instant from, Instant until, Instant issuedAt) {
    }

    /** {@code rate} is null when nothing was due: no rate, rather than a flattering 100%. */
    public record Rate(long numerator, long denominator, Double rate) {
        static Rate of(long numerator, long denominator) {
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

    public record Rates(String zone, ThreeRates today, ThreeRates week, ThreeRates month, List<DayRates> trend,
            List<PartyRates> parties) {
    }
}
