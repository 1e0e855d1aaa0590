package org.gongzhi.bench;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Matches what the probes observe (a lead task on the tasks topic, an event on the dashboard stream) with the requests
 * the load generator submitted, by request id. An event may be seen before its HTTP 201 is: it waits in {@code early}.
 */
public final class Tracker {
    public enum Kind { ASSIGNED, DASHBOARD }

    /** A submitted request whose later stages are awaited. */
    public static final class Pending {
        final LoadRun run;
        final long scheduled;
        final boolean expectsAssigned;
        final AtomicBoolean assigned = new AtomicBoolean();
        final AtomicBoolean dashboard = new AtomicBoolean();

        Pending(LoadRun run, long scheduled, boolean expectsAssigned) {
            this.run = run;
            this.scheduled = scheduled;
            this.expectsAssigned = expectsAssigned;
        }

        boolean done() {
            return (!expectsAssigned || assigned.get()) && dashboard.get();
        }
    }

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Map<String, Boolean> everAccepted = new ConcurrentHashMap<>();
    private final Map<Kind, Map<String, Long>> early = new EnumMap<>(Kind.class);

    public Tracker() {
        for (Kind k : Kind.values()) {
            early.put(k, new ConcurrentHashMap<>());
        }
    }

    /** The request got its 201: awaits its events (some may have arrived already). */
    public void accepted(String requestId, Pending p) {
        everAccepted.put(requestId, p.expectsAssigned);
        pending.put(requestId, p);
        for (Kind k : Kind.values()) {
            Long t = early.get(k).remove(requestId);
            if (t != null) {
                observe(requestId, p, k, t);
            }
        }
    }

    /** A probe saw the event of {@code kind} for a request at {@code nanos}. */
    public void observed(Kind kind, String requestId, long nanos) {
        Pending p = pending.get(requestId);
        if (p == null) {
            early.get(kind).put(requestId, nanos);
            p = pending.get(requestId);
            if (p == null || early.get(kind).remove(requestId) == null) {
                return;
            }
        }
        observe(requestId, p, kind, nanos);
    }

    private void observe(String requestId, Pending p, Kind kind, long nanos) {
        AtomicBoolean flag = kind == Kind.ASSIGNED ? p.assigned : p.dashboard;
        if (kind == Kind.ASSIGNED && !p.expectsAssigned) {
            return;
        }
        if (flag.compareAndSet(false, true)) {
            p.run.observed(kind, nanos - p.scheduled);
            if (p.done()) {
                pending.remove(requestId);
            }
        }
    }

    /** Every request that got its 201 through this tracker → whether a lead party is to be assigned to it. */
    public Map<String, Boolean> everAccepted() {
        return Map.copyOf(everAccepted);
    }

    /** How many of a run's requests still await {@code kind}. */
    public long awaiting(LoadRun run, Kind kind) {
        return pending.values().stream().filter(p -> p.run == run)
                .filter(p -> kind == Kind.ASSIGNED ? p.expectsAssigned && !p.assigned.get() : !p.dashboard.get())
                .count();
    }

    /** Gives up on a run's requests (after its drain time): they count as missing. */
    public void forget(LoadRun run) {
        pending.values().removeIf(p -> p.run == run);
        early.values().forEach(Map::clear);
    }
}
