package org.gongzhi.notification.notice;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gongzhi.notification.notice.NoticeViews.ContactAddress;
import org.gongzhi.platform.security.CurrentCaller;
import org.gongzhi.platform.security.Roles;
import org.jboss.resteasy.reactive.server.Cancellable;

/** A partner organisation says where its contacts are reached by SMS and email (on duty, as a backup). */
@Path("/api/notices/contacts")
@Tag(name = "Notices", description = "A resident's notices: every step of their requests, decisions, warnings")
@Produces(MediaType.APPLICATION_JSON)
@Cancellable(false) // a write goes on when its caller hangs up (docs/conventions.md)
public class PartnerContactResource {
    private final PartnerContacts contacts;
    private final CurrentCaller caller;

    PartnerContactResource(PartnerContacts contacts, CurrentCaller caller) {
        this.contacts = contacts;
        this.caller = caller;
    }

    @GET
    @RolesAllowed(Roles.PARTNER)
    @Operation(summary = "Where the caller's organisation's contacts are reached by SMS and email")
    public Uni<List<ContactAddress>> list() {
        return contacts.list(caller.community(), caller.requireOrg());
    }

    @PUT
    @Path("/{contactId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PARTNER)
    @Operation(summary = "Set where one contact (alliance-service's contact id) is reached",
            description = "On-duty warning notices and escalations to the contact as a backup then also go by SMS "
                    + "and email, at once (they are urgent).")
    public Uni<ContactAddress> set(@PathParam("contactId") String contactId, ContactAddress address) {
        return contacts.set(caller.community(), caller.requireOrg(), contactId, address);
    }

    @DELETE
    @Path("/{contactId}")
    @RolesAllowed(Roles.PARTNER)
    @Operation(summary = "Forget where a contact is reached: their notices stay in the organisation's inbox only")
    public Uni<Response> remove(@PathParam("contactId") String contactId) {
        return contacts.remove(caller.community(), caller.requireOrg(), contactId)
                .replaceWith(Response.noContent().build());
    }
}
