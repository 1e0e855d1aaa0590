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
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gongzhi.platform.problem.ProblemException;
import org.gongzhi.platform.security.CurrentCaller;
import org.gongzhi.platform.security.Roles;
import org.gongzhi.volunteer.team.SignedInVolunteer;
import org.gongzhi.volunteer.matching.MatchingApi.HandOver;
import org.gongzhi.volunteer.matching.MatchingApi.MatchingView;
import org.gongzhi.volunteer.matching.MatchingApi.NewMatching;
import org.gongzhi.volunteer.matching.MatchingApi.Progress;
import org.jboss.resteasy.reactive.server.Cancellable;

@Path("/api")
@Tag(name = "Offers", description = "Matching volunteers to requests; a volunteer's offers and tasks")
@Produces(MediaType.APPLICATION_JSON)
@Cancellable(false) // a write goes on when its caller hangs up (docs/conventions.md)
public class OfferResource {
    private final MatchingService matching;
    private final CurrentCaller caller;
    private final SignedInVolunteer me;

    OfferResource(MatchingService matching, CurrentCaller caller, SignedInVolunteer me) {
        this.matching = matching;
        this.caller = caller;
        this.me = me;
    }

    /** Someone else changed the offer at the same moment (a second click, the expiry check): a 409, not a 500. */
    private static <T> Uni<T> concurrently(Uni<T> answer) {
        return answer.onFailure(OfferResource::isConcurrentChange).transform(e -> ProblemException.conflict(
                "the offer changed at the same moment; look at it again"));
    }

    private static boolean isConcurrentChange(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.StaleStateException || t instanceof jakarta.persistence.OptimisticLockException) {
                return true;
            }
        }
        return false;
    }

    @POST
    @Path("/matchings")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.WORKER, Roles.ADMIN})
    @Operation(summary = "Ask for volunteers for a request explicitly; the best candidate gets an offer")
    @APIResponse(responseCode = "409", description = "Volunteers are already being matched for this request")
    public Uni<Response> requestVolunteers(NewMatching input) {
        return matching.requestVolunteers(input, caller.community()).map(m -> Response
                .created(URI.create("/api/matchings/" + m.requestId())).entity(m).build());
    }

    @GET
    @Path("/matchings/{requestId}")
    @RolesAllowed({Roles.WORKER, Roles.ADMIN})
    @Operation(summary = "How the search for a volunteer stands: every offer made, with its score and reason")
    public Uni<MatchingView> matching(@PathParam("requestId") String requestId) {
        return matching.matching(requestId, caller.community());
    }

    @GET
    @Path("/volunteers/me/offers")
    @RolesAllowed(Roles.VOLUNTEER)
    @Operation(summary = "Offers waiting for my answer, each with why I was asked")
    public Uni<List<OfferView>> offers() {
        return me.id().chain(v -> matching.offers(v, List.of(Offer.Status.OFFERED)));
    }

    @GET
    @Path("/volunteers/me/tasks")
    @RolesAllowed(Roles.VOLUNTEER)
    @Operation(summary = "Offers I accepted, and what became of them (latest progress, completed, handed over and to"
            + " whom, missed, cancelled)")
    public Uni<List<OfferView>> tasks() {
        return me.id().chain(v -> matching.offers(v, List.of(Offer.Status.ACCEPTED, Offer.Status.COMPLETED,
                Offer.Status.HANDED_OVER, Offer.Status.MISSED, Offer.Status.CANCELLED)));
    }

    @POST
    @Path("/offers/{id}/accept")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.VOLUNTEER)
    @Operation(summary = "Accept an offer")
    @APIResponse(responseCode = "409", description = "The offer expired or was already answered")
    public Uni<OfferView> accept(@PathParam("id") UUID id) {
        return concurrently(me.id().chain(v -> matching.accept(v, id)));
    }

    @POST
    @Path("/offers/{id}/decline")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.VOLUNTEER)
    @Operation(summary = "Decline an offer; the next candidate is asked")
    public Uni<OfferView> decline(@PathParam("id") UUID id) {
        return concurrently(me.id().chain(v -> matching.decline(v, id)));
    }

    @POST
    @Path("/offers/{id}/progress")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.VOLUNTEER)
    @Operation(summary = "Report how my accepted task goes; the latest note shows on the task and is published")
    @APIResponse(responseCode = "409", description = "The offer is not accepted, or already done, handed over or missed")
    public Uni<OfferView> progress(@PathParam("id") UUID id, Progress progress) {
        return concurrently(me.id().chain(v -> matching.progress(v, id, progress)));
    }

    @POST
    @Path("/offers/{id}/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.VOLUNTEER)
    @Operation(summary = "Report the work done, with hours (0.25 to 12) and a note")
    public Uni<OfferView> complete(@PathParam("id") UUID id, Completion completion) {
        return concurrently(me.id().chain(v -> matching.complete(v, id, completion)));
    }

    @POST
    @Path("/offers/{id}/hand-over")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.VOLUNTEER)
    @Operation(summary = "Needs a professional: hand my accepted task to a kind of alliance party (handOverTo: an"
            + " organisation type, COMMUNITY_OFFICE when absent) with a reason")
    @APIResponse(responseCode = "400", description = "handOverTo is not an organisation type, or no reason")
    @APIResponse(responseCode = "409", description = "The offer is not accepted, or already done, handed over or missed")
    public Uni<OfferView> handOver(@PathParam("id") UUID id, HandOver handOver) {
        return concurrently(me.id().chain(v -> matching.handOver(v, id, handOver)));
    }
}
