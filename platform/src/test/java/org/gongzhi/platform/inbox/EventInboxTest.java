package org.gongzhi.platform.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.gongzhi.events.EventType;
import org.gongzhi.events.RequestAcknowledged;
import org.gongzhi.platform.outbox.CloudEventHeaders;
import org.gongzhi.platform.tracing.Tracing;
import org.junit.jupiter.api.Test;

/**
 * The inbox's fallback without a broker or a database: a batch in one transaction; should it fail, one event per
 * transaction; an event that keeps failing, or can never be read, on the dead-letter topic; the database being away
 * waited out, nothing dead-lettered. The transactions are a log in memory that keeps what a committed one wrote.
 */
class EventInboxTest {
    private static final String CONSUMER = "test.requests";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    /** Transactions in memory: the processed ids and the effects one wrote stay only if it commits. */
    static final class MemoryLog implements ProcessedLog {
        final Set<String> processed = new HashSet<>();
        final List<String> effects = new ArrayList<>();
        int transactions;
        int refusals;
        private Set<String> pendingProcessed;
        private List<String> pendingEffects;

        @Override
        public Uni<Void> inTransaction(Supplier<Uni<Void>> work) {
            return Uni.createFrom().deferred(() -> {
                if (refusals > 0) {
                    refusals--;
                    return Uni.createFrom().failure(new IllegalStateException(new ConnectException("refused")));
                }
                transactions++;
                pendingProcessed = new HashSet<>(processed);
                pendingEffects = new ArrayList<>(effects);
                return work.get().invoke(() -> {
                    processed.clear();
                    processed.addAll(pendingProcessed);
                    effects.clear();
                    effects.addAll(pendingEffects);
                });
            });
        }

        @Override
        public Uni<Integer> recordAll(String consumer, String[] ids, String[] types) {
            int added = 0;
            for (String id : ids) {
                added += pendingProcessed.add(consumer + "/" + id) ? 1 : 0;
            }
            return Uni.createFrom().item(added);
        }

        @Override
        public Uni<Boolean> recordOnce(String consumer, String id, String type) {
            return Uni.createFrom().item(pendingProcessed.add(consumer + "/" + id));
        }

        @Override
        public Uni<Void> betweenEvents() {
            return Uni.createFrom().voidItem();
        }

        /** An effect writes into the transaction it runs in. */
        Uni<Void> write(String effect) {
            pendingEffects.add(effect);
            return Uni.createFrom().voidItem();
        }
    }

    /** The dead-letter topic: what was put there, with the first reason (under "retries exhausted"). */
    static final class DeadLetterTopic extends DeadLetters {
        final List<String> letters = new ArrayList<>();

        DeadLetterTopic() {
            super("nowhere:9092", null);
        }

        @Override
        public Uni<Void> send(ConsumerRecord<String, String> record, Throwable failure) {
            Throwable reason = failure;
            while (reason.getCause() != null && !(reason instanceof PoisonEventException)) {
                reason = reason.getCause();
            }
            letters.add(record.offset() + ": " + reason.getMessage());
            return Uni.createFrom().voidItem();
        }
    }

    private final MemoryLog log = new MemoryLog();
    private final DeadLetterTopic deadLetters = new DeadLetterTopic();
    private final EventInbox inbox = new EventInbox(new ObjectMapper().findAndRegisterModules(), deadLetters, log,
            Tracing.off());
    /** Requests whose acknowledgement fails every time it is applied. */
    private final Set<String> broken = new HashSet<>();
    private final EventRoutes routes = EventRoutes.create().on(RequestAcknowledged.class, event -> {
        if (broken.contains(event.data().requestId())) {
            return log.write("half of " + event.data().requestId())
                    .chain(() -> Uni.createFrom().failure(new IllegalStateException("no such request")));
        }
        return log.write(event.data().requestId());
    });

    private static ConsumerRecord<String, String> record(long offset, String id, String type, String value) {
        return record("gongzhi.requests", offset, id, type, value);
    }

    private static ConsumerRecord<String, String> record(String topic, long offset, String id, String type,
            String value) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(topic, 0, offset, "key", value);
        if (id != null) {
            record.headers().add(CloudEventHeaders.ID, id.getBytes(StandardCharsets.UTF_8));
        }
        record.headers().add(CloudEventHeaders.TYPE, type.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private static ConsumerRecord<String, String> acknowledged(long offset, String request) {
        return acknowledged("gongzhi.requests", offset, request);
    }

    private static ConsumerRecord<String, String> acknowledged(String topic, long offset, String request) {
        return record(topic, offset, "ev-" + request, EventType.of(RequestAcknowledged.class).ceType(), """
                {"communityId": "town", "requestId": "%s", "category": "water-leak", "building": "7",
                 "status": "DISPATCHED", "acknowledgedAt": "2026-12-06T09:00:00Z"}""".formatted(request));
    }

    private void consume(List<ConsumerRecord<String, String>> records) {
        inbox.consumeAll(CONSUMER, records, routes).await().atMost(PATIENCE);
    }

    @Test
    void aGoodBatchIsOneTransaction() {
        consume(List.of(acknowledged(0, "r1"), acknowledged(1, "r2"), acknowledged(2, "r3")));
        assertEquals(List.of("r1", "r2", "r3"), log.effects);
        assertEquals(1, log.transactions);
        assertEquals(List.of(), deadLetters.letters);
    }

    @Test
    void aBatchWithABadEventGoesOneByOneAndOnlyTheBadOneIsDeadLettered() {
        broken.add("r2");
        consume(List.of(acknowledged(0, "r1"), acknowledged(1, "r2"), acknowledged(2, "r3")));
        // the batch's half-done work was rolled back; each good event applied once, in order
        assertEquals(List.of("r1", "r3"), log.effects);
        assertEquals(List.of("1: no such request"), deadLetters.letters);
        // the batch; r1; r2 and its three retries; r3
        assertEquals(1 + 1 + 4 + 1, log.transactions);
        assertEquals(Set.of(CONSUMER + "/ev-r1", CONSUMER + "/ev-r3"), log.processed);
    }

    @Test
    void aRedeliveredBatchHasNoSecondEffect() {
        consume(List.of(acknowledged(0, "r1"), acknowledged(1, "r2")));
        consume(List.of(acknowledged(0, "r1"), acknowledged(1, "r2"), acknowledged(2, "r3")));
        assertEquals(List.of("r1", "r2", "r3"), log.effects);
        assertEquals(List.of(), deadLetters.letters);
    }

    @Test
    void aRecordThatCanNeverBeReadIsDeadLetteredAtOnceAndTheRestApplied() {
        String type = EventType.of(RequestAcknowledged.class).ceType();
        consume(List.of(acknowledged(0, "r1"), record(1, null, type, "{}"), record(2, "ev-x", "no.such.type", "{}"),
                record(3, "ev-y", type, "not json"), acknowledged(4, "r2")));
        assertEquals(List.of("r1", "r2"), log.effects);
        assertEquals(1, log.transactions, "the readable ones still go as one batch");
        assertEquals(List.of("1", "2", "3"), deadLetters.letters.stream().map(l -> l.split(":")[0]).toList());
    }

    @Test
    void theDatabaseBeingAwayIsWaitedOutAndNothingIsDeadLettered() {
        log.refusals = 3;
        consume(List.of(acknowledged(0, "r1"), acknowledged(1, "r2")));
        assertEquals(List.of("r1", "r2"), log.effects);
        assertEquals(1, log.transactions);
        assertEquals(List.of(), deadLetters.letters);
    }

    @Test
    void aChannelOfSeveralTopicsAppliesEachInTheReadersOrderUnderItsOwnNameAndDeadLettersATopicNoOneReads() {
        Map<String, EventInbox.TopicReader> readers = new LinkedHashMap<>();
        readers.put("gongzhi.b", new EventInbox.TopicReader("test.b", routes));
        readers.put("gongzhi.a", new EventInbox.TopicReader("test.a", routes));
        Map<TopicPartition, List<ConsumerRecord<String, String>>> poll = new LinkedHashMap<>();
        poll.put(new TopicPartition("gongzhi.a", 0), List.of(acknowledged("gongzhi.a", 0, "a1"),
                acknowledged("gongzhi.a", 1, "a2")));
        poll.put(new TopicPartition("gongzhi.c", 0), List.of(acknowledged("gongzhi.c", 7, "c1")));
        poll.put(new TopicPartition("gongzhi.b", 0), List.of(acknowledged("gongzhi.b", 0, "b1")));

        inbox.consumeEach(new ConsumerRecords<>(poll), readers).await().atMost(PATIENCE);

        assertEquals(List.of("b1", "a1", "a2"), log.effects, "topic b's reader comes first");
        assertEquals(2, log.transactions, "one transaction per topic");
        assertEquals(Set.of("test.b/ev-b1", "test.a/ev-a1", "test.a/ev-a2"), log.processed);
        assertEquals(List.of("7: no reader for topic gongzhi.c on this channel"), deadLetters.letters);
    }

    @Test
    void twoHundredEventsOfOnePollAreAppliedInOrderWithoutOverflowingTheStack() {
        List<ConsumerRecord<String, String>> poll = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            poll.add(acknowledged(i, "r" + i));
            expected.add("r" + i);
        }
        broken.add("r100");
        consume(poll);
        expected.remove("r100");
        assertEquals(expected, log.effects);
        assertEquals(List.of("100: no such request"), deadLetters.letters);
    }
}
