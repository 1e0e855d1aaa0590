package org.gongzhi.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Why an input could not be read, in words a caller understands: never a Java class name or a parser's internals
 * ({@code No enum constant org.gongzhi….RequestStatus.BOGUS} becomes "'BOGUS' is not one of SUBMITTED, …").
 */
final class PlainWords {
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");
    private static final Pattern ENUM = Pattern.compile("No enum constant ([\\w.$]+)\\.([^.]*)$");

    private PlainWords() {
    }

    /** Why a query, path or header parameter's {@code value} could not be converted ({@code failure}). */
    static String parameter(Throwable failure, String value) {
        String message = failure.getMessage() == null ? "" : failure.getMessage();
        String shown = value != null ? value : quoted(failure, message);
        String quote = shown == null ? "the value" : "'" + shown + "'";
        if (failure instanceof NumberFormatException) {
            return quote + " is not a whole number";
        }
        if (failure instanceof DateTimeParseException) {
            return quote + " is not a date-time such as 2026-12-05T09:00:00Z";
        }
        Matcher constant = ENUM.matcher(message);
        if (constant.find()) {
            String allowed = allowed(constant.group(1));
            return quote + (allowed == null ? " is not an allowed value" : " is not one of " + allowed);
        }
        if (message.startsWith("Invalid UUID string") || message.startsWith("UUID string too large")) {
            return quote + " is not an id (a UUID such as 3f2b6c1e-8a4d-4f3a-9b7e-2d1c0a9e8f7b)";
        }
        if (message.startsWith("'") && message.contains(" is not true or false")) {
            return message;
        }
        return quote + " has the wrong type or format";
    }

    /** Why a JSON body could not be read; {@code field} names where, when known. */
    static String body(JsonProcessingException e, String field) {
        if (e instanceof JsonParseException || e.getClass().getSimpleName().startsWith("JsonEOF")) {
            var at = e.getLocation();
            return "The body is not valid JSON" + (at == null || at.getLineNr() < 0 ? "."
                    : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ").");
        }
        if (field.isEmpty()) {
            return "The body is not what this endpoint takes: send a JSON object with the fields its documentation "
                    + "lists.";
        }
        return field + ": " + expected(e instanceof MismatchedInputException m ? m.getTargetType() : null);
    }

    /** What a field of this type must be. */
    static String expected(Class<?> type) {
        if (type == null) {
            return "has the wrong type or format";
        }
        if (type.isEnum()) {
            return "must be one of " + allowed(type);
        }
        if (type == LocalDate.class) {
            return "must be a date such as 2026-12-05";
        }
        if (type == LocalTime.class) {
            return "must be a time such as 09:30";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "must be a date-time such as 2026-12-05T09:00:00Z";
        }
        if (type == java.time.Duration.class) {
            return "must be a duration such as PT2H";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == UUID.class) {
            return "must be an id (a UUID)";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != char.class) {
            return "must be a number";
        }
        if (type == String.class || type == char.class || type == Character.class) {
            return "must be text";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "must be a list";
        }
        return "must be an object";
    }

    private static String allowed(String enumName) {
        try {
            return allowed(Class.forName(enumName, false, Thread.currentThread().getContextClassLoader()));
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    private static String allowed(Class<?> type) {
        Object[] constants = type.getEnumConstants();
        // a published vocabulary's UNKNOWN stands for a newer producer's value, not one to send
        return constants == null ? null : Arrays.stream(constants).map(String::valueOf)
                .filter(name -> !"UNKNOWN".equals(name)).collect(Collectors.joining(", "));
    }

    private static String quoted(Throwable failure, String message) {
        if (failure instanceof DateTimeParseException date) {
            return date.getParsedString();
        }
        Matcher q = QUOTED.matcher(message);
        if (q.find()) {
            return q.group(1);
        }
        Matcher constant = ENUM.matcher(message);
        if (constant.find()) {
            return constant.group(2);
        }
        int colon = message.lastIndexOf(": ");
        return colon >= 0 ? message.substring(colon + 2) : null;
    }
}
