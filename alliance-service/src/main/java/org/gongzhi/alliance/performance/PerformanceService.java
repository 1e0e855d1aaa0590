package org.gongzhi.alliance.performance;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.gongzhi.alliance.estate.Estate;
import org.gongzhi.alliance.organisation.Membership;
import org.gongzhi.events.TaskStatus;
import org.gongzhi.platform.problem.ProblemException;
import org.gongzhi.alliance.task.TaskRepository;
import org.gongzhi.alliance.task.Task;
import org.gongzhi.alliance.task.TaskView.Community;
import org.gongzhi.platform.security.Caller;

/** Per-party figures (the alliance's share of the three rates). */
@ApplicationScoped
public class PerformanceService {
    private final TaskRepository tasks;
    private final Membership membership;
    private final Estate estate;

    PerformanceService(TaskRepository tasks, Membership membership,
            Estate estate) {
        this.tasks = tasks;
        this.membership = membership;
        this.estate = estate;
    }

    /**
     * The organisation's figures in every community the caller acts in ({@link Membership}: a worker its own, a
     * partner each of its token's it serves), added up, and each community's own.
     */
    @WithSession
    public Uni<Performance> of(Caller caller, String organisationId) {
        if (!caller.staff() && !organisationId.equals(caller.org())) {
            throw ProblemException.notFound("organisation", organisationId);
        }
        return membership.communities(caller).chain(acting -> membership.registrations(organisationId)
                .chain(registered -> {
                    // registered in one of them at least: a partner whose token's own community is not one of its
                    // organisation's still reads its figures in those that are
                    if (acting.stream().noneMatch(registered::contains)) {
                        throw ProblemException.notFound("organisation", organisationId);
                    }
                    return tasks.ofOrganisation(acting, organisationId).chain(list -> {
                        List<String> shown = acting.stream().filter(c -> registered.contains(c)
                                || list.stream().anyMatch(t -> c.equals(t.communityId))).toList();
                        return estate.communities(shown).map(names -> figures(organisationId, null, list,
                                shown.stream().map(c -> figures(organisationId, Community.of(c, names.get(c)),
                                        list.stream().filter(t -> c.equals(t.communityId)).toList(), null)).toList()));
                    });
                }));
    }

    static Performance figures(String organisationId, Community community, List<Task> list,
            List<Performance> communities) {
        long acknowledged = list.stream().filter(t -> t.acknowledgedAt != null).count();
        long acknowledgedInTime = list.stream().filter(t -> t.acknowledgedAt != null)
                .filter(t -> t.acknowledgeBy == null || !t.acknowledgedAt.isAfter(t.acknowledgeBy)).count();
        long completed = list.stream().filter(t -> t.status == TaskStatus.COMPLETED).count();
        long completedInTime = list.stream().filter(t -> t.status == TaskStatus.COMPLETED)
                .filter(t -> t.completeBy == null || !t.completedAt.isAfter(t.completeBy)).count();
        return new Performance(organisationId, community, list.size(),
                list.stream().filter(t -> t.status.isOpen()).count(),
                acknowledged, acknowledgedInTime, completed, completedInTime,
                list.stream().filter(t -> t.overdue).count(),
                list.stream().filter(t -> t.status == TaskStatus.DECLINED).count(),
                list.stream().filter(t -> t.status == TaskStatus.CANCELLED).count(),
                list.stream().filter(t -> t.escalationLevel > 0).count(),
                median(list, t -> t.acknowledgedAt),
                median(list, t -> t.status == TaskStatus.COMPLETED ? t.completedAt : null), communities);
    }

    private static Double median(List<Task> list, Function<Task, Instant> end) {
        List<Double> minutes = list.stream()
                .map(t -> end.apply(t) == null ? null : Duration.between(t.assignedAt, end.apply(t)).toSeconds() / 60.0)
                .filter(Objects::nonNull).sorted().toList();
        if (minutes.isEmpty()) {
            return null;
        }
        int mid = minutes.size() / 2;
        return minutes.size() % 2 == 1 ? minutes.get(mid) : (minutes.get(mid - 1) + minutes.get(mid)) / 2;
    }
}
