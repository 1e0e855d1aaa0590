package org.gongzhi.notification.stream;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Clock;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gongzhi.notification.eventlog.EventLog;
import org.gongzhi.platform.problem.ProblemException;
import org.gongzhi.platform.security.CurrentCaller;
import org.gongzhi.platform.security.Roles;
import org.jboss.resteasy.reactive.server.Cancellable;

@Path("/api/stream")
@Tag(name = "Live stream", description = "Every event, live, for the dispatcher's dashboard and integrators")
@Cancellable(false) // a write goes on when its caller hangs up (docs/conventions.md)
public class StreamResource {
    private final LiveEvents live;
    private final StreamTickets tickets;
    private final EventLog log;
    private final CurrentCaller caller;
    private final Clock clock;

    StreamResource(LiveEvents live, StreamTickets tickets, EventLog log, CurrentCaller caller, Clock clock) {
        this.live = live;
        this.tickets = tickets;
        this.log = log;
        this.caller = caller;
        this.clock = clock;
    }

    /** {@code head}: the latest event's id now; a page that loads the read models after it opens the stream there. */
    public record TicketView(String ticket, Instant expiresAt, long head) {
    }

    @POST
    @Path("/tickets")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.WORKER, Roles.ADMIN})
    @Operation(summary = "Get a single-use ticket to open the stream from a browser (valid for a minute), "
            + "and the id of the latest event")
    public Uni<TicketView> ticket() {
        String community = caller.community();
        String ticket = tickets.issue(community, caller.id());
        Instant expiresAt = clock.instant().plus(tickets.lifetime());
        return log.head(community).map(head -> new TicketView(ticket, expiresAt, head));
    }

    @GET
    @PermitAll
    @Blocking // resolving the caller's identity (a bearer token is checked lazily) may block
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Server-sent events: every event of the community, resuming after Last-Event-ID",
            description = "Authority: a worker's bearer token, or ?ticket= from POST /api/stream/tickets. Each event's "
                    + "id is its place in the log; reconnect with Last-Event-ID (header or lastEventId query) to get "
                    + "everything after it, without gaps.")
    public Multi<OutboundSseEvent> stream(@QueryParam("ticket") String ticket,
            @HeaderParam("Last-Event-ID") String lastEventIdHeader, @QueryParam("lastEventId") String lastEventIdQuery,
            @Context Sse sse) {
        String community = ticket != null
                ? tickets.redeem(ticket).orElseThrow(() -> new ProblemException(401, "Unauthorized",
                        "the stream ticket is unknown, used or expired", null))
                : workerCommunity();
        long after = parse(lastEventIdHeader != null ? lastEventIdHeader : lastEventIdQuery);
        return live.follow(community, after).map(e -> sse.newEventBuilder()
                .id(String.valueOf(e.seq()))
                .name(e.type())
                .mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(e.data())
                .build());
    }

    private String workerCommunity() {
        if (caller.isAnonymous()) {
            throw new ProblemException(401, "Unauthorized", "a worker's bearer token or a stream ticket is required",
                    null);
        }
        if (!caller.isStaff()) {
            throw ProblemException.forbidden("the stream is for community workers");
        }
        return caller.community();
    }

    private static long parse(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return 0;
        }
        try {
            return Long.parseLong(lastEventId.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("Last-Event-ID", "must be the id of an event of this stream");
        }
    }
}
