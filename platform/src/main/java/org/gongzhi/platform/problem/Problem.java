package org.gongzhi.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The one error body of every endpoint: RFC 9457 problem details, with per-field errors for validation. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {
    public static final String MEDIA_TYPE = "application/problem+json";

    /** One field that is wrong, and why. */
    public record FieldError(String field, String message) {
    }
}
