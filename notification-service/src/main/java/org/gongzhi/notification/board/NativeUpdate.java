package org.gongzhi.notification.board;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** A native statement in the consumer's session and transaction (the projections are plain upserts). */
final class NativeUpdate {
    private NativeUpdate() {
    }

    static Uni<Void> run(String sql, Object... params) {
        return Panache.getSession().chain(s -> {
            var query = s.createNativeQuery(sql);
            for (int i = 0; i < params.length; i += 2) {
                query.setParameter((String) params[i], params[i + 1]);
            }
            return query.executeUpdate();
        }).replaceWithVoid();
    }
}
