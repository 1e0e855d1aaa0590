package org.gongzhi.request.category;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gongzhi.platform.security.Roles;

@Path("/api/categories")
@Tag(name = "Categories", description = "What a resident can ask for, and how fast it is handled")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CategoryResource {
    private final CategoryCatalogue catalogue;
    private final CategoryService categories;

    CategoryResource(CategoryCatalogue catalogue, CategoryService categories) {
        this.catalogue = catalogue;
        this.categories = categories;
    }

    /** Public: the catalogue is what an app shows before anyone signs in. */
    @GET
    @Operation(summary = "List the categories with their tracks and time limits")
    public List<CategoryView> list() {
        return catalogue.all().stream().map(this::view).toList();
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

    private CategoryView view(Category c) {
        return new CategoryView(c.code(), c.nameZh(), c.nameEn(), c.tracks(), c.defaultUrgency(),
                catalogue.respondWithin(c, c.defaultUrgency()), catalogue.resolveWithin(c, c.defaultUrgency()),
                c.skill());
    }

    public record CategoryView(String code, String nameZh, String nameEn, List<String> tracks, Urgency defaultUrgency,
            Duration respondWithin, Duration resolveWithin, String skill) {
    }
}
