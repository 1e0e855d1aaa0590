package org.gongzhi.request.open311;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** A request in GeoReport v2 field names, plus Gongzhi's extended status. */
public record Open311Request(
        @JsonProperty("service_request_id") String serviceRequestId,
        String status,
        @JsonProperty("status_notes") String statusNotes,
        @JsonProperty("service_name") String serviceName,
        @JsonProperty("service_code") String serviceCode,
        String description,
        @JsonProperty("agency_responsible") String agencyResponsible,
        @JsonProperty("service_notice") String serviceNotice,
        @JsonProperty("requested_datetime") Instant requestedDatetime,
        @JsonProperty("updated_datetime") Instant updatedDatetime,
        @JsonProperty("expected_datetime") Instant expectedDatetime,
        String address,
        @JsonProperty("address_id") String addressId,
        @JsonProperty("media_url") String mediaUrl,
        @JsonProperty("gongzhi_status") String gongzhiStatus) {
}
