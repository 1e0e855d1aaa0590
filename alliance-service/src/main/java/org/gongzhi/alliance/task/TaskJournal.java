package org.gongzhi.alliance.task;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.gongzhi.events.EventType;
import org.gongzhi.events.GongzhiEvent;
import org.gongzhi.events.TaskAssigned;
import org.gongzhi.events.TaskDeadlineChanged;
import org.gongzhi.events.TaskEscalated;
import org.gongzhi.events.TaskStatusChanged;
import org.gongzhi.platform.outbox.Outbox;
import org.gongzhi.platform.reactive.InOrder;
import org.hibernate.reactive.common.AffectedEntities;
import org.gongzhi.alliance.feed.FeedEntry;

/**
 * Every change of a task becomes an event on {@code gongzhi.tasks} (through the outbox) and an entry of the
 * organisation's feed, in the caller's transaction. Task events carry no resident contact details.
 */
@ApplicationScoped
public class TaskJournal {
    private final Outbox outbox;
    private final ObjectMapper json;

    TaskJournal(Outbox outbox, ObjectMapper json) {
        this.outbox = outbox;
        this.json = json;
    }

    public Uni<Void> assigned(Task t) {
        return assigned(List.of(t));
    }

    /** New tasks: an event each on gongzhi.tasks, and an entry each in its party's feed, written in one statement. */
    public Uni<Void> assigned(List<Task> tasks) {
        List<TaskAssigned> events = new ArrayList<>();
        List<FeedEntry> entries = new ArrayList<>();
        for (Task t : tasks) {
            TaskAssigned event = new TaskAssigned(t.communityId, t.id.toString(), t.requestId, t.organisationId,
                    t.organisationName, t.role, t.category, t.building, t.acknowledgeBy, t.completeBy, t.assignedAt);
            events.add(event);
            try {
                entries.add(entry(t.organisationId, t.assignedAt, event, json.writeValueAsString(event)));
            } catch (JsonProcessingException e) {
                return Uni.createFrom().failure(e);
            }
        }
        return InOrder.each(events, outbox::add).chain(() -> write(entries));
    }

    public Uni<Void> changed(Task t, String note, Instant at) {
        return record(t.organisationId, at, new TaskStatusChanged(t.communityId, t.id.toString(), t.requestId,
                t.organisationId, t.role, t.status, note, at));
    }

    /** A worker moved the task's deadlines (its status is unchanged). */
    public Uni<Void> deadlineChanged(Task t, String reason, Instant at) {
        return record(t.organisationId, at, new TaskDeadlineChanged(t.communityId, t.id.toString(), t.requestId,
                t.organisationId, t.acknowledgeBy, t.completeBy, reason, at));
    }

    /**
     * One escalation step: which deadline was missed ({@code missed}, {@code deadline}) and who it goes to
     * ({@code notify}; the backup contact's id and name when that is who).
     */
    public Uni<Void> escalated(Task t, int level, String reason, Instant at, String missed, Instant deadline,
            String notify, String contactId, String contactName) {
        return record(t.organisationId, at, event(t, level, reason, at, missed, deadline, notify, contactId,
                contactName));
    }

    /** One escalation event, shown in the feed of every organisation named (a whistle reaches them all). */
    public Uni<Void> escalated(Task t, int level, String reason, Instant at, String missed, Instant deadline,
            String notify, List<String> organisationIds) {
        return record(organisationIds, at, event(t, level, reason, at, missed, deadline, notify, null, null));
    }

    private static TaskEscalated event(Task t, int level, String reason, Instant at, String missed, Instant deadline,
            String notify, String contactId, String contactName) {
        return new TaskEscalated(t.communityId, t.id.toString(), t.requestId, t.organisationId, level, reason, at,
                t.category, t.building, missed, deadline, notify, contactId, contactName);
    }

    private Uni<Void> record(String organisationId, Instant at, GongzhiEvent event) {
        return record(List.of(organisationId), at, event);
    }

    private Uni<Void> record(List<String> organisationIds, Instant at, GongzhiEvent event) {
        return outbox.add(event).chain(() -> feed(organisationIds, at, event));
    }

    /**
     * Shows an event published elsewhere (e.g. a warning that sets or ends an organisation's patrol) in the feeds of
     * the organisations named, in the caller's transaction; it does not publish it.
     */
    public Uni<Void> feed(List<String> organisationIds, Instant at, GongzhiEvent event) {
        String payload;
        try {
            payload = json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return write(organisationIds.stream().map(id -> entry(id, at, event, payload)).toList());
    }

    private static FeedEntry entry(String organisationId, Instant at, GongzhiEvent event, String payload) {
        FeedEntry entry = new FeedEntry();
        entry.organisationId = organisationId;
        entry.communityId = event.communityId();
        entry.eventType = EventType.of(event.getClass()).ceType();
        entry.at = at;
        entry.payload = payload;
        return entry;
    }

    /**
     * Writes the entries in one statement (one per entry cost a round trip each), numbered ({@code seq}) in the order
     * given: arrays unnested in order, so the statement's text is the same for any number of entries. Nothing reads an
     * entry back in the transaction, so the session does not manage them.
     */
    private Uni<Void> write(List<FeedEntry> entries) {
        if (entries.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into feed_entry (organisation_id, community_id, event_type, payload, at)
                        select e.organisation, e.community, e.type, e.payload, cast(e.at as timestamptz)
                        from unnest(cast(:organisations as text[]), cast(:communities as text[]),
                                    cast(:types as text[]), cast(:payloads as text[]), cast(:ats as text[]))
                             with ordinality as e(organisation, community, type, payload, at, n)
                        order by e.n""", new AffectedEntities(FeedEntry.class))
                .setParameter("organisations", entries.stream().map(e -> e.organisationId).toArray(String[]::new))
                .setParameter("communities", entries.stream().map(e -> e.communityId).toArray(String[]::new))
                .setParameter("types", entries.stream().map(e -> e.eventType).toArray(String[]::new))
                .setParameter("payloads", entries.stream().map(e -> e.payload).toArray(String[]::new))
                .setParameter("ats", entries.stream().map(e -> e.at.toString()).toArray(String[]::new))
                .executeUpdate())
                .replaceWithVoid();
    }
}
