package org.gongzhi.notification.webhook;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gongzhi.notification.webhook.WebhookViews.DeliveryView;
import org.gongzhi.notification.webhook.WebhookViews.NewWebhook;
import org.gongzhi.notification.webhook.WebhookViews.WebhookView;
import org.gongzhi.platform.security.CurrentCaller;
import org.gongzhi.platform.security.Roles;
import org.jboss.resteasy.reactive.server.Cancellable;

@Path("/api/webhooks")
@Tag(name = "Webhooks", description = "Partners' signed webhooks (Standard Webhooks): their tasks pushed to their systems")
@Produces(MediaType.APPLICATION_JSON)
@Cancellable(false) // a write goes on when its caller hangs up (docs/conventions.md)
public class WebhookResource {
    private final WebhookEndpoints endpoints;
    private final CurrentCaller caller;

    WebhookResource(WebhookEndpoints endpoints, CurrentCaller caller) {
        this.endpoints = endpoints;
        this.caller = caller;
    }

    /** A partner acts for its own organisation; an admin for any. */
    private String owner() {
        return caller.is(Roles.ADMIN) ? null : caller.requireOrg();
    }

    /** The communities the caller reaches endpoints in: a partner's every one its token serves, its own first. */
    private List<String> communities() {
        return List.copyOf(caller.get().communities());
    }

    @POST
    @Blocking // the target's name is resolved to check it is not an internal address
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PARTNER, Roles.ADMIN})
    @Operation(summary = "Register a webhook endpoint: URL and event types; the answer carries its secret (once)")
    public Uni<Response> register(NewWebhook input) {
        List<String> served = communities();
        return endpoints.register(served.get(0), served.subList(1, served.size()), owner(), input)
                .map(view -> Response.created(URI.create("/api/webhooks/" + view.id())).entity(view).build());
    }

    @GET
    @RolesAllowed({Roles.PARTNER, Roles.ADMIN})
    @Operation(summary = "The caller's webhook endpoints (admin: all)")
    public Uni<List<WebhookView>> list() {
        return endpoints.list(communities(), owner());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PARTNER, Roles.ADMIN})
    @Operation(summary = "One webhook endpoint")
    public Uni<WebhookView> get(@PathParam("id") String id) {
        return endpoints.get(communities(), owner(), id);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.PARTNER, Roles.ADMIN})
    @Operation(summary = "Remove a webhook endpoint and its delivery log")
    public Uni<Response> delete(@PathParam("id") String id) {
        return endpoints.delete(communities(), owner(), id).replaceWith(Response.noContent().build());
    }

    @POST
    @Path("/{id}/secret")
    @RolesAllowed({Roles.PARTNER, Roles.ADMIN})
    @Operation(summary = "Rotate the secret: the new one is returned; the old one signs too for the grace period")
    public Uni<WebhookView> rotate(@PathParam("id") String id) {
        return endpoints.rotate(communities(), owner(), id);
    }

    @POST
    @Path("/{id}/enable")
    @Blocking // the target's name is resolved again before the endpoint is trusted again
    @RolesAllowed({Roles.PARTNER, Roles.ADMIN})
    @Operation(summary = "Re-enable a disabled endpoint (after a 410 or a refused target); its target is checked again")
    public Uni<WebhookView> enable(@PathParam("id") String id) {
        return endpoints.enable(communities(), owner(), id);
    }

    @GET
    @Path("/{id}/deliveries")
    @RolesAllowed({Roles.PARTNER, Roles.ADMIN})
    @Operation(summary = "The endpoint's delivery log, newest first, with every attempt")
    public Uni<List<DeliveryView>> deliveries(@PathParam("id") String id,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return endpoints.deliveries(communities(), owner(), id, limit);
    }

    @POST
    @Path("/{id}/deliveries/{delivery}/redeliver")
    @RolesAllowed({Roles.PARTNER, Roles.ADMIN})
    @Operation(summary = "Send a delivery again with the same webhook-id")
    public Uni<Response> redeliver(@PathParam("id") String id, @PathParam("delivery") String delivery) {
        return endpoints.redeliver(communities(), owner(), id, delivery)
                .replaceWith(Response.accepted().build());
    }
}
