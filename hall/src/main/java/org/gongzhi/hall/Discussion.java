package org.gongzhi.hall;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gongzhi.hall.DeliberationApi.CommentView;
import org.gongzhi.platform.api.Page;
import org.gongzhi.platform.api.PageQuery;
import org.gongzhi.platform.persistence.IdList;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The discussion of topics: a topic shows only its newest comments and how many there are, however long the
 * discussion grows; the whole of it is read page by page, oldest first.
 */
@ApplicationScoped
class Discussion {
    /** How many comments a topic shows: the newest, in the order they were written. */
    static final int SHOWN = 20;

    /** What a topic shows of its discussion. */
    record Shown(List<CommentView> newest, long count) {
        static final Shown NONE = new Shown(List.of(), 0);
    }

    /**
     * What each of some topics shows of its discussion, in two queries however many topics and comments there are:
     * the newest {@link #SHOWN} of each topic (a lateral join, so the index gives each topic's newest and no more
     * are read), and the count of each. A topic without comments is not in the answer.
     */
    Uni<Map<UUID, Shown>> shown(Mutiny.Session s, IdList<UUID> topics) {
        Map<UUID, List<CommentView>> newest = new HashMap<>();
        Map<UUID, Shown> shown = new HashMap<>();
        return s.createSelectionQuery("""
                        select c.topicId, c.id, c.parentId, c.author, c.text, c.hidden, c.hiddenReason, c.createdAt
                        from Topic t join lateral (
                            select x.topicId topicId, x.id id, x.parentId parentId, x.author author, x.text text,
                                   x.hidden hidden, x.hiddenReason hiddenReason, x.createdAt createdAt
                            from TopicComment x where x.topicId = t.id
                            order by x.createdAt desc, x.id desc
                            limit %d) c
                        where t.id %s
                        order by c.createdAt, c.id""".formatted(SHOWN, topics.condition()), Object[].class)
                .setParameter("ids", topics.bound()).getResultList()
                .invoke(rows -> rows.forEach(r -> newest.computeIfAbsent((UUID) r[0], k -> new ArrayList<>())
                        .add(CommentView.of((UUID) r[1], (UUID) r[2], (String) r[3], (String) r[4], (Boolean) r[5],
                                (String) r[6], (Instant) r[7]))))
                .chain(() -> s.createSelectionQuery("select c.topicId, count(*) from TopicComment c where c.topicId "
                                + topics.condition() + " group by c.topicId", Object[].class)
                        .setParameter("ids", topics.bound()).getResultList())
                .map(rows -> {
                    rows.forEach(r -> shown.put((UUID) r[0],
                            new Shown(newest.getOrDefault((UUID) r[0], List.of()), ((Number) r[1]).longValue())));
                    return shown;
                });
    }

    /** One page of a topic's discussion, oldest first (the same moment: the smaller id first), in two queries. */
    Uni<Page<CommentView>> page(UUID topicId, CommentSearch search) {
        return search.answer(PageQuery.total("TopicComment", "topicId = :topic", Map.of("topic", topicId)),
                () -> TopicComment.<TopicComment>find("topicId = :topic", Sort.ascending("createdAt", "id"),
                                Parameters.with("topic", topicId))
                        .page(search.page, search.size()).list()
                        .map(comments -> comments.stream().map(CommentView::of).toList()));
    }
}
