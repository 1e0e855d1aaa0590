package org.gongzhi.notification.board;

import static org.gongzhi.notification.board.NativeUpdate.run;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.gongzhi.events.PatrolChecked;
import org.gongzhi.events.WarningIssued;
import org.gongzhi.events.WarningLifted;
import org.gongzhi.notification.projection.Projection;
import org.gongzhi.platform.inbox.EventRoutes;
import org.gongzhi.platform.inbox.InboundEvent;

/**
 * The weather-warning banner, kept from the events: warnings in force, lifted ones taken down, and each patrol's
 * latest totals (checkpoints done of total, problems found). A patrol report carries its totals so far; the board keeps
 * the highest of each, so a redelivered or older report never lowers the numbers, in any order.
 */
@ApplicationScoped
public class WarningBoard implements Projection {

    @Override
    public Kind kind() {
        return Kind.READ_MODEL;
    }

    @Override
    public List<String> tables() {
        return List.of("warning_board", "patrol_board");
    }

    @Override
    public void register(EventRoutes routes) {
        routes.on(WarningIssued.class, this::issued)
                .on(WarningLifted.class, this::lifted)
                .on(PatrolChecked.class, this::patrolChecked);
    }

    private Uni<Void> issued(InboundEvent<WarningIssued> event) {
        WarningIssued w = event.data();
        return run("""
                insert into warning_board (warning_id, community_id, type, level, valid_from, valid_until,
                    issued_at)
                values (:id, :community, :type, :level, :from, :until, :at)
                on conflict (warning_id) do update set type = excluded.type, level = excluded.level,
                    valid_from = excluded.valid_from, valid_until = excluded.valid_until,
                    issued_at = excluded.issued_at""",
                "id", w.warningId(), "community", w.communityId(), "type", w.type(), "level", w.level(),
                "from", w.from(), "until", w.until(), "at", w.issuedAt());
    }

    private Uni<Void> lifted(InboundEvent<WarningLifted> event) {
        WarningLifted l = event.data();
        return run("""
                insert into warning_board (warning_id, community_id, lifted_at, lift_reason)
                values (:id, :community, :at, :reason)
                on conflict (warning_id) do update set lifted_at = excluded.lifted_at,
                    lift_reason = excluded.lift_reason""",
                "id", l.warningId(), "community", l.communityId(), "at", l.liftedAt(), "reason", l.reason());
    }

    private Uni<Void> patrolChecked(InboundEvent<PatrolChecked> event) {
        PatrolChecked p = event.data();
        return run("""
                insert into patrol_board (patrol_id, warning_id, community_id, risk_point_id, risk_point_name,
                    organisation_id, building, checkpoints_done, checkpoints_total, problems_found, checked_at)
                values (:id, :warning, :community, :point, :pointName, :org, :building, :done, :total, :problems,
                    :at)
                on conflict (patrol_id) do update set
                    checkpoints_done = greatest(patrol_board.checkpoints_done, excluded.checkpoints_done),
                    checkpoints_total = greatest(patrol_board.checkpoints_total, excluded.checkpoints_total),
                    problems_found = greatest(patrol_board.problems_found, excluded.problems_found),
                    checked_at = greatest(patrol_board.checked_at, excluded.checked_at)""",
                "id", p.patrolId(), "warning", p.warningId(), "community", p.communityId(),
                "point", p.riskPointId(), "pointName", p.riskPointName(), "org", p.organisationId(),
                "building", p.building(), "done", p.checkpointsDone(), "total", p.checkpointsTotal(),
                "problems", p.problemsFound(), "at", p.checkedAt());
    }
}
