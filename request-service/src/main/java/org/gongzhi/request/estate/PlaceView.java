package org.gongzhi.request.estate;

/** A named place as the API shows it. */
public record PlaceView(String code, String name, String nameEn, long version) {

    static PlaceView of(Place p) {
        return new PlaceView(p.code, p.name, p.nameEn, p.version);
    }
}
