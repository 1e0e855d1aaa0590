package org.gongzhi.notification.notice;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import org.gongzhi.events.DecisionMade;
import org.gongzhi.events.MeetingConvened;
import org.gongzhi.events.RequestAcknowledged;
import org.gongzhi.events.RequestStatus;
import org.gongzhi.events.RequestStatusChanged;
import org.gongzhi.events.TaskEscalated;
import org.gongzhi.events.WarningIssued;
import org.gongzhi.notification.board.DashboardConfig;
import org.gongzhi.notification.projection.Projection;
import org.gongzhi.platform.inbox.EventRoutes;
import org.gongzhi.platform.inbox.InboundEvent;
import org.gongzhi.platform.reactive.InOrder;

/**
 * Turns events into residents' notices, in the consumer's transaction: one notice per resident and event (the event
 * id is part of its identity, so a redelivered event writes nothing), plus an SMS or email delivery for residents who
 * asked for one, held until their quiet hours end unless it is urgent (a weather warning).
 */
@ApplicationScoped
public class NoticeWriter implements Projection {
    private final Clock clock;
    private final NoticeConfig config;
    private final DashboardConfig dashboard;

    NoticeWriter(Clock clock, NoticeConfig config, DashboardConfig dashboard) {
        this.clock = clock;
        this.config = config;
        this.dashboard = dashboard;
    }

    record Preference(String residentId, String language, String phone, String email, LocalTime quietFrom,
            LocalTime quietUntil) {
    }

    @Override
    public Kind kind() {
        return Kind.NOTICE;
    }

    @Override
    public void register(EventRoutes routes) {
        routes.on(RequestStatusChanged.class, this::statusChanged)
                .on(RequestAcknowledged.class, this::acknowledged)
                .on(TaskEscalated.class, this::escalated)
                .on(MeetingConvened.class, this::toMeeting)
                .on(DecisionMade.class, this::decided)
                .on(WarningIssued.class, this::warning);
    }

    private Uni<Void> statusChanged(InboundEvent<RequestStatusChanged> event) {
        RequestStatusChanged s = event.data();
        RequestStatus to = s.toStatus();
        if (!NoticeTemplates.meaningful(to)) {
            return done();
        }
        return requestResident(s.requestId()).chain(found -> found == null ? done()
                : write(event, s.communityId(), s.requestId(), kind(to), false, found.preference(),
                        NoticeTemplates.status(found.preference().language(), to, found.leadParty(),
                                s.reason())))
                // the residents whose reports were merged into this one hear of its progress too
                .chain(() -> to == RequestStatus.MERGED ? done()
                        : toMerged(event, s.communityId(), s.requestId(),
                        kind(to), (p, lead) -> NoticeTemplates.ofMaster(p.language(),
                                NoticeTemplates.status(p.language(), to, lead, s.reason()))));
    }

    private Uni<Void> acknowledged(InboundEvent<RequestAcknowledged> event) {
        RequestAcknowledged a = event.data();
        return requestResident(a.requestId()).chain(found -> found == null ? done()
                : write(event, a.communityId(), a.requestId(), kind(RequestStatus.ACKNOWLEDGED), false,
                        found.preference(), NoticeTemplates.status(found.preference().language(),
                                RequestStatus.ACKNOWLEDGED, found.leadParty(), null)));
    }

    /** A status notice's kind, as residents' inboxes keep it: {@code status.} and the status as published. */
    private static String kind(RequestStatus status) {
        return "status." + status.wire();
    }

    private Uni<Void> escalated(InboundEvent<TaskEscalated> event) {
        TaskEscalated e = event.data();
        return requestResident(e.requestId()).chain(found -> found == null ? done()
                : write(event, e.communityId(), e.requestId(), "escalated", false, found.preference(),
                        NoticeTemplates.escalated(found.preference().language(), e.level(), e.reason())))
                .chain(() -> toEscalationPerson(event, e));
    }

    private Uni<Void> decided(InboundEvent<DecisionMade> event) {
        DecisionMade d = event.data();
        if (d.residentIds() == null) {
            return done();
        }
        return InOrder.each(d.residentIds(), resident -> preference(resident, d.communityId())
                .chain(p -> write(event, d.communityId(), null, "decision", false, p,
                        NoticeTemplates.decision(p.language(), d.title(), d.outcome()))));
    }

    private Uni<Void> warning(InboundEvent<WarningIssued> event) {
        WarningIssued w = event.data();
        // a whole community may have opted in: one after the other, never a chain as deep as the community
        return optedInToWarnings(w.communityId())
                .chain(residents -> InOrder.each(residents, p -> write(event, w.communityId(), null, "warning",
                        true, p, NoticeTemplates.warning(p.language(), w.type(), w.level(), w.from(), w.until(),
                                dashboard.zone()))))
                // every partner contact on duty hears of it too, in their organisation's inbox (no phone in events)
                .chain(() -> InOrder.each(w.onDuty().stream()
                                .filter(duty -> duty.organisationId() != null && duty.contactId() != null)
                                .toList(),
                        duty -> writeToPartner(event, w.communityId(), null, "warning.on-duty",
                                duty.organisationId(), duty.contactId(), NoticeTemplates.warningOnDuty(
                                        duty.contactName(), duty.shift(), w.type(), w.level(), w.from(),
                                        w.until(), dashboard.zone()))));
    }

    private Uni<Void> write(InboundEvent<?> event, String community, String requestId, String kind, boolean urgent,
            Preference p, NoticeTemplates.Text text) {
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        insert into notice (id, community_id, resident_id, request_id, event_id, kind, urgent, language,
                            title, body, created_at)
                        values (:id, :community, :resident, :request, :event, :kind, :urgent, :language, :title, :body,
                            :at)
                        on conflict (event_id, resident_id) do nothing""")
                .setParameter("id", id).setParameter("community", community).setParameter("resident", p.residentId())
                .setParameter("request", requestId).setParameter("event", event.id()).setParameter("kind", kind)
                .setParameter("urgent", urgent).setParameter("language", p.language())
                .setParameter("title", text.title()).setParameter("body", text.body()).setParameter("at", now)
                .executeUpdate()
                .chain(inserted -> {
                    if (inserted == 0) {
                        return done();
                    }
                    Instant notBefore = urgent ? now : afterQuietHours(now, p);
                    Uni<Void> deliveries = done();
                    if (p.phone() != null) {
                        deliveries = deliveries.chain(() -> delivery(s, id, "sms", p.phone(), notBefore, now));
                    }
                    if (p.email() != null) {
                        deliveries = deliveries.chain(() -> delivery(s, id, "email", p.email(), notBefore, now));
                    }
                    return deliveries;
                }));
    }

    /**
     * The person an escalation step names hears of it: the organisation's backup contact in its inbox (the
     * organisation's webhooks get the event itself), the community secretary configured for the community by SMS and
     * email (the notice row records the deliveries). Urgent: a missed deadline is not held for quiet hours.
     */
    private Uni<Void> toEscalationPerson(InboundEvent<?> event, TaskEscalated e) {
        if (TaskEscalated.NOTIFY_BACKUP.equals(e.escalatedTo()) && e.organisationId() != null && e.contactId() != null) {
            return writeToPartner(event, e.communityId(), e.requestId(), "escalated.backup", e.organisationId(),
                    e.contactId(), NoticeTemplates.escalatedTo(e.contactName(), e.level(), e.category(), e.building(),
                            e.organisationId(), e.missed(), e.deadline(), dashboard.zone()));
        }
        NoticeConfig.Person secretary = config.secretaries().get(e.communityId());
        if (TaskEscalated.NOTIFY_SECRETARY.equals(e.escalatedTo()) && secretary != null) {
            Preference p = new Preference(secretaryRecipient(e.communityId()), "zh-CN",
                    secretary.phone().orElse(null), secretary.email().orElse(null), null, null);
            return write(event, e.communityId(), e.requestId(), "escalated.secretary", true, p,
                    NoticeTemplates.escalatedTo(secretary.name(), e.level(), e.category(), e.building(),
                            e.organisationId(), e.missed(), e.deadline(), dashboard.zone()));
        }
        return done();
    }

    /**
     * Everyone called to the whistle's joint meeting hears of it at once (urgent): each party's contacts whose
     * addresses it gave, in its inbox and by SMS and email (a party that gave none: one notice in its inbox), and the
     * community's secretary by SMS and email. One notice per recipient and event, so a redelivered event tells
     * nobody twice.
     */
    private Uni<Void> toMeeting(InboundEvent<MeetingConvened> event) {
        MeetingConvened m = event.data();
        return InOrder.each(m.parties(), party -> {
            NoticeTemplates.Text text = NoticeTemplates.meeting(null, m, dashboard.zone());
            return PartnerContact.<PartnerContact>list("organisationId = ?1 and communityId = ?2 order by recipient",
                            party, m.communityId())
                    .chain(contacts -> contacts.isEmpty()
                            ? writeToOrganisation(event, m.communityId(), m.requestId(), "meeting", party, text)
                            : InOrder.each(contacts, c -> writeToPartner(event, m.communityId(), m.requestId(),
                                    "meeting", party, c.contactId, NoticeTemplates.meeting(c.name, m, dashboard.zone()))));
        }).chain(() -> {
            NoticeConfig.Person secretary = config.secretaries().get(m.communityId());
            if (secretary == null) {
                return done();
            }
            Preference p = new Preference(secretaryRecipient(m.communityId()), "zh-CN",
                    secretary.phone().orElse(null), secretary.email().orElse(null), null, null);
            return write(event, m.communityId(), m.requestId(), "meeting.secretary", true, p,
                    NoticeTemplates.meeting(secretary.name(), m, dashboard.zone()));
        });
    }

    /** One notice to an organisation as a whole, in its inbox: it gave no contact to reach by SMS or email. */
    private Uni<Void> writeToOrganisation(InboundEvent<?> event, String community, String requestId, String kind,
            String organisationId, NoticeTemplates.Text text) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        insert into notice (id, community_id, resident_id, request_id, organisation_id, event_id, kind,
                            urgent, language, title, body, created_at)
                        values (:id, :community, :recipient, :request, :org, :event, :kind, true, 'zh-CN', :title,
                            :body, :at)
                        on conflict (event_id, resident_id) do nothing""")
                .setParameter("id", UUID.randomUUID()).setParameter("community", community)
                .setParameter("recipient", organisationRecipient(organisationId))
                .setParameter("request", requestId).setParameter("kind", kind).setParameter("org", organisationId)
                .setParameter("event", event.id()).setParameter("title", text.title())
                .setParameter("body", text.body()).setParameter("at", clock.instant())
                .executeUpdate().replaceWithVoid());
    }

    /** An organisation's own key in the notice table (a notice to all of it): never a resident's or a contact's. */
    static String organisationRecipient(String organisationId) {
        return "partner:" + organisationId;
    }

    /** The community secretary's key in the notice table: never the same as a resident's account id. */
    static String secretaryRecipient(String communityId) {
        return "secretary:" + communityId;
    }

    /**
     * One notice per partner contact and event (unique like a resident's), read through the organisation's inbox; by
     * SMS and email too when the organisation gave the contact's addresses ({@link PartnerContact}).
     */
    private Uni<Void> writeToPartner(InboundEvent<?> event, String community, String requestId, String kind,
            String organisationId, String contactId, NoticeTemplates.Text text) {
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        insert into notice (id, community_id, resident_id, request_id, organisation_id, contact_id,
                            event_id, kind, urgent, language, title, body, created_at)
                        values (:id, :community, :recipient, :request, :org, :contact, :event, :kind, true, 'zh-CN',
                            :title, :body, :at)
                        on conflict (event_id, resident_id) do nothing""")
                .setParameter("id", id).setParameter("community", community)
                .setParameter("recipient", partnerRecipient(organisationId, contactId))
                .setParameter("request", requestId).setParameter("kind", kind)
                .setParameter("org", organisationId).setParameter("contact", contactId)
                .setParameter("event", event.id()).setParameter("title", text.title())
                .setParameter("body", text.body()).setParameter("at", now)
                .executeUpdate()
                // the contact's SMS and email, when the organisation gave them: at once, a partner's notice is urgent
                .chain(inserted -> inserted == 0 ? done()
                        : PartnerContact.<PartnerContact>findById(partnerRecipient(organisationId, contactId))
                                .chain(c -> {
                                    if (c == null || !community.equals(c.communityId)) {
                                        return done();
                                    }
                                    Uni<Void> deliveries = done();
                                    if (c.phone != null) {
                                        deliveries = deliveries.chain(() -> delivery(s, id, "sms", c.phone, now, now));
                                    }
                                    if (c.emailAddress != null) {
                                        deliveries = deliveries.chain(() -> delivery(s, id, "email", c.emailAddress,
                                                now, now));
                                    }
                                    return deliveries;
                                })));
    }

    /** A partner contact's key in the notice table: never the same as a resident's account id. */
    static String partnerRecipient(String organisationId, String contactId) {
        return "partner:" + organisationId + ":" + contactId;
    }

    private static Uni<Void> delivery(org.hibernate.reactive.mutiny.Mutiny.Session s, UUID notice, String channel,
            String address, Instant notBefore, Instant now) {
        return s.createNativeQuery("""
                        insert into notice_delivery (id, notice_id, channel, address, status, not_before, updated_at)
                        values (:id, :notice, :channel, :address, 'PENDING', :notBefore, :now)""")
                .setParameter("id", UUID.randomUUID()).setParameter("notice", notice)
                .setParameter("channel", channel).setParameter("address", address)
                .setParameter("notBefore", notBefore).setParameter("now", now)
                .executeUpdate().replaceWithVoid();
    }

    /** Now, or when the resident's quiet hours end if now is inside them (hours may span midnight). */
    Instant afterQuietHours(Instant now, Preference p) {
        LocalTime from = p.quietFrom() != null ? p.quietFrom() : config.quietFrom();
        LocalTime until = p.quietUntil() != null ? p.quietUntil() : config.quietUntil();
        ZonedDateTime local = now.atZone(dashboard.zone());
        LocalTime t = local.toLocalTime();
        boolean quiet = from.isBefore(until) ? !t.isBefore(from) && t.isBefore(until)
                : !t.isBefore(from) || t.isBefore(until);
        if (!quiet || from.equals(until)) {
            return now;
        }
        ZonedDateTime end = local.with(until);
        if (!end.isAfter(local)) {
            end = end.plusDays(1);
        }
        return end.toInstant();
    }

    // Reads go through HQL and the entity finder, not native selects: Hibernate Reactive 3.2 keys every native
    // select in the query-interpretation cache by a mapping without equals(), so each execution adds an entry with
    // the same hash and lookups degrade into long equals() scans (19-32 % of this service's CPU under load).

    /** The resident who raised a request, with their preferences, and the request's lead party. */
    private record RequestResident(Preference preference, String leadParty) {
    }

    /**
     * The resident who raised a request (with their preferences, read in the same query) and its lead party, or null
     * when the request was not filed by one.
     */
    private Uni<RequestResident> requestResident(String requestId) {
        return Panache.getSession().chain(s -> s.createSelectionQuery("""
                        select o.residentId, o.leadParty, p.residentId, p.language, p.sms, p.phone, p.email,
                            p.emailAddress, p.quietFrom, p.quietUntil
                        from RequestOwner o left join ResidentPreference p on p.residentId = o.residentId
                        where o.requestId = :id""", Object[].class)
                .setParameter("id", requestId).getResultList())
                .map(rows -> {
                    if (rows.isEmpty() || rows.get(0)[0] == null) {
                        return null;
                    }
                    Object[] r = rows.get(0);
                    String resident = (String) r[0];
                    Preference preference = r[2] == null ? defaultPreference(resident)
                            : new Preference(resident, (String) r[3], Boolean.TRUE.equals(r[4]) ? (String) r[5] : null,
                                    Boolean.TRUE.equals(r[6]) ? (String) r[7] : null, (LocalTime) r[8],
                                    (LocalTime) r[9]);
                    return new RequestResident(preference, (String) r[1]);
                });
    }

    /** One notice per resident whose report was merged into the request, about the request's progress. */
    private Uni<Void> toMerged(InboundEvent<?> event, String community, String requestId, String kind,
            java.util.function.BiFunction<Preference, String, NoticeTemplates.Text> text) {
        return Panache.getSession().chain(s -> s.createSelectionQuery("""
                        select o.residentId, m.leadParty, p.residentId, p.language, p.sms, p.phone, p.email,
                            p.emailAddress, p.quietFrom, p.quietUntil
                        from RequestOwner o join RequestOwner m on m.requestId = o.mergedInto
                            left join ResidentPreference p on p.residentId = o.residentId
                        where o.mergedInto = :id and o.residentId is not null
                        order by o.residentId""", Object[].class)
                .setParameter("id", requestId).getResultList())
                .chain(rows -> InOrder.each(rows, r -> {
                    String resident = (String) r[0];
                    Preference p = r[2] == null ? defaultPreference(resident)
                            : new Preference(resident, (String) r[3], Boolean.TRUE.equals(r[4]) ? (String) r[5] : null,
                                    Boolean.TRUE.equals(r[6]) ? (String) r[7] : null, (LocalTime) r[8],
                                    (LocalTime) r[9]);
                    return write(event, community, requestId, kind, false, p, text.apply(p, (String) r[1]));
                }));
    }

    private static Preference defaultPreference(String residentId) {
        return new Preference(residentId, "zh-CN", null, null, null, null);
    }

    private Uni<Preference> preference(String residentId, String community) {
        return ResidentPreference.<ResidentPreference>findById(residentId)
                .map(p -> p == null ? defaultPreference(residentId) : preference(p));
    }

    private Uni<List<Preference>> optedInToWarnings(String community) {
        return ResidentPreference.<ResidentPreference>find("communityId = ?1 and warnings = true order by residentId",
                        community).list()
                .map(rows -> rows.stream().map(NoticeWriter::preference).toList());
    }

    private static Preference preference(ResidentPreference p) {
        return new Preference(p.residentId, p.language, p.sms ? p.phone : null, p.email ? p.emailAddress : null,
                p.quietFrom, p.quietUntil);
    }

    private static Uni<Void> done() {
        return Uni.createFrom().voidItem();
    }
}
