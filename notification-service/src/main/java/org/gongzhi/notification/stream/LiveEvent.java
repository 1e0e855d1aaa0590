package org.gongzhi.notification.stream;

/**
 * One logged event as every stream sends it: its place in the log ({@code seq}, the SSE id), its type (the SSE event
 * name) and its SSE data, rendered once and shared by every follower it goes to.
 */
public record LiveEvent(long seq, String type, String data) {
}
