package org.gongzhi.events;

/** The data of an event. Every event names its community; the key of its record is {@link #aggregateId()}. */
public interface GongzhiEvent {
    String communityId();

    /** The Kafka key and CloudEvents subject: the request id for everything about a request, so its events stay in order. */
    String aggregateId();
}
