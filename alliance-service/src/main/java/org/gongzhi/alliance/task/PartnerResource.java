package org.gongzhi.alliance.task;

import org.gongzhi.platform.api.Page;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gongzhi.platform.problem.ProblemException;
import org.gongzhi.platform.security.CurrentCaller;
import org.gongzhi.platform.security.Roles;
import org.gongzhi.alliance.feed.TaskFeed;

@Path("/api/partners/me")
@Tag(name = "Partner work view", description = "A partner organisation's own tasks and live task feed")
public class PartnerResource {
    private final TaskService tasks;
    private final TaskFeed feed;
    private final CurrentCaller caller;

    PartnerResource(TaskService tasks, TaskFeed feed, CurrentCaller caller) {
        this.tasks = tasks;
        this.feed = feed;
        this.caller = caller;
    }

    @GET
    @Path("/tasks")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PARTNER)
    @Operation(summary = "My organisation's tasks", description = "Filters by status, role, request, overdue, open and "
            + "community (one of those the token serves); newest first; paged.")
    public Uni<Page<TaskView>> tasks(@BeanParam TaskSearch search) {
        return tasks.search(caller.get(), null, search);
    }

    @GET
    @Path("/feed")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed(Roles.PARTNER)
    @Operation(summary = "My organisation's task events as server-sent events",
            description = "Each event's id is its position; reconnect with Last-Event-ID to resume after it. "
                    + "Event names are CloudEvents types; data is the event's JSON, with no resident contact details.")
    public Multi<OutboundSseEvent> feed(@Context Sse sse,
            @Parameter(description = "The id of the last event received") @HeaderParam("Last-Event-ID")
            String lastEventId) {
        String org = caller.requireOrg();
        Long after = null;
        if (lastEventId != null && !lastEventId.isBlank()) {
            try {
                after = Long.parseLong(lastEventId.strip());
            } catch (NumberFormatException e) {
                throw ProblemException.invalid("Last-Event-ID", "must be the id of an event of this feed");
            }
        }
        return feed.follow(org, caller.get().communities(), after).map(entry -> sse.newEventBuilder()
                .id(Long.toString(entry.seq()))
                .name(entry.eventType())
                .mediaType(MediaType.TEXT_PLAIN_TYPE)
                .data(entry.payload())
                .build());
    }
}
