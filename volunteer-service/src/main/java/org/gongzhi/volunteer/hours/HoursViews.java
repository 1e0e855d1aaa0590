package org.gongzhi.volunteer.hours;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** What the hours endpoints give. */
public final class HoursViews {
    private HoursViews() {
    }

    /** Hours and pieces of work in one calendar month (estate time), e.g. {@code 2026-11}. */
    public record Month(String month, BigDecimal hours, long entries) {
    }

    public record Entry(String source, String reference, BigDecimal hours, String note, Instant workedAt) {
        static Entry of(HoursEntry e) {
            return new Entry(e.source.name(), e.reference, e.hours, e.note, e.workedAt);
        }
    }

    /** A volunteer's ledger: the total, {@code tasks} = pieces of work, monthly totals and every entry. */
    public record VolunteerHours(String volunteerId, BigDecimal total, long tasks, List<Month> monthly,
            List<Entry> entries) {
    }

    /** One line of the recognition list: who gave how many hours. */
    public record Recognition(int rank, String volunteerId, String name, BigDecimal hours, long entries) {
    }

    /** A team's ledger: members, totals, months, and the recognition list (of {@code month}, or all time). */
    public record TeamStats(String team, String name, String leader, long members, long activeMembers,
            BigDecimal totalHours, long entries, List<Month> monthly, String recognitionPeriod,
            List<Recognition> recognition) {
    }
}
