package org.gongzhi.events;

import java.util.List;

/** Kafka topic names: one topic per aggregate, each with a dead-letter twin. */
public final class Topics {
    public static final String REQUESTS = "gongzhi.requests";
    public static final String TASKS = "gongzhi.tasks";
    public static final String VOLUNTEERING = "gongzhi.volunteering";
    public static final String DELIBERATION = "gongzhi.deliberation";
    public static final String WARNINGS = "gongzhi.warnings";

    public static final List<String> ALL = List.of(REQUESTS, TASKS, VOLUNTEERING, DELIBERATION, WARNINGS);

    private Topics() {
    }

    public static String deadLetter(String topic) {
        return topic + ".dlq";
    }
}
