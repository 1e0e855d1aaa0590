package org.gongzhi.events;

import java.time.Instant;

/**
 * A community (社区) of the deployment as it now stands: its names and the sub-district (街道) it belongs to. Published
 * on every change, on a compacted topic keyed by the community id: the latest record of a key is the community, so a
 * service that reads the topic from the start knows every community and its sub-district. {@code version} grows with
 * every change, so a consumer keeps the highest it has seen.
 */
public record CommunityRegistered(
        String communityId,
        String name,
        String nameEn,
        SubDistrict subdistrict,
        long version,
        Instant changedAt) implements GongzhiEvent {

    /** The sub-district (街道) a community belongs to: its id (a token's {@code subdistrict} claim) and names. */
    public record SubDistrict(String id, String name, String nameEn) {
    }

    @Override
    public String aggregateId() {
        return communityId;
    }
}
