package org.gongzhi.volunteer.team;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.stream.Collectors;
import org.gongzhi.platform.problem.ProblemException;
import org.gongzhi.volunteer.team.TeamApi.NewTeam;
import org.gongzhi.volunteer.team.TeamApi.NewVolunteer;
import org.gongzhi.volunteer.team.TeamApi.Profile;
import org.gongzhi.volunteer.team.TeamApi.VolunteerChange;
import org.gongzhi.volunteer.team.TeamApi.VolunteerView;
import org.gongzhi.volunteer.team.TeamApi.Window;
import org.gongzhi.platform.security.Caller;
import java.util.Optional;

/** Teams and volunteers (the building grid is the estate registry's, kept by the estate package). */
@ApplicationScoped
public class TeamService {

    /** A team of the caller's community (team ids are unique across communities). */
    @WithTransaction
    public Uni<TeamApi.TeamView> team(@Valid @NotNull NewTeam input, String communityId) {
        return Team.findById(input.id()).chain(existing -> {
            if (existing != null) {
                throw ProblemException.conflict("team " + input.id() + " exists");
            }
            Team t = new Team();
            t.id = input.id();
            t.name = input.name();
            t.leader = input.leader();
            t.communityId = communityId;
            return t.persist().replaceWith(TeamApi.TeamView.of(t));
        });
    }

    /** The teams of one community. */
    @WithSession
    public Uni<List<TeamApi.TeamView>> teams(String communityId) {
        return Team.<Team>list("communityId = ?1 order by id", communityId)
                .map(list -> list.stream().map(TeamApi.TeamView::of).toList());
    }

    /** A volunteer of the caller's community, in one of its teams; the community is the team's. */
    @WithTransaction
    public Uni<VolunteerView> volunteer(@Valid @NotNull NewVolunteer input, String communityId) {
        checkSkills(input.skills());
        return Volunteer.findById(input.id()).chain(existing -> {
            if (existing != null) {
                throw ProblemException.conflict("volunteer " + input.id() + " exists");
            }
            return Team.<Team>findById(input.team());
        }).chain(team -> {
            if (team == null || !communityId.equals(team.communityId)) {
                throw ProblemException.invalid("team", "no team '" + input.team() + "'");
            }
            return checkBuilding(communityId, input.building());
        }).chain(() -> {
            Volunteer v = new Volunteer();
            v.id = input.id();
            v.name = input.name();
            v.team = input.team();
            v.communityId = communityId;
            v.building = input.building();
            v.skills = String.join(",", input.skills());
            v.availability = windows(input.availability());
            v.maxTasksPerWeek = input.maxTasksPerWeek();
            v.phone = input.phone();
            return v.persist().replaceWith(VolunteerView.of(v));
        });
    }

    /** The volunteers of one community, optionally of one team. */
    @WithSession
    public Uni<List<VolunteerView>> volunteers(String team, String communityId) {
        Uni<List<Volunteer>> found = team == null ? Volunteer.list("communityId = ?1 order by id", communityId)
                : Volunteer.list("communityId = ?1 and team = ?2 order by id", communityId, team);
        return found.map(list -> list.stream().map(VolunteerView::of).toList());
    }

    @WithSession
    public Uni<Profile> profile(String volunteerId) {
        return Volunteer.<Volunteer>findById(volunteerId).map(v -> {
            if (v == null) {
                throw ProblemException.notFound("volunteer", volunteerId);
            }
            return Profile.of(v);
        });
    }

    /**
     * Changes a profile. A volunteer changes their own; workers and admins anyone's of their community; a team leader
     * the members of their team. To anyone else the volunteer does not exist.
     */
    @WithTransaction
    public Uni<Profile> change(String volunteerId, @Valid @NotNull VolunteerChange change, Caller caller) {
        if (change.skills() != null) {
            checkSkills(change.skills());
        }
        return Volunteer.<Volunteer>findById(volunteerId).chain(v -> {
            // another community's volunteer does not exist here, whoever the token names
            if (v == null || !v.communityId.equals(caller.community())) {
                throw ProblemException.notFound("volunteer", volunteerId);
            }
            Optional<String> me = Optional.ofNullable(caller.volunteer());
            if (caller.staff() || me.filter(volunteerId::equals).isPresent()) {
                return Uni.createFrom().item(v);
            }
            return Team.<Team>findById(v.team).map(team -> {
                if (team == null || me.isEmpty() || !me.get().equals(team.leader)) {
                    throw ProblemException.notFound("volunteer", volunteerId);
                }
                return v;
            });
        }).chain(v -> (change.building() == null ? Uni.createFrom().voidItem() : checkBuilding(v.communityId, change.building()))
                .map(ignored -> {
                    if (change.building() != null) {
                        v.building = change.building();
                    }
                    if (change.skills() != null) {
                        v.skills = String.join(",", change.skills());
                    }
                    if (change.availability() != null) {
                        v.availability = windows(change.availability());
                    }
                    if (change.maxTasksPerWeek() != null) {
                        v.maxTasksPerWeek = change.maxTasksPerWeek();
                    }
                    if (change.active() != null) {
                        v.active = change.active();
                    }
                    if (change.phone() != null) {
                        v.phone = change.phone().isBlank() ? null : change.phone();
                    }
                    return Profile.of(v);
                }));
    }

    private static void checkSkills(List<String> skills) {
        for (int i = 0; i < skills.size(); i++) {
            if (!Skills.ALL.contains(skills.get(i))) {
                throw ProblemException.invalid("skills[" + i + "]", "unknown skill '" + skills.get(i)
                        + "'; one of " + Skills.ALL);
            }
        }
    }

    private static Uni<Void> checkBuilding(String communityId, String code) {
        return Building.onGrid(communityId, code).map(building -> {
            if (building == null) {
                throw ProblemException.invalid("building", "building '" + code + "' is not on the grid");
            }
            return null;
        });
    }

    private static String windows(List<Window> availability) {
        return availability.stream().map(w -> w.day() + " " + w.from() + "-" + w.to())
                .collect(Collectors.joining(";"));
    }
}
