package org.gongzhi.request.lifecycle;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One line of a request's history: public for the resident, or an internal note for workers and parties. */
@Entity
@Table(name = "timeline_entry")
public class TimelineEntry extends PanacheEntityBase {
    public enum Visibility { PUBLIC, INTERNAL }

    @Id
    public UUID id;
    @Column(name = "request_id")
    public UUID requestId;
    public Instant at;
    public String kind;
    public String text;
    @Enumerated(EnumType.STRING)
    public Visibility visibility;
    public String actor;
    /** The event this entry came from: a redelivered event cannot add it twice. */
    @Column(name = "event_id")
    public String eventId;

    public static TimelineEntry of(UUID requestId, Instant at, String kind, String text, Visibility visibility,
            String actor, String eventId) {
        TimelineEntry entry = new TimelineEntry();
        entry.id = UUID.randomUUID();
        entry.requestId = requestId;
        entry.at = at;
        entry.kind = kind;
        entry.text = text;
        entry.visibility = visibility;
        entry.actor = actor;
        entry.eventId = eventId;
        return entry;
    }
}
