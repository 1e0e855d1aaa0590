package org.gongzhi.request.lifecycle;

import org.gongzhi.platform.api.Page;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gongzhi.platform.security.CurrentCaller;
import org.gongzhi.platform.security.Roles;
import org.jboss.resteasy.reactive.server.Cancellable;

@Path("/api/requests")
@Tag(name = "Requests", description = "Residents' requests: intake, status and timeline")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Cancellable(false) // a write goes on when its caller hangs up (docs/conventions.md)
public class RequestResource {
    private final RequestService requests;
    private final LifecycleService lifecycle;
    private final CurrentCaller caller;

    RequestResource(RequestService requests, LifecycleService lifecycle, CurrentCaller caller) {
        this.requests = requests;
        this.lifecycle = lifecycle;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.RESIDENT, Roles.WORKER, Roles.ADMIN, Roles.PARTNER})
    @Operation(summary = "Search requests", description = "Filters by status, category, building, channel, overdue, "
            + "creation time and text; sorted and paged. Residents see only their own requests, partners those "
            + "their organisation has tasks on.")
    public Uni<Page<RequestSummary>> search(@BeanParam RequestSearch search) {
        return requests.search(caller.get(), search);
    }

    @POST
    @Path("/{id}/acknowledge")
    @RolesAllowed({Roles.WORKER, Roles.ADMIN})
    @Operation(summary = "Acknowledge a request (the first response)", description = "At any open state before the "
            + "first response. A SUBMITTED request becomes ACKNOWLEDGED; one already routed keeps its status and the "
            + "response is recorded.")
    @Extension(name = "x-refuses-409",
            value = "The request is no longer open, or was already acknowledged (responded to)")
    public Uni<RequestView> acknowledge(@PathParam("id") UUID id, Note note) {
        return lifecycle.acknowledge(caller.get(), id, note);
    }

    @POST
    @Path("/{id}/withdraw")
    @RolesAllowed({Roles.RESIDENT, Roles.WORKER, Roles.ADMIN})
    @Operation(summary = "Withdraw an open request")
    @Extension(name = "x-refuses-409", value = "The request is no longer open")
    public Uni<RequestView> withdraw(@PathParam("id") UUID id, Note reason) {
        return lifecycle.withdraw(caller.get(), id, reason);
    }

    @POST
    @Path("/{id}/reject")
    @RolesAllowed({Roles.WORKER, Roles.ADMIN})
    @Operation(summary = "Reject a request with a reason", description = "Before work has started: SUBMITTED, "
            + "ACKNOWLEDGED, in the hall, or ASSIGNED while no party has confirmed or started its task and no "
            + "volunteer took it on. Tasks and offers are cancelled; the resident is told why.")
    @Extension(name = "x-refuses-409", value = "Work has started, or the request is no longer open")
    public Uni<RequestView> reject(@PathParam("id") UUID id, Note reason) {
        return lifecycle.reject(caller.get(), id, reason);
    }

    @POST
    @Path("/{id}/triage")
    @RolesAllowed({Roles.WORKER, Roles.ADMIN})
    @Operation(summary = "Re-categorise, set urgency, add or remove tracks", description = "At any open state; one "
            + "request.recategorised event: the alliance re-routes, the volunteers start or stop. A 12345 ticket's "
            + "official deadline still bounds the resolve deadline.")
    @Extension(name = "x-refuses-409", value = "The request is no longer open")
    public Uni<RequestView> triage(@PathParam("id") UUID id, Triage triage) {
        return lifecycle.triage(caller.get(), id, triage);
    }

    @POST
    @Path("/{id}/merge")
    @RolesAllowed({Roles.WORKER, Roles.ADMIN})
    @Operation(summary = "Merge a duplicate into its master request", description = "From any open state: the "
            + "duplicate becomes MERGED (mergedInto = the master), its tasks and offers are cancelled, its resident "
            + "hears of the master's progress; the master lists it under merged.")
    @Extension(name = "x-refuses-409", value = "The master request is no longer open, or the duplicate is not open")
    public Uni<RequestView> merge(@PathParam("id") UUID id, Merge merge) {
        return lifecycle.merge(caller.get(), id, merge);
    }

    @POST
    @Path("/{id}/unmerge")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.WORKER, Roles.ADMIN})
    @Operation(summary = "Undo a merge made today", description = "The duplicate returns to the status it had and "
            + "its tracks take it again.")
    @Extension(name = "x-refuses-409", value = "The request is not merged, or was merged on an earlier day")
    public Uni<RequestView> unmerge(@PathParam("id") UUID id) {
        return lifecycle.unmerge(caller.get(), id);
    }

    @POST
    @Path("/{id}/notes")
    @RolesAllowed({Roles.WORKER, Roles.ADMIN, Roles.PARTNER})
    @Operation(summary = "Add an internal note (workers and the parties on the request see it)")
    public Uni<RequestView> note(@PathParam("id") UUID id, Note note) {
        return lifecycle.note(caller.get(), id, note);
    }

    @POST
    @RolesAllowed({Roles.RESIDENT, Roles.WORKER, Roles.ADMIN})
    @Operation(summary = "Submit a request", description = "A resident files for themself; a worker for anyone. "
            + "Repeat the same Idempotency-Key to retry safely: you get the first request back, never a second one.")
    @APIResponseSchema(value = RequestView.class, responseCode = "201",
            responseDescription = "Stored durably; its events follow. A replayed Idempotency-Key gives the first "
                    + "request back (header Idempotent-Replayed: true)")
    @Extension(name = "x-refuses-400", value = "A field is wrong; nothing was stored")
    public Uni<Response> submit(NewRequest request,
            @Parameter(description = "Any unique string per intended request")
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        return requests.submit(caller.get(), request, idempotencyKey)
                .map(s -> Response.created(URI.create("/api/requests/" + s.request().id()))
                        .header("Idempotent-Replayed", s.replayed())
                        .entity(s.request()).build());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.RESIDENT, Roles.WORKER, Roles.ADMIN, Roles.PARTNER})
    @Operation(summary = "Read a request with its tasks and timeline")
    @Extension(name = "x-refuses-404", value = "No such request, or not yours to see")
    public Uni<RequestView> find(@PathParam("id") UUID id) {
        return requests.find(caller.get(), id);
    }

    @GET
    @Path("/{id}/timeline")
    @RolesAllowed({Roles.RESIDENT, Roles.WORKER, Roles.ADMIN, Roles.PARTNER})
    @Operation(summary = "Read a request's timeline", description = "Residents see public updates; workers and "
            + "the parties on the request also see internal notes.")
    public Uni<List<RequestView.TimelineView>> timeline(@PathParam("id") UUID id) {
        return requests.timeline(caller.get(), id);
    }
}
