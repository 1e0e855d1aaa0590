package org.gongzhi.request.contact;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gongzhi.platform.security.CurrentCaller;
import org.gongzhi.platform.security.Roles;

@Path("/api/requests/{id}/contact")
@Tag(name = "Contact", description = "Residents' contact details, for those who must call them, audited")
@Produces(MediaType.APPLICATION_JSON)
public class ContactResource {
    private final ContactService contacts;
    private final CurrentCaller caller;

    ContactResource(ContactService contacts, CurrentCaller caller) {
        this.contacts = contacts;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.WORKER, Roles.ADMIN, Roles.PARTNER, Roles.VOLUNTEER})
    @Operation(summary = "Read the resident's phone", description = "Workers, the party leading an open task "
            + "on the request, and the volunteer holding its open job (accepted, not finished; anyone else of the "
            + "volunteers, or before acceptance or after completion: 404). Every read is recorded in the audit log.")
    @Extension(name = "x-refuses-403", value = "Your organisation does not lead an open task on it")
    public Uni<ContactService.Contact> contact(@PathParam("id") UUID id,
            @Parameter(description = "Why the phone is needed; kept in the audit log")
            @QueryParam("reason") @Size(max = 200) String reason) {
        if (caller.is(Roles.VOLUNTEER) && !caller.isStaff()) {
            return contacts.readAsVolunteer(caller.community(), caller.id(), caller.volunteer().orElse(null), id);
        }
        return contacts.read(caller.get(), id, reason == null || reason.isBlank() ? null : reason.strip());
    }
}
