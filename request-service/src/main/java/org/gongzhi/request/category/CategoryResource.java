package org.gongzhi.request.category;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/categories")
@Tag(name = "Categories", description = "What a resident can ask for, and how fast it is handled")
@Produces(MediaType.APPLICATION_JSON)
public class CategoryResource {
    private final CategoryCatalogue catalogue;

    CategoryResource(CategoryCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** Public: the catalogue is what an app shows before anyone signs in. */
    @GET
    @Operation(summary = "List the categories with their tracks and time limits")
    public List<CategoryView> list() {
        return catalogue.all().stream().map(c -> new CategoryView(c.code(), c.nameZh(), c.nameEn(), c.tracks(),
                c.defaultUrgency(), catalogue.respondWithin(c, c.defaultUrgency()),
                catalogue.resolveWithin(c, c.defaultUrgency()))).toList();
    }

    public record CategoryView(String code, String nameZh, String nameEn, List<String> tracks, Urgency defaultUrgency,
            java.time.Duration respondWithin, java.time.Duration resolveWithin) {
    }
}
