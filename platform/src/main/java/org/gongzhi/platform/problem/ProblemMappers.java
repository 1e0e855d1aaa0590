package org.gongzhi.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.gongzhi.platform.persistence.DatabaseUnavailable;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every failure into one problem+json body; nothing else in the services builds error responses. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response response = respond(e.status(), e.title(), e.getMessage(), uri, e.errors());
        return e.status() == 401 ? Response.fromResponse(response).header("WWW-Authenticate", "Bearer").build()
                : response;
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return respond(400, "Invalid input", detail, uri, errors);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException mapping ? pathOf(mapping) : "";
        String detail = PlainWords.body(e, field);
        List<Problem.FieldError> errors = field.isEmpty() ? List.of()
                : List.of(new Problem.FieldError(field, PlainWords.expected(
                        e instanceof MismatchedInputException m ? m.getTargetType() : null)));
        return respond(400, "Malformed request body", detail, uri, errors);
    }

    /** More specific than Quarkus' own mapper for this type, so wrong types and bad enum values are problems too. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        return unreadable(e, uri);
    }

    @ServerExceptionMapper
    public Response unauthorised(UnauthorizedException e, UriInfo uri) {
        return Response.fromResponse(respond(401, "Unauthorized", "A valid bearer token is required", uri, null))
                .header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response unauthenticated(AuthenticationFailedException e, UriInfo uri) {
        return unauthorised(new UnauthorizedException(), uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(403, "Forbidden", "Your role does not allow this", uri, null);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        if (unconvertible(e)) {
            // JAX-RS answers a query or path parameter it cannot convert with 404 (or 400 for a header): it is the
            // caller's input that is wrong, whatever the parameter, so say so - and which one, when the converter's
            // message quotes a value only one parameter has (the REST layer does not say which it was converting)
            String named = RequestParameters.carrying(e.getCause().getMessage(), uri);
            String why = PlainWords.parameter(e.getCause(), named == null ? null : RequestParameters.value(named, uri));
            return respond(400, "Invalid parameter", named == null
                    ? "A query, path or header parameter has the wrong type or format: " + why
                    : named + ": " + why, uri,
                    named == null ? null : List.of(new Problem.FieldError(named, why)));
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadable(json, uri);
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        return respond(status.getStatusCode(), status.getReasonPhrase(), plain(status.getStatusCode(),
                e.getMessage()), uri, null);
    }

    /** The REST layer's own refusals say only "HTTP 415 Unsupported Media Type": say what to do instead. */
    static String plain(int status, String message) {
        if (message != null && !message.startsWith("HTTP " + status)) {
            return message;
        }
        return switch (status) {
            case 400 -> "The request could not be read: send a complete body of valid JSON.";
            case 404 -> "There is nothing at this address.";
            case 405 -> "This address does not take that method.";
            case 406 -> "This address cannot answer in the media type asked for (Accept).";
            case 415 -> "This address does not take a body of that media type (Content-Type).";
            default -> message;
        };
    }

    /** A parameter the REST layer could not convert (a number that is not one, a malformed date or id). */
    static boolean unconvertible(WebApplicationException e) {
        return (e instanceof NotFoundException || e instanceof BadRequestException) && e.getCause() != null
                && !(e.getCause() instanceof WebApplicationException);
    }

    /** Any other failure; a {@code Throwable}, since the reactive clients fail with some that are not exceptions. */
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        if (DatabaseUnavailable.isCause(e)) {
            LOG.warnf("database unavailable on %s: %s", uri == null ? "?" : uri.getPath(), e.toString());
            return Response.fromResponse(respond(503, "Service unavailable",
                    "The database did not answer; try again in a few seconds.", uri, null))
                    .header("Retry-After", "5").build();
        }
        LOG.error("unexpected failure on " + (uri == null ? "?" : uri.getPath()), e);
        return respond(500, "Internal error", "The server failed; nothing was changed. Try again later.", uri, null);
    }

    private static Response respond(int status, String title, String detail, UriInfo uri,
            List<Problem.FieldError> errors) {
        Problem body = new Problem("about:blank", title, status, detail, uri == null ? null : uri.getPath(), errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    /**
     * "submit.request.location.building" → "location.building": drop the method and the body parameter's name;
     * a constraint on a query, path or header parameter itself ("inbox.size") is named as the client sends it.
     */
    static String fieldOf(ConstraintViolation<?> violation) {
        List<String> names = new ArrayList<>();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER
                    || node.getKind() == ElementKind.CROSS_PARAMETER) {
                names.clear();
                parameter = node.getKind() == ElementKind.PARAMETER
                        ? RequestParameters.wireName(violation, node) : null;
                continue;
            }
            // an element of a list carries its index on the node after the list: "rota", "[0].dayOfWeek"
            if (node.isInIterable() && !names.isEmpty()) {
                String key = node.getIndex() != null ? String.valueOf(node.getIndex())
                        : node.getKey() != null ? String.valueOf(node.getKey()) : "";
                names.set(names.size() - 1, names.get(names.size() - 1) + "[" + key + "]");
            }
            if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                names.add(node.getName());
            }
        }
        return !names.isEmpty() ? String.join(".", names) : parameter != null ? parameter : "body";
    }

    private static String pathOf(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
