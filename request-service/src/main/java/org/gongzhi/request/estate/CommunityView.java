package org.gongzhi.request.estate;

/** A community as the API shows it. */
public record CommunityView(String id, String name, String nameEn, NewCommunity.SubDistrict subdistrict,
        long version) {

    static CommunityView of(Community c) {
        return new CommunityView(c.id, c.name, c.nameEn,
                new NewCommunity.SubDistrict(c.subdistrictId, c.subdistrictName, c.subdistrictNameEn), c.version);
    }
}
