package org.gongzhi.alliance.organisation;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import org.gongzhi.events.TaskStatus;

/** Member organisations with their contacts and rota, each registration of one community. */
@ApplicationScoped
@WithSession
public class OrganisationRepository {

    /** The organisation's registration in the community, or null. */
    public Uni<Organisation> find(String communityId, String id) {
        return Organisation.findById(new Organisation.Key(id, communityId));
    }

    public Uni<List<Organisation>> list(String communityId) {
        return Organisation.list("communityId = ?1 order by id", communityId);
    }

    /** The communities the organisation serves (where it is registered). */
    public Uni<List<String>> communitiesOf(String id) {
        return Panache.getSession().chain(s -> s.createSelectionQuery(
                        "select o.communityId from Organisation o where o.id = ?1 order by o.communityId", String.class)
                .setParameter(1, id).getResultList());
    }

    /** Those of the ids registered in the community. */
    public Uni<List<Organisation>> byIds(String communityId, Collection<String> ids) {
        return ids.isEmpty() ? Uni.createFrom().item(List.of())
                : Organisation.list("communityId = ?1 and id in ?2", communityId, ids);
    }

    public Uni<List<Contact>> contacts(String communityId, Collection<String> organisationIds) {
        return organisationIds.isEmpty() ? Uni.createFrom().item(List.of())
                : Contact.list("communityId = ?1 and organisationId in ?2 order by name", communityId,
                        organisationIds);
    }

    public Uni<List<DutyShift>> rota(String communityId, Collection<String> organisationIds) {
        return organisationIds.isEmpty() ? Uni.createFrom().item(List.of())
                : DutyShift.list("communityId = ?1 and organisationId in ?2 order by dayOfWeek, starts", communityId,
                        organisationIds);
    }

    /** How many routing rules, risk points and open tasks of the community name the organisation. */
    Uni<Long> usages(String communityId, String id) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        select (select count(*) from routing_rule where community_id = :community
                                and (lead = :id or :id = any(string_to_array(supporting, ','))))
                             + (select count(*) from risk_point where community_id = :community and organisation_id = :id)
                             + (select count(*) from task where community_id = :community and organisation_id = :id
                                and status in (:assigned, :acknowledged, :inProgress))""", Long.class)
                .setParameter("id", id).setParameter("community", communityId)
                .setParameter("assigned", TaskStatus.ASSIGNED.wire())
                .setParameter("acknowledged", TaskStatus.ACKNOWLEDGED.wire())
                .setParameter("inProgress", TaskStatus.IN_PROGRESS.wire()).getSingleResult());
    }

    Uni<Void> replaceDetails(String communityId, String organisationId, List<Contact> contacts, List<DutyShift> rota) {
        return Contact.delete("communityId = ?1 and organisationId = ?2", communityId, organisationId)
                .chain(() -> DutyShift.delete("communityId = ?1 and organisationId = ?2", communityId, organisationId))
                .chain(() -> Panache.getSession())
                .chain(s -> s.persistAll(contacts.toArray()).chain(() -> s.persistAll(rota.toArray())));
    }
}
