package org.gongzhi.events;

import java.util.List;

/** Kafka topic names: one topic per aggregate, each with a dead-letter twin. */
public final class Topics {
    public static final String REQUESTS = "gongzhi.requests";
    public static final String TASKS = "gongzhi.tasks";
    public static final String VOLUNTEERING = "gongzhi.volunteering";
    public static final String DELIBERATION = "gongzhi.deliberation";
    public static final String WARNINGS = "gongzhi.warnings";
    /** The estate registry's buildings, compacted: the latest record per building is the building. */
    public static final String ESTATE_BUILDINGS = "gongzhi.estate.buildings";
    /** The category catalogue, compacted: the latest record per category is the category. */
    public static final String ESTATE_CATEGORIES = "gongzhi.estate.categories";
    /** The communities and the sub-district each belongs to, compacted: the latest record per community is it. */
    public static final String ESTATE_COMMUNITIES = "gongzhi.estate.communities";
    /** The estate's named places (小区东门, 北广场), compacted: the latest record per place is the place. */
    public static final String ESTATE_PLACES = "gongzhi.estate.places";
    /** The alliance's risk points with their locations, compacted: the latest record per risk point is it. */
    public static final String RISK_POINTS = "gongzhi.risk-points";

    public static final List<String> ALL = List.of(REQUESTS, TASKS, VOLUNTEERING, DELIBERATION, WARNINGS,
            ESTATE_BUILDINGS, ESTATE_CATEGORIES, ESTATE_COMMUNITIES, ESTATE_PLACES, RISK_POINTS);

    /** Topics whose records are state keyed by id (cleanup.policy=compact); their dead-letter twins are not. */
    public static final List<String> COMPACTED = List.of(ESTATE_BUILDINGS, ESTATE_CATEGORIES,
            ESTATE_COMMUNITIES, ESTATE_PLACES, RISK_POINTS);

    private Topics() {
    }

    public static String deadLetter(String topic) {
        return topic + ".dlq";
    }
}
