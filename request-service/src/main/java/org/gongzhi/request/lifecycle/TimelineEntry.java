package org.gongzhi.request.lifecycle;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One line of a request's history: public for the resident, or an internal note for workers and parties. Its text is
 * English, for the API and the record; its parts ({@link #with}: a party, a status, a time, a note as typed) let a page
 * say it in the reader's language.
 */
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
    /** The entry's parts as a JSON object of text values, by the entry's kind; null when it has none. */
    public String params;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, String>> PARTS = new TypeReference<>() {
    };

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

    /** Adds a part of the entry's words; a null value is left out. */
    public TimelineEntry with(String key, Object value) {
        if (value == null) {
            return this;
        }
        Map<String, String> parts = params();
        parts.put(key, value.toString());
        try {
            params = JSON.writeValueAsString(parts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the parts of a timeline entry", e);
        }
        return this;
    }

    /** The entry's parts, in the order they were added; empty when it has none. */
    public Map<String, String> params() {
        if (params == null) {
            return new LinkedHashMap<>();
        }
        try {
            return JSON.readValue(params, PARTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable parts of timeline entry " + id, e);
        }
    }
}
