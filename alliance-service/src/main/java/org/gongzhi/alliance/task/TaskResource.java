package org.gongzhi.alliance.task;

import org.gongzhi.platform.api.Page;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gongzhi.platform.security.CurrentCaller;
import org.gongzhi.platform.security.Roles;
import org.jboss.resteasy.reactive.server.Cancellable;

@Path("/api/tasks")
@Tag(name = "Tasks", description = "Parties act on their tasks; workers reassign and move deadlines")
@Produces(MediaType.APPLICATION_JSON)
@Cancellable(false) // a write goes on when its caller hangs up (docs/conventions.md)
public class TaskResource {
    private final TaskService tasks;
    private final CurrentCaller caller;

    TaskResource(TaskService tasks, CurrentCaller caller) {
        this.tasks = tasks;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.WORKER, Roles.ADMIN})
    @Operation(summary = "Search all tasks (workers)", description = "Filters by organisation, status, role, "
            + "request, overdue, open and community; newest first; paged.")
    public Uni<Page<TaskView>> search(@QueryParam("organisationId") String organisationId,
            @BeanParam TaskSearch search) {
        return tasks.search(caller.get(), organisationId, search);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.WORKER, Roles.ADMIN, Roles.PARTNER})
    @Operation(summary = "Read a task")
    @APIResponse(responseCode = "404", description = "No such task, or not your organisation's")
    public Uni<TaskView> find(@PathParam("id") UUID id) {
        return tasks.find(caller.get(), id);
    }

    @POST
    @Path("/{id}/acknowledge")
    @RolesAllowed({Roles.PARTNER, Roles.WORKER, Roles.ADMIN})
    @Operation(summary = "Acknowledge a task (响应)")
    @APIResponse(responseCode = "409", description = "The task is not waiting for acknowledgement")
    public Uni<TaskView> acknowledge(@PathParam("id") UUID id, TaskNote note) {
        return tasks.acknowledge(caller.get(), id, note);
    }

    @POST
    @Path("/{id}/progress")
    @RolesAllowed({Roles.PARTNER, Roles.WORKER, Roles.ADMIN})
    @Operation(summary = "Report progress on a task")
    @APIResponse(responseCode = "409", description = "The task is finished or was never acknowledged")
    public Uni<TaskView> progress(@PathParam("id") UUID id, TaskNote note) {
        return tasks.progress(caller.get(), id, note);
    }

    @POST
    @Path("/{id}/complete")
    @RolesAllowed({Roles.PARTNER, Roles.WORKER, Roles.ADMIN})
    @Operation(summary = "Complete a task", description = "When every task of the request is completed the "
            + "alliance track is resolved (gongzhi.case.resolved.v1).")
    @APIResponse(responseCode = "409", description = "The task was not acknowledged or is finished")
    public Uni<TaskView> complete(@PathParam("id") UUID id, TaskNote note) {
        return tasks.complete(caller.get(), id, note);
    }

    @POST
    @Path("/{id}/decline")
    @RolesAllowed({Roles.PARTNER, Roles.WORKER, Roles.ADMIN})
    @Operation(summary = "Decline a task with a reason", description = "The next party in line gets it.")
    @APIResponse(responseCode = "400", description = "No reason given")
    @APIResponse(responseCode = "409", description = "The task is already in progress or finished")
    public Uni<TaskView> decline(@PathParam("id") UUID id, TaskNote note) {
        return tasks.decline(caller.get(), id, note);
    }

    @POST
    @Path("/{id}/reassign")
    @RolesAllowed({Roles.WORKER, Roles.ADMIN})
    @Operation(summary = "Give a task to another party, with a reason")
    public Uni<TaskView> reassign(@PathParam("id") UUID id, Reassignment reassignment) {
        return tasks.reassign(caller.get(), id, reassignment);
    }

    @POST
    @Path("/{id}/deadline")
    @RolesAllowed({Roles.WORKER, Roles.ADMIN})
    @Operation(summary = "Change a task's deadlines, with a reason")
    public Uni<TaskView> deadline(@PathParam("id") UUID id, DeadlineChange change) {
        return tasks.changeDeadline(caller.get(), id, change);
    }
}
