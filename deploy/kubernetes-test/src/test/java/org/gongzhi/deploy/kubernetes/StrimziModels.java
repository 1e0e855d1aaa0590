package org.gongzhi.deploy.kubernetes;

/** Strimzi's own Java model of its resources (io.strimzi:api), the classes its operator reads them into. */
final class StrimziModels {

    static final Class<?> KAFKA = io.strimzi.api.kafka.model.kafka.Kafka.class;
    static final Class<?> KAFKA_NODE_POOL = io.strimzi.api.kafka.model.nodepool.KafkaNodePool.class;
    static final Class<?> KAFKA_TOPIC = io.strimzi.api.kafka.model.topic.KafkaTopic.class;

    private StrimziModels() {
    }
}
