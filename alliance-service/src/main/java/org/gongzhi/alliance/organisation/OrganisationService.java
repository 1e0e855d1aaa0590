package org.gongzhi.alliance.organisation;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.gongzhi.alliance.estate.Estate;
import org.gongzhi.events.OrganisationType;
import org.gongzhi.events.WarningIssued;
import org.gongzhi.platform.problem.ProblemException;

/** Registers and updates the alliance's member organisations. */
@ApplicationScoped
public class OrganisationService {
    private static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");

    private final OrganisationRepository organisations;
    private final Clock clock;
    private final Estate estate;

    OrganisationService(OrganisationRepository organisations, Clock clock, Estate estate) {
        this.organisations = organisations;
        this.clock = clock;
        this.estate = estate;
    }

    @WithTransaction
    public Uni<OrganisationView> register(String communityId, @Valid @NotNull NewOrganisation input) {
        return checkCodes(communityId, input).chain(() -> organisations.find(communityId, input.id()))
                .chain(existing -> {
            if (existing != null) {
                throw ProblemException.conflict("organisation " + input.id() + " is already registered in this "
                        + "community");
            }
            Organisation o = new Organisation();
            o.id = input.id();
            o.communityId = communityId;
            o.createdAt = clock.instant();
            return save(o, input);
        });
    }

    @WithTransaction
    public Uni<OrganisationView> update(String communityId, String id, @Valid @NotNull NewOrganisation input) {
        if (!id.equals(input.id())) {
            throw ProblemException.invalid("id", "must be the id in the path (" + id + ")");
        }
        return checkCodes(communityId, input).chain(() -> visible(communityId, id)).chain(o -> save(o, input));
    }

    private Uni<OrganisationView> save(Organisation o, NewOrganisation input) {
        o.name = input.name().strip();
        o.nameEn = input.nameEn();
        o.type = OrganisationType.valueOf(input.type());
        o.buildings = input.buildings() == null ? List.of() : List.copyOf(input.buildings());
        o.categories = input.categories() == null ? List.of() : List.copyOf(input.categories());
        o.updatedAt = clock.instant();
        List<Contact> contacts = Optional.ofNullable(input.contacts()).orElse(List.of()).stream().map(c -> {
            Contact contact = new Contact();
            contact.id = UUID.randomUUID();
            contact.organisationId = o.id;
            contact.communityId = o.communityId;
            contact.name = c.name();
            contact.role = c.role();
            contact.phone = c.phone();
            return contact;
        }).toList();
        List<DutyShift> rota = Optional.ofNullable(input.rota()).orElse(List.of()).stream().map(s -> {
            DutyShift shift = new DutyShift();
            shift.id = UUID.randomUUID();
            shift.organisationId = o.id;
            shift.communityId = o.communityId;
            shift.dayOfWeek = s.dayOfWeek();
            shift.starts = s.starts();
            shift.ends = s.ends();
            shift.contact = s.contact();
            shift.backup = s.backup();
            return shift;
        }).toList();
        return o.<Organisation>persist()
                .chain(() -> organisations.replaceDetails(o.communityId, o.id, contacts, rota))
                .replaceWith(() -> OrganisationView.of(o, contacts, rota));
    }

    private Uni<Void> checkCodes(String communityId, NewOrganisation input) {
        List<String> buildings = Optional.ofNullable(input.buildings()).orElse(List.of());
        List<String> categories = Optional.ofNullable(input.categories()).orElse(List.of());
        return estate.buildings(communityId).invoke(known -> Estate.requireEach(buildings, known, "buildings",
                        "building"))
                .chain(() -> estate.categories(communityId)).invoke(known -> Estate.requireEach(categories, known, "categories",
                        "category"))
                .replaceWithVoid();
    }

    /**
     * Removes a member from the community, when no rule, risk point or open task of the community still names it; its
     * registrations in other communities stay as they are.
     */
    @WithTransaction
    public Uni<Void> remove(String communityId, String id) {
        return visible(communityId, id).chain(o -> organisations.usages(communityId, id).chain(uses -> {
            if (uses > 0) {
                throw ProblemException.conflict("organisation " + id + " is still named by " + uses
                        + " routing rule(s), risk point(s) or open task(s)");
            }
            return organisations.replaceDetails(communityId, id, List.of(), List.of()).chain(() -> o.delete());
        }));
    }

    @WithTransaction
    public Uni<List<OrganisationView>> list(String communityId) {
        return organisations.list(communityId).chain(list -> {
            List<String> ids = list.stream().map(o -> o.id).toList();
            return organisations.contacts(communityId, ids).chain(contacts -> organisations.rota(communityId, ids).map(rota -> {
                Map<String, List<Contact>> c = contacts.stream().collect(Collectors.groupingBy(x -> x.organisationId));
                Map<String, List<DutyShift>> r = rota.stream().collect(Collectors.groupingBy(x -> x.organisationId));
                return list.stream().map(o -> OrganisationView.of(o, c.getOrDefault(o.id, List.of()),
                        r.getOrDefault(o.id, List.of()))).toList();
            }));
        });
    }

    @WithTransaction
    public Uni<OrganisationView> find(String communityId, String id) {
        return visible(communityId, id).chain(o -> organisations.contacts(communityId, List.of(id))
                .chain(contacts -> organisations.rota(communityId, List.of(id)).map(rota -> OrganisationView.of(o, contacts, rota))));
    }

    /** An organisation of the caller's community, or 404. */
    public Uni<Organisation> visible(String communityId, String id) {
        return organisations.find(communityId, id).map(o -> {
            if (o == null) {
                throw ProblemException.notFound("organisation", id);
            }
            return o;
        });
    }

    /** Who backs up the on-duty contact at that moment; runs inside the caller's session. */
    public Uni<Optional<String>> backupOnDuty(String communityId, String organisationId, Instant at) {
        return organisations.rota(communityId, List.of(organisationId)).map(rota -> rota.stream()
                .filter(s -> s.covers(at.atZone(LOCAL))).map(s -> s.backup).findFirst());
    }

    /**
     * Who is on duty at that moment at each of the organisations (of the community; unknown ids are left out): the
     * contact of the shift that covers it ({@code shift} "duty") and its backup ("backup"), by name and contact id
     * when the name is one of the organisation's contacts; an organisation nobody is on duty for is listed without
     * a contact. Never a phone number. Runs inside the caller's session.
     */
    public Uni<List<WarningIssued.OnDuty>> onDuty(String communityId, Collection<String> organisationIds, Instant at) {
        List<String> ids = organisationIds.stream().distinct().sorted().toList();
        ZonedDateTime local = at.atZone(LOCAL);
        return organisations.byIds(communityId, ids).chain(found -> organisations.contacts(communityId, ids)
                .chain(contacts -> organisations.rota(communityId, ids).map(rota -> {
                    List<WarningIssued.OnDuty> onDuty = new ArrayList<>();
                    for (String id : ids) {
                        Organisation o = found.stream().filter(x -> x.id.equals(id)).findFirst().orElse(null);
                        if (o == null || !o.communityId.equals(communityId)) {
                            continue;
                        }
                        Optional<DutyShift> shift = rota.stream().filter(s -> s.organisationId.equals(id))
                                .filter(s -> s.covers(local)).findFirst();
                        if (shift.isEmpty()) {
                            onDuty.add(new WarningIssued.OnDuty(o.id, o.name, null, null, null));
                            continue;
                        }
                        onDuty.add(new WarningIssued.OnDuty(o.id, o.name, contactId(contacts, id, shift.get().contact),
                                shift.get().contact, "duty"));
                        String backup = shift.get().backup;
                        if (backup != null && !backup.isBlank() && !backup.equals(shift.get().contact)) {
                            onDuty.add(new WarningIssued.OnDuty(o.id, o.name, contactId(contacts, id, backup), backup,
                                    "backup"));
                        }
                    }
                    return onDuty;
                })));
    }

    private static String contactId(List<Contact> contacts, String organisationId, String name) {
        return contacts.stream().filter(c -> c.organisationId.equals(organisationId) && c.name.equals(name))
                .findFirst().map(c -> c.id.toString()).orElse(null);
    }
}
