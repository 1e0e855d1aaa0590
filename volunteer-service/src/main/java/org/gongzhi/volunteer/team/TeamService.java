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
import org.gongzhi.volunteer.team.TeamApi.NewBuilding;
import org.gongzhi.volunteer.team.TeamApi.NewTeam;
import org.gongzhi.volunteer.team.TeamApi.NewVolunteer;
import org.gongzhi.volunteer.team.TeamApi.VolunteerView;

/** Teams, volunteers and the building grid. */
@ApplicationScoped
public class TeamService {

    @WithTransaction
    public Uni<NewBuilding> building(@Valid @NotNull NewBuilding input) {
        Building b = new Building();
        b.code = input.code();
        b.gridX = input.gridX();
        b.gridY = input.gridY();
        return Panache.getSession().chain(s -> s.merge(b)).replaceWith(input);
    }

    @WithTransaction
    public Uni<NewTeam> team(@Valid @NotNull NewTeam input) {
        return Team.findById(input.id()).chain(existing -> {
            if (existing != null) {
                throw ProblemException.conflict("team " + input.id() + " exists");
            }
            Team t = new Team();
            t.id = input.id();
            t.name = input.name();
            t.leader = input.leader();
            return t.persist().replaceWith(input);
        });
    }

    @WithSession
    public Uni<List<Team>> teams() {
        return Team.listAll();
    }

    @WithTransaction
    public Uni<VolunteerView> volunteer(@Valid @NotNull NewVolunteer input) {
        for (int i = 0; i < input.skills().size(); i++) {
            if (!Skills.ALL.contains(input.skills().get(i))) {
                throw ProblemException.invalid("skills[" + i + "]", "unknown skill '" + input.skills().get(i)
                        + "'; one of " + Skills.ALL);
            }
        }
        return Volunteer.findById(input.id()).chain(existing -> {
            if (existing != null) {
                throw ProblemException.conflict("volunteer " + input.id() + " exists");
            }
            return Team.findById(input.team());
        }).chain(team -> {
            if (team == null) {
                throw ProblemException.invalid("team", "no team '" + input.team() + "'");
            }
            return Building.findById(input.building());
        }).chain(building -> {
            if (building == null) {
                throw ProblemException.invalid("building", "building '" + input.building() + "' is not on the grid");
            }
            Volunteer v = new Volunteer();
            v.id = input.id();
            v.name = input.name();
            v.team = input.team();
            v.building = input.building();
            v.skills = String.join(",", input.skills());
            v.availability = input.availability().stream().map(w -> w.day() + " " + w.from() + "-" + w.to())
                    .collect(Collectors.joining(";"));
            v.maxTasksPerWeek = input.maxTasksPerWeek();
            v.phone = input.phone();
            return v.persist().replaceWith(VolunteerView.of(v));
        });
    }

    @WithSession
    public Uni<List<VolunteerView>> volunteers(String team) {
        Uni<List<Volunteer>> found = team == null ? Volunteer.list("order by id")
                : Volunteer.list("team = ?1 order by id", team);
        return found.map(list -> list.stream().map(VolunteerView::of).toList());
    }
}
