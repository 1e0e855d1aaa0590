package org.gongzhi.notification.notice;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gongzhi.notification.notice.NoticeViews.NoticeView;
import org.gongzhi.notification.notice.NoticeViews.Preferences;
import org.gongzhi.platform.api.Page;
import org.gongzhi.platform.api.PageQuery;
import org.gongzhi.platform.security.Caller;
import org.gongzhi.platform.security.Roles;

@Path("/api/notices/me")
@Tag(name = "Notices", description = "A resident's notices: every step of their requests, decisions, warnings")
@Produces(MediaType.APPLICATION_JSON)
public class NoticeResource {
    private final Notices notices;
    private final Caller caller;

    NoticeResource(Notices notices, Caller caller) {
        this.notices = notices;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.RESIDENT, Roles.PARTNER})
    @Operation(summary = "The caller's in-app inbox, newest first, with how each notice was also sent",
            description = "A resident: their own notices. A partner: the notices to its organisation's contacts "
                    + "(on duty when a weather warning was issued); ?contact= narrows to one contact.")
    public Uni<Page<NoticeView>> inbox(
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(PageQuery.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size,
            @QueryParam("contact") String contact) {
        if (caller.is(Roles.PARTNER)) {
            return notices.organisationInbox(caller.community(), caller.requireOrg(),
                    contact == null || contact.isBlank() ? null : contact, page, size);
        }
        return notices.inbox(caller.id(), page, size);
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
