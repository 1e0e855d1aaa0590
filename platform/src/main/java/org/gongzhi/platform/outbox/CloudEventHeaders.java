package org.gongzhi.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** CloudEvents 1.0 Kafka protocol binding, binary content mode: attributes travel as {@code ce_*} headers. */
public final class CloudEventHeaders {
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String CONTENT_TYPE = "content-type";
    /** The CloudEvents distributed-tracing extension's attribute, and the W3C header of the same value. */
    public static final String TRACEPARENT = "ce_traceparent";
    public static final String W3C_TRACEPARENT = "traceparent";

    private CloudEventHeaders() {
    }

    /** The event's attributes; {@code traceparent} (the publishing span's, or null) as the tracing extension. */
    static Headers of(OutboxEvent event, String traceparent) {
        RecordHeaders headers = new RecordHeaders();
        put(headers, SPEC_VERSION, "1.0");
        put(headers, ID, event.eventId.toString());
        put(headers, TYPE, event.eventType);
        put(headers, SOURCE, event.source);
        put(headers, SUBJECT, event.subject);
        put(headers, TIME, DateTimeFormatter.ISO_INSTANT.format(event.occurredAt));
        put(headers, CONTENT_TYPE, "application/json");
        if (traceparent != null) {
            put(headers, TRACEPARENT, traceparent);
            put(headers, W3C_TRACEPARENT, traceparent);
        }
        return headers;
    }

    /** The trace an event was published in: the tracing extension's attribute, else the W3C header; or null. */
    public static String traceparent(Headers headers) {
        String traceparent = read(headers, TRACEPARENT);
        return traceparent != null ? traceparent : read(headers, W3C_TRACEPARENT);
    }

    /** The value of a header as text, or null when absent. */
    public static String read(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void put(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
