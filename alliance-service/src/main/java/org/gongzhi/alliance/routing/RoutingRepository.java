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

    /**
     * What routing a request reads, in one query: every organisation of the community as {@code [id, name, rule]},
     * the rule being one of the category's rules the organisation leads, or null if it leads none (an organisation
     * leading several comes once per rule). A rule's parties are members of its community, so each of the category's
     * rules comes exactly once. Read-only: nothing of it is written back.
     */
    public Uni<List<Object[]>> membersWithRules(String communityId, String category) {
        return getSession().chain(s -> s.createSelectionQuery("""
                        select o.id, o.name, r from Organisation o
                        left join RoutingRule r
                            on r.lead = o.id and r.communityId = :community and r.category = :category
                        where o.communityId = :community""", Object[].class)
                .setParameter("community", communityId)
                .setParameter("category", category)
                .setReadOnly(true)
                .getResultList());
    }

    public Uni<List<RoutingRule>> forCategory(String communityId, String category) {
        return list("communityId = ?1 and category = ?2 order by priority desc, createdAt", communityId, category);
    }
}
