package org.gongzhi.notification.board;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.gongzhi.notification.board.DashboardViews.FeedLine;

/**
 * The latest events of a community with what a person needs to read them: the request's category, building and unit,
 * and the party's name — an event alone names a task or an organisation by id. One statement per read.
 */
@ApplicationScoped
public class LiveFeed {
    /** $1 community, $2 how many; newest first. */
    private static final String LATEST = """
            select e.seq, e.type, e.occurred_at, e.data, coalesce(e.data::jsonb ->> 'requestId', e.subject) as request,
                   r.category, r.building, r.unit,
                   coalesce(e.data::jsonb ->> 'organisationName', t.organisation_name, o.organisation_name,
                            e.data::jsonb ->> 'organisationId') as party
            from (select * from event_log where community_id = $1 order by seq desc limit $2) e
            left join request_board r on r.request_id = coalesce(e.data::jsonb ->> 'requestId', e.subject)
            left join task_board t on t.task_id = e.data::jsonb ->> 'taskId'
            left join lateral (select organisation_name from task_board
                               where organisation_id = e.data::jsonb ->> 'organisationId'
                                 and organisation_name is not null limit 1) o on true
            order by e.seq desc""";

    private final Pool pool;
    private final ObjectMapper json;

    LiveFeed(Pool pool, ObjectMapper json) {
        this.pool = pool;
        this.json = json;
    }

    public Uni<List<FeedLine>> latest(String community, int size) {
        return pool.preparedQuery(LATEST).execute(Tuple.of(community, size)).map(rows -> {
            List<FeedLine> lines = new ArrayList<>();
            for (Row r : rows) {
                boolean aboutRequest = r.getString("category") != null;
                lines.add(new FeedLine(r.getLong("seq"), r.getString("type"), Dashboard.instant(r, "occurred_at"),
                        aboutRequest ? r.getString("request") : null, r.getString("category"),
                        r.getString("building"), r.getString("unit"), r.getString("party"), data(r.getString("data"))));
            }
            return lines;
        });
    }

    private JsonNode data(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            return json.nullNode();
        }
    }
}
