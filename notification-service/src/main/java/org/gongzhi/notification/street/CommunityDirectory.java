package org.gongzhi.notification.street;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.gongzhi.events.CommunityRegistered;
import org.gongzhi.notification.projection.Projection;
import org.gongzhi.platform.inbox.EventRoutes;
import org.gongzhi.platform.inbox.InboundEvent;

/**
 * The registry's communities with the sub-district each belongs to, kept from the compacted topic. Each row keeps the
 * highest version seen, so an older record read again (a replay, the topic read from its start) never undoes a change.
 */
@ApplicationScoped
public class CommunityDirectory implements Projection {

    @Override
    public Kind kind() {
        return Kind.READ_MODEL;
    }

    @Override
    public List<String> tables() {
        return List.of("community_directory");
    }

    @Override
    public void register(EventRoutes routes) {
        routes.on(CommunityRegistered.class, this::registered);
    }

    private Uni<Void> registered(InboundEvent<CommunityRegistered> event) {
        CommunityRegistered c = event.data();
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        insert into community_directory (community_id, name, name_en, subdistrict_id, subdistrict_name,
                            subdistrict_name_en, version)
                        values (:community, :name, :nameEn, :sub, :subName, :subNameEn, :version)
                        on conflict (community_id) do update set name = excluded.name, name_en = excluded.name_en,
                            subdistrict_id = excluded.subdistrict_id, subdistrict_name = excluded.subdistrict_name,
                            subdistrict_name_en = excluded.subdistrict_name_en, version = excluded.version
                        where community_directory.version < excluded.version""")
                .setParameter("community", c.communityId()).setParameter("name", c.name())
                .setParameter("nameEn", c.nameEn()).setParameter("sub", c.subdistrict().id())
                .setParameter("subName", c.subdistrict().name()).setParameter("subNameEn", c.subdistrict().nameEn())
                .setParameter("version", c.version())
                .executeUpdate()).replaceWithVoid();
    }
}
