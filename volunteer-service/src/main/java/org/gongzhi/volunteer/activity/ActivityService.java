package org.gongzhi.volunteer.activity;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.gongzhi.platform.problem.ProblemException;
import org.gongzhi.platform.reactive.InOrder;
import org.gongzhi.platform.security.Caller;
import org.gongzhi.volunteer.activity.ActivityApi.ActivityView;
import org.gongzhi.volunteer.activity.ActivityApi.Attendance;
import org.gongzhi.volunteer.activity.ActivityApi.NewActivity;
import org.gongzhi.volunteer.hours.HoursEntry;
import org.gongzhi.volunteer.hours.HoursLedger;
import org.gongzhi.volunteer.team.Building;
import org.gongzhi.volunteer.team.Team;
import org.gongzhi.volunteer.team.Volunteer;

/** Team activities that volunteers sign up for; attendance credits hours. */
@ApplicationScoped
public class ActivityService {
    private final Clock clock;
    private final HoursLedger ledger;

    ActivityService(Clock clock, HoursLedger ledger) {
        this.clock = clock;
        this.ledger = ledger;
    }

    /** Workers and admins of the team's community and the team's leader publish; to anyone else it does not exist. */
    @WithTransaction
    public Uni<List<ActivityView>> publish(String teamId, @Valid @NotNull NewActivity input, Caller caller) {
        return leadable(teamId, caller).chain(team -> input.building() == null ? Uni.createFrom().item(team)
                : Building.onGrid(team.communityId, input.building()).map(b -> {
                    if (b == null) {
                        throw ProblemException.invalid("building", "building '" + input.building()
                                + "' is not on the grid");
                    }
                    return team;
                })).chain(team -> {
                    UUID series = UUID.randomUUID();
                    List<Activity> occurrences = new ArrayList<>();
                    for (int week = 0; week <= input.repeatWeeks(); week++) {
                        Activity a = new Activity();
                        a.id = UUID.randomUUID();
                        a.seriesId = series;
                        a.team = teamId;
                        a.title = input.title();
                        a.kind = input.kind();
                        a.building = input.building();
                        a.startsAt = input.startsAt().plus(Duration.ofDays(7L * week));
                        a.hours = input.hours();
                        a.capacity = input.capacity();
                        occurrences.add(a);
                    }
                    return Activity.persist(occurrences)
                            .replaceWith(occurrences.stream().map(a -> ActivityView.of(a, 0)).toList());
                });
    }

    /** Activities not yet started, of one team or of every team of the community. */
    @WithSession
    public Uni<List<ActivityView>> upcoming(String teamId, String communityId) {
        Instant now = clock.instant();
        String ofCommunity = "select a from Activity a, Team t where t.id = a.team and t.communityId = ?1"
                + " and a.startsAt >= ?2";
        Uni<List<Activity>> found = teamId == null
                ? Activity.<Activity>find(ofCommunity + " order by a.startsAt", communityId, now).list()
                : Activity.<Activity>find(ofCommunity + " and a.team = ?3 order by a.startsAt", communityId, now,
                        teamId).list();
        return found.chain(list -> list.isEmpty() ? Uni.createFrom().item(List.<ActivityView>of())
                : SignUp.<SignUp>list("key.activityId in ?1", list.stream().map(a -> a.id).toList()).map(signUps -> {
                    Map<UUID, Long> counts = signUps.stream()
                            .collect(Collectors.groupingBy(s -> s.key.activityId(), Collectors.counting()));
                    return list.stream().map(a -> ActivityView.of(a, counts.getOrDefault(a.id, 0L))).toList();
                }));
    }

    /** A volunteer signs up for an activity of a team of their own community; others' do not exist for them. */
    @WithTransaction
    public Uni<ActivityView> signUp(UUID activityId, String volunteerId) {
        return ofMyCommunity(activityId, volunteerId).chain(a -> {
            if (a == null) {
                throw ProblemException.notFound("activity", activityId.toString());
            }
            if (!clock.instant().isBefore(a.startsAt)) {
                throw ProblemException.conflict("this activity has already started");
            }
            return SignUp.<SignUp>list("key.activityId", activityId).chain(signUps -> {
                if (signUps.stream().anyMatch(s -> s.key.volunteerId().equals(volunteerId))) {
                    throw ProblemException.conflict("you are already signed up");
                }
                if (signUps.size() >= a.capacity) {
                    throw ProblemException.conflict("this activity is full (" + a.capacity + ")");
                }
                SignUp s = new SignUp();
                s.key = new SignUp.Key(activityId, volunteerId);
                s.signedUpAt = clock.instant();
                return s.persist().replaceWith(ActivityView.of(a, signUps.size() + 1L));
            });
        });
    }

    /** The activity, if its team is of the volunteer's community; else null. */
    private static Uni<Activity> ofMyCommunity(UUID activityId, String volunteerId) {
        return Activity.<Activity>findById(activityId).chain(a -> a == null ? Uni.createFrom().<Activity>nullItem()
                : Team.<Team>findById(a.team).chain(team -> Volunteer.<Volunteer>findById(volunteerId)
                        .map(v -> team != null && v != null && v.communityId.equals(team.communityId) ? a : null)));
    }

    @WithTransaction
    public Uni<Void> withdraw(UUID activityId, String volunteerId) {
        return SignUp.<SignUp>findById(new SignUp.Key(activityId, volunteerId)).chain(s -> {
            if (s == null) {
                throw ProblemException.notFound("sign-up for activity", activityId.toString());
            }
            return s.delete();
        });
    }

    /** After the activity: who was there; each present volunteer is credited its hours, once. */
    @WithTransaction
    public Uni<ActivityView> attendance(UUID activityId, @Valid @NotNull Attendance attendance, Caller caller) {
        return Activity.<Activity>findById(activityId).chain(a -> {
            if (a == null) {
                throw ProblemException.notFound("activity", activityId.toString());
            }
            return leadable(a.team, caller).replaceWith(a);
        }).chain(a -> {
            if (clock.instant().isBefore(a.startsAt)) {
                throw ProblemException.conflict("attendance is recorded after the activity starts");
            }
            if (a.attendanceClosed) {
                throw ProblemException.conflict("attendance was already recorded");
            }
            return SignUp.<SignUp>list("key.activityId", activityId).chain(signUps -> {
                Map<String, SignUp> byVolunteer = signUps.stream()
                        .collect(Collectors.toMap(s -> s.key.volunteerId(), s -> s));
                for (int i = 0; i < attendance.present().size(); i++) {
                    if (!byVolunteer.containsKey(attendance.present().get(i))) {
                        throw ProblemException.invalid("present[" + i + "]", "'" + attendance.present().get(i)
                                + "' did not sign up for this activity");
                    }
                }
                a.attendanceClosed = true;
                Instant now = clock.instant();
                signUps.forEach(s -> s.attended = attendance.present().contains(s.key.volunteerId()));
                return InOrder.each(signUps.stream().filter(s -> s.attended).toList(),
                                s -> ledger.record(s.key.volunteerId(), HoursEntry.Source.ACTIVITY, a.id.toString(),
                                        a.hours, a.title, a.startsAt.isBefore(now) ? a.startsAt : now))
                        .replaceWith(ActivityView.of(a, signUps.size()));
            });
        });
    }

    private static Uni<Team> leadable(String teamId, Caller caller) {
        return Team.<Team>findById(teamId).map(team -> {
            // another community's team does not exist here, whoever the token names
            if (team == null || !team.communityId.equals(caller.community())
                    || !caller.staff() && Optional.ofNullable(caller.volunteer()).filter(team.leader::equals)
                            .isEmpty()) {
                throw ProblemException.notFound("team", teamId);
            }
            return team;
        });
    }
}
