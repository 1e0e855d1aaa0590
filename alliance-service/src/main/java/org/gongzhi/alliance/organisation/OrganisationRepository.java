package org.gongzhi.alliance.organisation;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import org.gongzhi.events.TaskStatus;

/** Member organisations with their contacts and rota. */
@ApplicationScoped
@WithSession
public class OrganisationRepository {

    public Uni<Organisation> find(String id) {
        return Organisation.findById(id);
    }

    public Uni<List<Organisation>> list(String communityId) {
        return Organisation.list("communityId = ?1 order by id", communityId);
    }

    public Uni<List<Organisation>> byIds(Collection<String> ids) {
        return ids.isEmpty() ? Uni.createFrom().item(List.of()) : Organisation.list("id in ?1", ids);
    }

    public Uni<List<Contact>> contacts(Collection<String> organisationIds) {
        return organisationIds.isEmpty() ? Uni.createFrom().item(List.of())
                : Contact.list("organisationId in ?1 order by name", organisationIds);
    }

    public Uni<List<DutyShift>> rota(Collection<String> organisationIds) {
        return organisationIds.isEmpty() ? Uni.createFrom().item(List.of())
                : DutyShift.list("organisationId in ?1 order by dayOfWeek, starts", organisationIds);
    }

    /** How many routing rules, risk points and open tasks name the organisation. */
    Uni<Long> usages(String id) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        select (select count(*) from routing_rule where lead = :id or :id = any(string_to_array(supporting, ',')))
                             + (select count(*) from risk_point where organisation_id = :id)
                             + (select count(*) from task where organisation_id = :id
                                and status in (:assigned, :acknowledged, :inProgress))""", Long.class)
                .setParameter("id", id).setParameter("assigned", TaskStatus.ASSIGNED.wire())
                .setParameter("acknowledged", TaskStatus.ACKNOWLEDGED.wire())
                .setParameter("inProgress", TaskStatus.IN_PROGRESS.wire()).getSingleResult());
    }

    Uni<Void> replaceDetails(String organisationId, List<Contact> contacts, List<DutyShift> rota) {
        return Contact.delete("organisationId", organisationId)
                .chain(() -> DutyShift.delete("organisationId", organisationId))
                .chain(() -> Panache.getSession())
                .chain(s -> s.persistAll(contacts.toArray()).chain(() -> s.persistAll(rota.toArray())));
    }
}
