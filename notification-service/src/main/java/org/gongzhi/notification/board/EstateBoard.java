package org.gongzhi.notification.board;

import static org.gongzhi.notification.board.NativeUpdate.run;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.gongzhi.events.BuildingRegistered;
import org.gongzhi.events.BuildingRemoved;
import org.gongzhi.notification.projection.Projection;
import org.gongzhi.platform.inbox.EventRoutes;
import org.gongzhi.platform.inbox.InboundEvent;

/**
 * The estate map's buildings and where they sit on the grid, kept from the registry's compacted topic. Each row keeps
 * the highest version seen, so a redelivered or older record (a rebuild's replay, a consumer reading the topic from
 * its start) never undoes a newer change.
 */
@ApplicationScoped
public class EstateBoard implements Projection {

    @Override
    public Kind kind() {
        return Kind.READ_MODEL;
    }

    @Override
    public List<String> tables() {
        return List.of("estate_board");
    }

    @Override
    public void register(EventRoutes routes) {
        routes.on(BuildingRegistered.class, this::registered).on(BuildingRemoved.class, this::removed);
    }

    private Uni<Void> registered(InboundEvent<BuildingRegistered> event) {
        BuildingRegistered b = event.data();
        return run("""
                insert into estate_board (community_id, code, grid_x, grid_y, version, removed)
                values (:community, :code, :x, :y, :version, false)
                on conflict (community_id, code) do update set grid_x = excluded.grid_x, grid_y = excluded.grid_y,
                    version = excluded.version, removed = false
                where estate_board.version < excluded.version""",
                "community", b.communityId(), "code", b.code(), "x", b.gridX(), "y", b.gridY(), "version",
                b.version());
    }

    private Uni<Void> removed(InboundEvent<BuildingRemoved> event) {
        BuildingRemoved b = event.data();
        return run("""
                insert into estate_board (community_id, code, version, removed)
                values (:community, :code, :version, true)
                on conflict (community_id, code) do update set version = excluded.version, removed = true
                where estate_board.version < excluded.version""",
                "community", b.communityId(), "code", b.code(), "version", b.version());
    }
}
