package org.gongzhi.request.category;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gongzhi.platform.problem.ProblemException;
import org.gongzhi.platform.security.CurrentCaller;
import org.gongzhi.platform.security.Roles;
import org.jboss.resteasy.reactive.server.Cancellable;

@Path("/api/categories")
@Tag(name = "Categories", description = "What a resident can ask for, and how fast it is handled")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Cancellable(false) // a write goes on when its caller hangs up (docs/conventions.md)
public class CategoryResource {
    private final CategoryCatalogue catalogue;
    private final CategoryService categories;
    private final CurrentCaller caller;

    CategoryResource(CategoryCatalogue catalogue, CategoryService categories, CurrentCaller caller) {
        this.catalogue = catalogue;
        this.categories = categories;
        this.caller = caller;
    }

    /**
     * Public: the catalogue is what an app shows before anyone signs in. The caller's community's categories (those it
     * has not withdrawn); one not signed in names the community, or gets the default one's.
     */
    @GET
    @Operation(summary = "List the community's categories with their tracks and time limits")
    public List<CategoryView> list(@Parameter(description = "The community, for a caller not signed in; a token's "
            + "community is its own") @QueryParam("community") String community) {
        String of = caller.isAnonymous() && community != null && !community.isBlank() ? community : caller.community();
        return catalogue.all(of).stream().map(this::view).toList();
    }

    /**
     * What a community's workers choose from: every category of the catalogue, those the caller's community has
     * withdrawn included, with the catalogue's time limits and the community's own where it set them.
     */
    @GET
    @Path("/choices")
    @RolesAllowed({Roles.WORKER, Roles.ADMIN})
    @Operation(summary = "The caller's community's choice of every category of the catalogue: withdrawn or offered, "
            + "and its own time limits where it set them")
    public CommunityChoices choices() {
        String community = caller.community();
        return new CommunityChoices(community, catalogue.choices(community).stream()
                .map(c -> new ChoiceView(c.category().code(), c.category().nameZh(), c.category().nameEn(),
                        c.category().tracks(), c.category().defaultUrgency(), c.category().respondWithin(),
                        c.category().resolveWithin(), c.withdrawn(), c.ownRespondWithin(), c.ownResolveWithin()))
                .toList());
    }

    @POST
    @RolesAllowed(Roles.WORKER)
    @Operation(summary = "Add a category to the catalogue (published to every service)")
    @APIResponseSchema(value = CategoryView.class, responseCode = "201", responseDescription = "Added")
    @Extension(name = "x-refuses-409", value = "The category already exists")
    public Uni<Response> add(NewCategory category) {
        return categories.add(category).map(c -> Response.created(URI.create("/api/categories/" + c.code()))
                .entity(view(c)).build());
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed(Roles.WORKER)
    @Operation(summary = "Change a category: names, tracks, default urgency, time limits, skill (published to every "
            + "service; requests already filed keep their deadlines)")
    public Uni<CategoryView> change(@PathParam("code") String code, NewCategory category) {
        return categories.change(code, category).map(this::view);
    }

    @DELETE
    @Path("/{code}")
    @RolesAllowed({Roles.WORKER, Roles.ADMIN})
    @Operation(summary = "Withdraw a category from the caller's community (published to every service)")
    @APIResponse(responseCode = "204", description = "Withdrawn (or was already)")
    @Extension(name = "x-refuses-409", value = "The community has requests of the category that are not over")
    public Uni<Void> withdraw(@PathParam("code") String code) {
        return withdrawFrom(code, caller.community());
    }

    @DELETE
    @Path("/{code}/communities/{community}")
    @RolesAllowed({Roles.WORKER, Roles.ADMIN})
    @Operation(summary = "Withdraw a category from a community, by its own workers or admins (published to every "
            + "service)")
    @APIResponse(responseCode = "204", description = "Withdrawn (or was already)")
    @Extension(name = "x-refuses-409", value = "The community has requests of the category that are not over")
    public Uni<Void> withdrawFrom(@PathParam("code") String code, @PathParam("community") String community) {
        return categories.withdraw(ownCommunity(community), code);
    }

    @PUT
    @Path("/{code}/communities/{community}")
    @RolesAllowed({Roles.WORKER, Roles.ADMIN})
    @Operation(summary = "Take a withdrawn category back into a community, by its own workers or admins (published to "
            + "every service)")
    @APIResponse(responseCode = "204", description = "Offered again (or was never withdrawn)")
    public Uni<Void> restore(@PathParam("code") String code, @PathParam("community") String community) {
        return categories.restore(ownCommunity(community), code);
    }

    @PUT
    @Path("/{code}/communities/{community}/time-limits")
    @RolesAllowed({Roles.WORKER, Roles.ADMIN})
    @Operation(summary = "Set a community's own time limits for a category, in place of the catalogue's, by its own "
            + "workers or admins (published to every service; requests already filed keep their deadlines)")
    public Uni<CategoryView> limit(@PathParam("code") String code, @PathParam("community") String community,
            CommunityTimeLimits limits) {
        return categories.limit(ownCommunity(community), code, limits).map(this::view);
    }

    @DELETE
    @Path("/{code}/communities/{community}/time-limits")
    @RolesAllowed({Roles.WORKER, Roles.ADMIN})
    @Operation(summary = "The community keeps the catalogue's time limits for the category again (published to every "
            + "service)")
    @APIResponse(responseCode = "204", description = "The catalogue's limits apply (or already did)")
    public Uni<Void> unlimit(@PathParam("code") String code, @PathParam("community") String community) {
        return categories.unlimit(ownCommunity(community), code);
    }

    /** A community's workers and admins choose its categories; no one else's. */
    private String ownCommunity(String community) {
        if (!caller.community().equals(community)) {
            throw ProblemException.forbidden("only community " + community + "'s workers and admins choose its "
                    + "categories");
        }
        return community;
    }

    private CategoryView view(Category c) {
        return new CategoryView(c.code(), c.nameZh(), c.nameEn(), c.tracks(), c.defaultUrgency(),
                catalogue.respondWithin(c, c.defaultUrgency()), catalogue.resolveWithin(c, c.defaultUrgency()),
                c.skill());
    }

    /** A community's choice of the catalogue's categories. */
    public record CommunityChoices(String community, List<ChoiceView> categories) {
    }

    /**
     * One category as a community has chosen it: the catalogue's time limits (for a request not marked URGENT),
     * whether the community withdrew it, and its own limits (null: the catalogue's apply).
     */
    public record ChoiceView(String code, String nameZh, String nameEn, List<String> tracks, Urgency defaultUrgency,
            Duration respondWithin, Duration resolveWithin, boolean withdrawn, Duration ownRespondWithin,
            Duration ownResolveWithin) {
    }

    public record CategoryView(String code, String nameZh, String nameEn, List<String> tracks, Urgency defaultUrgency,
            Duration respondWithin, Duration resolveWithin, String skill) {
    }
}
