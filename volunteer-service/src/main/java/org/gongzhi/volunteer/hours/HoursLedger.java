package org.gongzhi.volunteer.hours;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.gongzhi.platform.problem.ProblemException;
import org.gongzhi.platform.security.Caller;
import org.gongzhi.volunteer.hours.HoursViews.Entry;
import org.gongzhi.volunteer.hours.HoursViews.Month;
import org.gongzhi.volunteer.hours.HoursViews.Recognition;
import org.gongzhi.volunteer.hours.HoursViews.TeamStats;
import org.gongzhi.volunteer.hours.HoursViews.VolunteerHours;
import org.gongzhi.volunteer.team.Team;
import org.gongzhi.volunteer.team.Volunteer;

/** The service-hours ledger: written when work is completed, read per volunteer and per team. */
@ApplicationScoped
public class HoursLedger {
    /** Months are counted in the estate's own time. */
    public static final ZoneId ESTATE_TIME = ZoneId.of("Asia/Shanghai");

    /** Records hours inside the caller's transaction; the volunteer's current team gets the credit. */
    public Uni<Void> record(String volunteerId, HoursEntry.Source source, String reference, BigDecimal hours,
            String note, Instant at) {
        return Volunteer.<Volunteer>findById(volunteerId).chain(v -> {
            HoursEntry e = new HoursEntry();
            e.id = UUID.randomUUID();
            e.volunteerId = volunteerId;
            e.team = v.team;
            e.source = source;
            e.reference = reference;
            e.hours = hours;
            e.note = note;
            e.workedAt = at;
            return e.persist().replaceWithVoid();
        });
    }

    @WithSession
    public Uni<VolunteerHours> ofVolunteer(String volunteerId) {
        return HoursEntry.<HoursEntry>list("volunteerId = ?1 order by workedAt desc", volunteerId).map(entries ->
                new VolunteerHours(volunteerId, sum(entries), entries.size(), monthly(entries),
                        entries.stream().map(Entry::of).toList()));
    }

    /**
     * A team's totals for workers and admins of its community, and for the team's own leader and members; to anyone
     * else the team does not exist. {@code month} ({@code 2026-11}) limits the recognition list to that month.
     */
    @WithSession
    public Uni<TeamStats> ofTeam(String teamId, String month, Caller caller) {
        YearMonth period = parseMonth(month);
        return Team.<Team>findById(teamId).chain(team -> {
            // another community's team does not exist here, whoever the token names
            if (team == null || !team.communityId.equals(caller.community())) {
                throw ProblemException.notFound("team", teamId);
            }
            return Volunteer.<Volunteer>list("team", teamId).chain(members -> {
                boolean staff = caller.staff();
                if (!staff && Optional.ofNullable(caller.volunteer()).map(me -> !me.equals(team.leader)
                        && members.stream().noneMatch(m -> m.id.equals(me))).orElse(true)) {
                    throw ProblemException.notFound("team", teamId);
                }
                return HoursEntry.<HoursEntry>list("team", teamId).map(entries -> stats(team, members, entries,
                        period));
            });
        });
    }

    private static TeamStats stats(Team team, List<Volunteer> members, List<HoursEntry> entries, YearMonth period) {
        Map<String, String> names = members.stream().collect(Collectors.toMap(m -> m.id, m -> m.name));
        List<HoursEntry> counted = period == null ? entries
                : entries.stream().filter(e -> YearMonth.from(e.workedAt.atZone(ESTATE_TIME)).equals(period)).toList();
        Map<String, List<HoursEntry>> byVolunteer = counted.stream()
                .collect(Collectors.groupingBy(e -> e.volunteerId));
        List<Map.Entry<String, List<HoursEntry>>> ordered = new ArrayList<>(byVolunteer.entrySet());
        ordered.sort(Comparator.<Map.Entry<String, List<HoursEntry>>, BigDecimal>comparing(e -> sum(e.getValue()))
                .reversed().thenComparing(Map.Entry::getKey));
        List<Recognition> recognition = new ArrayList<>();
        for (var e : ordered) {
            recognition.add(new Recognition(recognition.size() + 1, e.getKey(),
                    names.getOrDefault(e.getKey(), e.getKey()), sum(e.getValue()), e.getValue().size()));
        }
        return new TeamStats(team.id, team.name, team.leader, members.size(),
                members.stream().filter(m -> m.active).count(), sum(entries), entries.size(), monthly(entries),
                period == null ? "all time" : period.toString(), recognition);
    }

    private static YearMonth parseMonth(String month) {
        if (month == null || month.isBlank()) {
            return null;
        }
        try {
            return YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("month", "must be a month like 2026-11");
        }
    }

    static BigDecimal sum(List<HoursEntry> entries) {
        return entries.stream().map(e -> e.hours).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static List<Month> monthly(List<HoursEntry> entries) {
        Map<YearMonth, List<HoursEntry>> byMonth = entries.stream().collect(Collectors.groupingBy(
                e -> YearMonth.from(e.workedAt.atZone(ESTATE_TIME)), TreeMap::new, Collectors.mapping(
                        Function.identity(), Collectors.toList())));
        return byMonth.entrySet().stream()
                .map(e -> new Month(e.getKey().toString(), sum(e.getValue()), e.getValue().size())).toList();
    }
}
