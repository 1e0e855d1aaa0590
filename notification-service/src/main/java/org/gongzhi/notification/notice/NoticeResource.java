package org.gongzhi.notification.notice;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gongzhi.notification.notice.NoticeViews.NoticeView;
import org.gongzhi.notification.notice.NoticeViews.Preferences;
import org.gongzhi.platform.api.Page;
import org.gongzhi.platform.security.CurrentCaller;
import org.gongzhi.platform.security.Roles;
import org.jboss.resteasy.reactive.server.Cancellable;

@Path("/api/notices/me")
@Tag(name = "Notices", description = "A resident's notices: every step of their requests, decisions, warnings")
@Produces(MediaType.APPLICATION_JSON)
@Cancellable(false) // a write goes on when its caller hangs up (docs/conventions.md)
public class NoticeResource {
    private final Notices notices;
    private final CurrentCaller caller;

    NoticeResource(Notices notices, CurrentCaller caller) {
        this.notices = notices;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.RESIDENT, Roles.PARTNER})
    @Operation(summary = "The caller's in-app inbox, newest first, with how each notice was also sent",
            description = "A resident: their own notices. A partner: the notices to its organisation's contacts "
                    + "(on duty when a weather warning was issued); ?contact= narrows to one contact.")
    public Uni<Page<NoticeView>> inbox(@Valid @BeanParam InboxSearch search) {
        if (caller.is(Roles.PARTNER)) {
            return notices.organisationInbox(caller.community(), caller.requireOrg(),
                    search.contact == null || search.contact.isBlank() ? null : search.contact, search.page,
                    search.size());
        }
        return notices.inbox(caller.community(), caller.id(), search.page, search.size());
    }

    @GET
    @Path("/preferences")
    @RolesAllowed(Roles.RESIDENT)
    @Operation(summary = "How the caller wants to be told (language, SMS, email, weather warnings, quiet hours)")
    public Uni<Preferences> preferences() {
        return notices.preferences(caller.id());
    }

    @PUT
    @Path("/preferences")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.RESIDENT)
    @Operation(summary = "Set how the caller wants to be told")
    public Uni<Preferences> setPreferences(Preferences preferences) {
        return notices.setPreferences(caller.id(), caller.community(), preferences);
    }
}
