package org.gongzhi.platform.problem;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.lang.annotation.Annotation;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The name a client uses for a resource method's parameter: {@code @QueryParam("size") int size} is "size". A body
 * parameter (no such annotation) has none: its violations are named after the body's fields.
 */
final class RequestParameters {
    private RequestParameters() {
    }

    /** The wire name of the parameter {@code node} of the violated method, or null for the body. */
    static String wireName(ConstraintViolation<?> violation, Path.Node node) {
        if (node.getKind() != ElementKind.PARAMETER || violation.getRootBeanClass() == null) {
            return null;
        }
        Path.MethodNode method = null;
        for (Path.Node n : violation.getPropertyPath()) {
            if (n.getKind() == ElementKind.METHOD) {
                method = n.as(Path.MethodNode.class);
            }
        }
        if (method == null) {
            return null;
        }
        int index = node.as(Path.ParameterNode.class).getParameterIndex();
        Class<?>[] types = method.getParameterTypes().toArray(Class<?>[]::new);
        // a CDI subclass overrides the method without the annotations: look up to the class that declares them
        for (Class<?> c = violation.getRootBeanClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            String name = declared(c, method.getName(), types, index);
            if (name != null) {
                return name;
            }
        }
        return null;
    }

    private static String declared(Class<?> type, String method, Class<?>[] types, int index) {
        Method declared;
        try {
            declared = type.getDeclaredMethod(method, types);
        } catch (NoSuchMethodException e) {
            return null;
        }
        if (index >= declared.getParameterCount()) {
            return null;
        }
        for (Annotation a : declared.getParameterAnnotations()[index]) {
            String name = a instanceof QueryParam q ? q.value()
                    : a instanceof PathParam p ? p.value()
                    : a instanceof HeaderParam h ? h.value()
                    : a instanceof FormParam f ? f.value()
                    : a instanceof CookieParam c ? c.value() : null;
            if (name != null) {
                return name;
            }
        }
        return null;
    }

    /**
     * The query or path parameter whose value a converter's message quotes ({@code For input string: "ten"},
     * {@code Text 'yesterday' could not be parsed}, {@code Invalid UUID string: x}, an enum's
     * {@code No enum constant org.gongzhi.….TaskStatus.bogus}) — the one it failed on — or null
     * unless exactly one parameter carries that value.
     */
    static String carrying(String message, UriInfo uri) {
        if (message == null || uri == null) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (Map<String, List<String>> params : List.of(uri.getQueryParameters(), uri.getPathParameters())) {
            params.forEach((name, values) -> {
                if (!names.contains(name) && values.stream().anyMatch(v -> quotes(message, v))) {
                    names.add(name);
                }
            });
        }
        return names.size() == 1 ? names.get(0) : null;
    }

    /** The value the request gave the query or path parameter {@code name}. */
    static String value(String name, UriInfo uri) {
        String query = uri.getQueryParameters().getFirst(name);
        return query != null ? query : uri.getPathParameters().getFirst(name);
    }

    private static boolean quotes(String message, String value) {
        return !value.isBlank() && (message.contains("\"" + value + "\"") || message.contains("'" + value + "'")
                || message.endsWith(": " + value) || message.startsWith("No enum constant ")
                && message.endsWith("." + value));
    }
}
