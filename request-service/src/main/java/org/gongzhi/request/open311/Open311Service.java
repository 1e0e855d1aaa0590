package org.gongzhi.request.open311;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A service (category) in GeoReport v2 field names. */
public record Open311Service(
        @JsonProperty("service_code") String serviceCode,
        @JsonProperty("service_name") String serviceName,
        String description,
        boolean metadata,
        String type,
        String keywords,
        String group) {

    /** The definition of a service: Gongzhi asks for no extra attributes. */
    public record Definition(@JsonProperty("service_code") String serviceCode, List<Object> attributes) {
    }

    public record Error(int code, String description) {
    }

    public record Created(@JsonProperty("service_request_id") String serviceRequestId,
            @JsonProperty("service_notice") String serviceNotice, @JsonProperty("account_id") String accountId) {
    }

    public record Token(@JsonProperty("service_request_id") String serviceRequestId, String token) {
    }
}
