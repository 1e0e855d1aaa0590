package org.gongzhi.volunteer.matching;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.gongzhi.volunteer.team.Volunteer;

/**
 * Who can be asked in a community: its active volunteers who live in a building on the grid, where that is, and how
 * many tasks each took on in the last 7 days (accepted, completed, handed over or missed offers). Read in one query
 * that returns plain values (no entities for the session to track and flush), with single-valued parameters only, so
 * Hibernate translates it once and reuses the plan. One pool serves every visit of a warning: the offers made while
 * it is used are open ones, which do not count as tasks.
 */
record CandidatePool(List<Ranking.Candidate> candidates) {
    private static final String QUERY = """
            select v.id, v.skills, v.availability, home.gridX, home.gridY, v.maxTasksPerWeek,
                (select count(o) from Offer o where o.volunteerId = v.id and o.status in (?2, ?3, ?4, ?5)
                    and o.offeredAt >= ?6)
            from Volunteer v join Building home on home.communityId = v.communityId and home.code = v.building
            where v.active = true and home.removed = false and v.communityId = ?1""";

    static Uni<CandidatePool> of(String communityId, Instant now) {
        Instant weekAgo = now.minus(Duration.ofDays(7));
        return Panache.getSession().chain(session -> session.createSelectionQuery(QUERY, Object[].class)
                .setParameter(1, communityId)
                .setParameter(2, Offer.Status.ACCEPTED)
                .setParameter(3, Offer.Status.COMPLETED)
                .setParameter(4, Offer.Status.HANDED_OVER)
                .setParameter(5, Offer.Status.MISSED)
                .setParameter(6, weekAgo)
                .getResultList())
                .map(rows -> new CandidatePool(rows.stream().map(CandidatePool::candidate).toList()));
    }

    private static Ranking.Candidate candidate(Object[] row) {
        return new Ranking.Candidate((String) row[0], Volunteer.skillList((String) row[1]), (String) row[2],
                (Integer) row[3], (Integer) row[4], ((Long) row[6]).intValue(), (Integer) row[5]);
    }

    /** Everyone in the pool not asked yet for this matching. */
    List<Ranking.Candidate> notTried(Matching m) {
        Set<String> tried = Set.copyOf(m.triedList());
        return tried.isEmpty() ? candidates : candidates.stream().filter(c -> !tried.contains(c.id())).toList();
    }
}
