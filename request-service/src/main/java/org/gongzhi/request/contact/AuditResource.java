package org.gongzhi.request.contact;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gongzhi.platform.security.CurrentCaller;
import org.gongzhi.platform.security.Roles;

@Path("/api/audit")
@Tag(name = "Contact")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {
    private final ContactService contacts;
    private final CurrentCaller caller;

    AuditResource(ContactService contacts, CurrentCaller caller) {
        this.contacts = contacts;
        this.caller = caller;
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Who read which resident's contact, newest first")
    public Uni<List<ContactService.AuditEntry>> audit(@Valid @BeanParam AuditSearch search) {
        return contacts.audit(caller.get(), search.page, search.size());
    }
}
