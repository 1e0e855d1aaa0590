package org.gongzhi.alliance.feed;

import io.agroal.api.AgroalDataSource;
import io.smallrye.mutiny.Multi;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An organisation's task events as a stream: first what came after the client's Last-Event-ID, then new entries
 * as they commit. It reads the feed table (written with each task change), so any instance can serve any client.
 */
@ApplicationScoped
public class TaskFeed {
    private final AgroalDataSource dataSource;
    private final FeedConfig config;

    TaskFeed(AgroalDataSource dataSource, FeedConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    public record Entry(long seq, String eventType, String payload) {
    }

    /**
     * Entries after {@code lastSeen}; without one, only entries from now on. Only those of {@code communities} the
     * organisation is registered in (a token of another community that names it follows nothing); a partner serving
     * several communities follows them all in one stream.
     */
    public Multi<Entry> follow(String organisationId, Collection<String> communities, Long lastSeen) {
        String[] communityIds = communities.toArray(String[]::new);
        AtomicLong cursor = new AtomicLong(lastSeen == null ? -1 : lastSeen);
        return Multi.createFrom().ticks().startingAfter(java.time.Duration.ofMillis(1)).every(config.pollInterval())
                .onOverflow().drop()
                .emitOn(io.smallrye.mutiny.infrastructure.Infrastructure.getDefaultWorkerPool())
                .onItem().transformToIterable(tick -> {
                    if (cursor.get() < 0) {
                        cursor.set(latest(organisationId, communityIds));
                        return List.of();
                    }
                    List<Entry> entries = after(organisationId, communityIds, cursor.get());
                    if (!entries.isEmpty()) {
                        cursor.set(entries.get(entries.size() - 1).seq());
                    }
                    return entries;
                });
    }

    private long latest(String organisationId, String[] communities) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("""
                        select coalesce(max(seq), 0) from feed_entry f
                        join organisation o on o.id = f.organisation_id and o.community_id = f.community_id
                        where f.organisation_id = ? and f.community_id = any(?)""")) {
            s.setString(1, organisationId);
            s.setArray(2, c.createArrayOf("text", communities));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("feed unavailable", e);
        }
    }

    private List<Entry> after(String organisationId, String[] communities, long seq) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("""
                        select f.seq, f.event_type, f.payload from feed_entry f
                        join organisation o on o.id = f.organisation_id and o.community_id = f.community_id
                        where f.organisation_id = ? and f.community_id = any(?) and f.seq > ?
                        order by f.seq limit ?""")) {
            s.setString(1, organisationId);
            s.setArray(2, c.createArrayOf("text", communities));
            s.setLong(3, seq);
            s.setInt(4, config.batchSize());
            List<Entry> entries = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    entries.add(new Entry(rs.getLong(1), rs.getString(2), rs.getString(3)));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new IllegalStateException("feed unavailable", e);
        }
    }
}
