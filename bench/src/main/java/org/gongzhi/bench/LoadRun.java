package org.gongzhi.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.HistogramLogWriter;

/**
 * One open-model run: request i is due at start + i/rate and is sent then, whatever the system does; every latency
 * counts from that due time, so a stall shows in full (no coordinated omission).
 */
public final class LoadRun {
    public final String label;
    public final int rate;
    public final Duration duration;
    public final Stage submit = new Stage("submit_201", "submit → HTTP 201");
    public final Stage assigned = new Stage("submit_assigned", "submit → lead task assigned");
    public final Stage dashboard = new Stage("submit_dashboard", "submit → on the dashboard stream");
    public final AtomicLong sent = new AtomicLong();
    public final AtomicLong accepted = new AtomicLong();
    public final AtomicLong expectingAssigned = new AtomicLong();
    public final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    public final Map<String, AtomicLong> categories = new ConcurrentHashMap<>();
    public volatile long missingAssigned;
    public volatile long missingDashboard;
    public volatile long lateSends; // sends more than 10 ms after their due time (the generator itself fell behind)
    public volatile long maxSendLagMicros;
    public volatile double firstToLast201Seconds;
    public volatile Monitors.Result resources;
    public Instant startedAt;
    public Path histogramLog;
    private final AtomicInteger inflight = new AtomicInteger();
    private final AtomicInteger errorSamples = new AtomicInteger();
    private volatile long last201;

    public LoadRun(String label, int rate, Duration duration) {
        this.label = label;
        this.rate = rate;
        this.duration = duration;
    }

    void observed(Tracker.Kind kind, long nanos) {
        (kind == Tracker.Kind.ASSIGNED ? assigned : dashboard).recordNanos(nanos);
    }

    public long errorCount() {
        return errors.values().stream().mapToLong(AtomicLong::get).sum();
    }

    public Map<String, Long> errorsByKind() {
        Map<String, Long> m = new TreeMap<>();
        errors.forEach((k, v) -> m.put(k, v.get()));
        return m;
    }

    /** 201s per second between the first due time and the last 201. */
    public double acceptedPerSecond() {
        return firstToLast201Seconds <= 0 ? 0 : accepted.get() / firstToLast201Seconds;
    }

    /** Runs the load, waits for the stages to drain, and measures the resources used meanwhile. */
    public LoadRun execute(HttpClient http, SystemUnderTest system, Workload workload, Tracker tracker,
            Monitors monitors, Duration drain, Path reportDir, PrintStream out) {
        // spread over request-service's instances, as a balancer would (one address unless the bench runs several)
        List<URI> submitUris = system.instanceUrls("request-service").stream()
                .map(u -> URI.create(u + "/api/requests")).toList();
        histogramLog = reportDir.resolve(label + ".hlog");
        startedAt = Instant.now();
        long startMillis = System.currentTimeMillis();
        try (PrintStream logStream = new PrintStream(Files.newOutputStream(histogramLog), true, "UTF-8")) {
            HistogramLogWriter log = new HistogramLogWriter(logStream);
            log.outputComment("gongzhi bench " + label + ": " + rate + " req/s for " + duration.toSeconds()
                    + " s; latencies in microseconds from each request's due time; tags = stages");
            log.outputLogFormatVersion();
            log.outputStartTime(startMillis);
            log.setBaseTime(startMillis);
            log.outputLegend();
            monitors.begin();
            long t0 = System.nanoTime() + 100_000_000L;
            Ticker ticker = new Ticker(t0, startMillis + 100, log);
            ticker.start();
            long intervalNanos = 1_000_000_000L / rate;
            long count = (long) rate * duration.toSeconds();
            for (long i = 0; i < count; i++) {
                long due = t0 + i * intervalNanos;
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                long lagMicros = (System.nanoTime() - due) / 1000;
                if (lagMicros > 10_000) {
                    lateSends++;
                }
                maxSendLagMicros = Math.max(maxSendLagMicros, lagMicros);
                send(http, submitUris.get((int) (i % submitUris.size())), workload.next(), due, tracker, out);
            }
            long sendEnd = System.nanoTime();
            while (inflight.get() > 0 && System.nanoTime() - sendEnd < 35_000_000_000L) {
                Probes.sleep(20);
            }
            long drainEnd = System.nanoTime() + drain.toNanos();
            while (System.nanoTime() < drainEnd && (tracker.awaiting(this, Tracker.Kind.ASSIGNED) > 0
                    || tracker.awaiting(this, Tracker.Kind.DASHBOARD) > 0)) {
                Probes.sleep(50);
            }
            missingAssigned = tracker.awaiting(this, Tracker.Kind.ASSIGNED);
            missingDashboard = tracker.awaiting(this, Tracker.Kind.DASHBOARD);
            if (inflight.get() > 0) {
                errors.computeIfAbsent("no answer within 35 s after the last send", k -> new AtomicLong())
                        .addAndGet(inflight.get());
            }
            tracker.forget(this);
            ticker.stopAndRoll();
            firstToLast201Seconds = last201 == 0 ? 0 : (last201 - t0) / 1e9;
            resources = monitors.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    private void send(HttpClient http, URI uri, Workload.Submission s, long due, Tracker tracker, PrintStream out) {
        sent.incrementAndGet();
        categories.computeIfAbsent(s.category(), k -> new AtomicLong()).incrementAndGet();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + s.token()).header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(s.body())).build();
        inflight.incrementAndGet();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
            long now = System.nanoTime();
            try {
                if (failure != null) {
                    Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                    error(cause.getClass().getSimpleName(), String.valueOf(cause.getMessage()), out);
                } else if (response.statusCode() != 201) {
                    error("HTTP " + response.statusCode(), response.body(), out);
                } else {
                    submit.recordNanos(now - due);
                    accepted.incrementAndGet();
                    last201 = Math.max(last201, now);
                    String location = response.headers().firstValue("Location").orElse("");
                    String id = location.substring(location.lastIndexOf('/') + 1);
                    if (s.expectsAssigned()) {
                        expectingAssigned.incrementAndGet();
                    }
                    tracker.accepted(id, new Tracker.Pending(this, due, s.expectsAssigned()));
                }
            } finally {
                inflight.decrementAndGet();
            }
        });
    }

    private void error(String kind, String detail, PrintStream out) {
        errors.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
        if (errorSamples.incrementAndGet() <= 5) {
            out.println("  error " + kind + ": " + (detail.length() > 300 ? detail.substring(0, 300) : detail));
        }
    }

    /** Closes each stage's interval every second: the histogram log and the series of the chart. */
    private final class Ticker extends Thread {
        private final long t0;
        private final long startMillis;
        private final HistogramLogWriter log;
        private volatile boolean running = true;

        Ticker(long t0, long startMillis, HistogramLogWriter log) {
            super("bench-ticker-" + label);
            setDaemon(true);
            this.t0 = t0;
            this.startMillis = startMillis;
            this.log = log;
        }

        @Override
        public void run() {
            long next = t0 + 1_000_000_000L;
            while (running) {
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                    continue;
                }
                roll((next - t0) / 1e9);
                next += 1_000_000_000L;
            }
        }

        private synchronized void roll(double t) {
            for (Stage s : new Stage[] {submit, assigned, dashboard}) {
                s.roll(t, startMillis, log);
            }
        }

        void stopAndRoll() {
            running = false;
            LockSupport.unpark(this);
            try {
                join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            roll(Math.ceil((System.nanoTime() - t0) / 1e9));
        }
    }
}
