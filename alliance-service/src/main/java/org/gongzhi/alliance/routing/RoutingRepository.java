package org.gongzhi.alliance.routing;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Routing rules of each community. */
@ApplicationScoped
@WithSession
public class RoutingRepository implements PanacheRepositoryBase<RoutingRule, UUID> {

    public Uni<List<RoutingRule>> all(String communityId) {
        return list("communityId = ?1 order by category, priority desc, createdAt", communityId);
    }

    public Uni<List<RoutingRule>> forCategory(String communityId, String category) {
        return list("communityId = ?1 and category = ?2 order by priority desc, createdAt", communityId, category);
    }
}
