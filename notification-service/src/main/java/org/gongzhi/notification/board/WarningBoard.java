package org.gongzhi.notification.board;

import static org.gongzhi.notification.board.NativeUpdate.run;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.gongzhi.events.PatrolChecked;
import org.gongzhi.events.WarningIssued;
import org.gongzhi.events.WarningLifted;
import org.gongzhi.platform.inbox.InboundEvent;

/**
 * The weather-warning banner, kept from the events: warnings in force, lifted ones taken down, and each patrol's
 * latest totals (checkpoints done of total, problems found). A patrol report carries its totals so far; the board keeps
 * the highest of each, so a redelivered or older report never lowers the numbers, in any order.
 */
@ApplicationScoped
public class WarningBoard {

    /** Runs inside the consumer's transaction. */
    public Uni<Void> apply(InboundEvent<?> event) {
        if (event.data() instanceof WarningIssued w) {
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
        if (event.data() instanceof WarningLifted l) {
            return run("""
                    insert into warning_board (warning_id, community_id, lifted_at, lift_reason)
                    values (:id, :community, :at, :reason)
                    on conflict (warning_id) do update set lifted_at = excluded.lifted_at,
                        lift_reason = excluded.lift_reason""",
                    "id", l.warningId(), "community", l.communityId(), "at", l.liftedAt(), "reason", l.reason());
        }
        if (event.data() instanceof PatrolChecked p) {
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
        return Uni.createFrom().voidItem();
    }
}
