package org.gongzhi.volunteer.matching;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gongzhi.platform.problem.ProblemException;
import org.gongzhi.platform.security.Caller;
import org.gongzhi.platform.security.Roles;

@Path("/api")
@Tag(name = "Offers", description = "A volunteer's offers, tasks and hours")
@Produces(MediaType.APPLICATION_JSON)
public class OfferResource {
    private final MatchingService matching;
    private final Caller caller;

    OfferResource(MatchingService matching, Caller caller) {
        this.matching = matching;
        this.caller = caller;
    }

    private String me() {
        return caller.volunteer().orElseThrow(() -> ProblemException.forbidden("the token names no volunteer"));
    }

    @GET
    @Path("/volunteers/me/offers")
    @RolesAllowed(Roles.VOLUNTEER)
    @Operation(summary = "Offers waiting for my answer, each with why I was asked")
    public Uni<List<OfferView>> offers() {
        return matching.offers(me(), List.of(Offer.Status.OFFERED));
    }

    @GET
    @Path("/volunteers/me/tasks")
    @RolesAllowed(Roles.VOLUNTEER)
    @Operation(summary = "Offers I accepted, and those I completed")
    public Uni<List<OfferView>> tasks() {
        return matching.offers(me(), List.of(Offer.Status.ACCEPTED, Offer.Status.COMPLETED));
    }

    public record Hours(String volunteerId, BigDecimal total, long tasks) {
    }

    @GET
    @Path("/volunteers/me/hours")
    @RolesAllowed(Roles.VOLUNTEER)
    @Operation(summary = "My service hours")
    public Uni<Hours> hours() {
        String me = me();
        return matching.offers(me, List.of(Offer.Status.COMPLETED)).map(done -> new Hours(me,
                done.stream().map(OfferView::hours).reduce(BigDecimal.ZERO, BigDecimal::add), done.size()));
    }

    @POST
    @Path("/offers/{id}/accept")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.VOLUNTEER)
    @Operation(summary = "Accept an offer")
    @APIResponse(responseCode = "409", description = "The offer expired or was already answered")
    public Uni<OfferView> accept(@PathParam("id") UUID id) {
        return matching.accept(me(), id);
    }

    @POST
    @Path("/offers/{id}/decline")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.VOLUNTEER)
    @Operation(summary = "Decline an offer; the next candidate is asked")
    public Uni<OfferView> decline(@PathParam("id") UUID id) {
        return matching.decline(me(), id);
    }

    @POST
    @Path("/offers/{id}/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.VOLUNTEER)
    @Operation(summary = "Report the work done, with hours")
    public Uni<OfferView> complete(@PathParam("id") UUID id, Completion completion) {
        return matching.complete(me(), id, completion);
    }
}
