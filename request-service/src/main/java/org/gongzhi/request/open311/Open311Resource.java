package org.gongzhi.request.open311;

import io.smallrye.mutiny.Uni;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gongzhi.platform.problem.ProblemException;
import org.jboss.resteasy.reactive.server.Cancellable;

/**
 * Open311 GeoReport v2 (JSON) for integrators such as a 12345 hotline platform. Reading is public, as the spec
 * intends; creating needs an {@code api_key}. Every call takes the spec's {@code jurisdiction_id}: one of the
 * deployment's communities, or its default one when absent; a request of another community is not found. Errors
 * use the spec's format: {@code [{"code":…,"description":…}]}.
 */
@Path("/open311/v2")
@Tag(name = "Open311", description = "GeoReport v2 for integrators")
@Produces(MediaType.APPLICATION_JSON)
@Cancellable(false) // a write goes on when its caller hangs up (docs/conventions.md)
public class Open311Resource {
    private final Open311Gateway gateway;

    Open311Resource(Open311Gateway gateway) {
        this.gateway = gateway;
    }

    @GET
    @Path("/services.json")
    @Operation(summary = "List services (the request categories)", description = "jurisdiction_id: the community "
            + "(GET /api/estate/communities); without it, the deployment's default community.")
    @APIResponseSchema(value = Open311Service[].class, responseCode = "200", responseDescription = "The services")
    public Uni<Response> services(@QueryParam("jurisdiction_id") String jurisdictionId) {
        return gateway.jurisdiction(jurisdictionId).map(community -> Response.ok(gateway.services(community)).build())
                .onFailure().recoverWithItem(Open311Resource::error);
    }

    @GET
    @Path("/services/{code}.json")
    @Operation(summary = "Define a service")
    @APIResponseSchema(value = Open311Service.Definition.class, responseCode = "200",
            responseDescription = "The service's attributes")
    public Uni<Response> service(@PathParam("code") String code, @QueryParam("jurisdiction_id") String jurisdictionId) {
        return gateway.jurisdiction(jurisdictionId).map(community -> Response.ok(gateway.definition(community, code)).build())
                .onFailure().recoverWithItem(Open311Resource::error);
    }

    @POST
    @Path("/requests.json")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    @Operation(summary = "Create a request (needs api_key)")
    @APIResponseSchema(value = Open311Service.Created[].class, responseCode = "201",
            responseDescription = "Created: a list with the new request's id")
    @Extension(name = "x-refuses-403", value = "api_key is missing or unknown")
    @Extension(name = "x-example", value = "api_key=hotline-key&jurisdiction_id=hepingli&service_code=water-leak"
            + "&description=Water+drips+from+"
            + "the+bathroom+ceiling&address_id=7-2-301&phone=13800138000&attribute%5Bhotline_ticket%5D=12345-2026-0815"
            + "&media_url=https%3A%2F%2Fphotos.example.org%2Fleak.jpg")
    public Uni<Response> create(@FormParam("api_key") String apiKey,
            @FormParam("jurisdiction_id") String jurisdictionId, @FormParam("service_code") String serviceCode,
            @FormParam("description") String description, @FormParam("address_id") String addressId,
            @FormParam("address_string") String addressString, @FormParam("phone") String phone,
            @FormParam("attribute[hotline_ticket]") String ticket,
            @FormParam("attribute[public_description]") String publicDescription,
            @FormParam("media_url") String mediaUrl) {
        return gateway.jurisdiction(jurisdictionId)
                .chain(community -> gateway.create(apiKey, community, serviceCode, description, addressId,
                        addressString, phone, ticket, flag("attribute[public_description]", publicDescription),
                        mediaUrl))
                .map(created -> Response.status(201).entity(List.of(created)).build())
                .onFailure().recoverWithItem(Open311Resource::error);
    }

    @GET
    @Path("/requests.json")
    @Operation(summary = "Find requests by id, service, time range and status", description = "Public: a request "
            + "is placed at its building (or named place), never its unit or household, and shows its description "
            + "only where the resident agreed, with phone numbers and names taken out. With api_key, the requests "
            + "that integrator filed show their address and description in full.")
    public Uni<Response> find(@QueryParam("api_key") String apiKey,
            @QueryParam("jurisdiction_id") String jurisdictionId,
            @QueryParam("service_request_id") String ids, @QueryParam("service_code") String code,
            @QueryParam("start_date") String start, @QueryParam("end_date") String end,
            @QueryParam("status") String status) {
        return gateway.jurisdiction(jurisdictionId).chain(community -> {
                    if (status != null && !status.equals("open") && !status.equals("closed")) {
                        throw ProblemException.invalid("status", "must be open or closed");
                    }
                    return gateway.find(apiKey, community, parseIds(ids), code, instant("start_date", start),
                            instant("end_date", end), status);
                })
                .map(found -> Response.ok(found).build())
                .onFailure().recoverWithItem(Open311Resource::error);
    }

    @GET
    @Path("/requests/{id}.json")
    @Operation(summary = "Read one request")
    public Uni<Response> one(@PathParam("id") String id, @QueryParam("api_key") String apiKey,
            @QueryParam("jurisdiction_id") String jurisdictionId) {
        return gateway.jurisdiction(jurisdictionId)
                .chain(community -> gateway.find(apiKey, community, parseIds(id), null, null, null, null))
                .map(found -> found.isEmpty() ? error(ProblemException.notFound("service request", id))
                        : Response.ok(found).build())
                .onFailure().recoverWithItem(Open311Resource::error);
    }

    @GET
    @Path("/tokens/{token}.json")
    @Operation(summary = "Resolve a token to a request id", description = "Gongzhi creates requests synchronously: "
            + "the token is the request id.")
    public Uni<Response> token(@PathParam("token") String token,
            @QueryParam("jurisdiction_id") String jurisdictionId) {
        return one(token, null, jurisdictionId).map(r -> r.getStatus() != 200 ? r
                : Response.ok(List.of(new Open311Service.Token(token, token))).build());
    }

    private static List<UUID> parseIds(String ids) {
        if (ids == null || ids.isBlank()) {
            return List.of();
        }
        try {
            return Arrays.stream(ids.split(",")).map(String::trim).map(UUID::fromString).toList();
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("service request", ids);
        }
    }

    /** A form's yes/no: absent is no; anything but true or false is a 400 naming the field. */
    private static boolean flag(String field, String value) {
        if (value == null || value.isBlank() || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw ProblemException.invalid(field, "must be true or false");
    }

    private static Instant instant(String field, String value) {
        try {
            return value == null ? null : java.time.OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "must be a W3C date-time such as 2026-11-28T09:00:00+08:00");
        }
    }

    private static Response error(Throwable failure) {
        int status;
        String description;
        if (failure instanceof ProblemException p) {
            status = p.status();
            description = p.getMessage();
        } else if (failure instanceof ConstraintViolationException v) {
            status = 400;
            description = v.getConstraintViolations().stream()
                    .map(c -> c.getPropertyPath().toString().replaceAll("^.*\\.", "") + ": " + c.getMessage())
                    .sorted().collect(Collectors.joining("; "));
        } else {
            status = 500;
            description = "The server failed; nothing was changed.";
        }
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(List.of(new Open311Service.Error(status, description))).build();
    }
}
