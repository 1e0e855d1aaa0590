package org.gongzhi.request.open311;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.gongzhi.events.TaskRole;
import org.gongzhi.platform.problem.ProblemException;
import org.gongzhi.platform.security.Caller;
import org.gongzhi.request.category.Category;
import org.gongzhi.request.category.CategoryCatalogue;
import org.gongzhi.request.estate.Community;
import org.gongzhi.request.estate.Place;
import org.gongzhi.request.lifecycle.NewRequest;
import org.gongzhi.request.lifecycle.RequestRepository;
import org.gongzhi.request.lifecycle.RequestService;
import org.gongzhi.request.lifecycle.RequestStatus;
import org.gongzhi.request.lifecycle.ResidentRequest;
import org.gongzhi.request.lifecycle.TrackTask;

/** Translates between GeoReport v2 and Gongzhi's requests. */
@ApplicationScoped
public class Open311Gateway {
    private final CategoryCatalogue catalogue;
    private final RequestService intake;
    private final RequestRepository requests;
    private final Open311Config config;
    private final Clock clock;

    Open311Gateway(CategoryCatalogue catalogue, RequestService intake, RequestRepository requests,
            Open311Config config, Clock clock) {
        this.catalogue = catalogue;
        this.intake = intake;
        this.requests = requests;
        this.config = config;
        this.clock = clock;
    }

    /**
     * The community a call is about: its {@code jurisdiction_id}, one of the communities registered in the estate
     * registry, or, without one, {@code gongzhi.open311.community} (the spec asks for the id only where an endpoint
     * serves several jurisdictions). An unknown one is a 404, as the spec says.
     */
    @WithSession
    public Uni<String> jurisdiction(String jurisdictionId) {
        if (jurisdictionId == null || jurisdictionId.isBlank()) {
            return Uni.createFrom().item(config.community());
        }
        return Community.<Community>findById(jurisdictionId.strip()).map(c -> {
            if (c == null) {
                throw new ProblemException(404, "Not Found", "jurisdiction_id '" + jurisdictionId.strip()
                        + "' is not a community of this deployment (GET /api/estate/communities lists them)", null);
            }
            return c.id;
        });
    }

    /** The community's services: the catalogue's categories less those it has withdrawn. */
    public List<Open311Service> services(String community) {
        return catalogue.all(community).stream().map(this::service).toList();
    }

    public Open311Service.Definition definition(String community, String code) {
        Category c = catalogue.find(community, code)
                .orElseThrow(() -> ProblemException.notFound("service", code));
        return new Open311Service.Definition(c.code(), List.of());
    }

    private Open311Service service(Category c) {
        return new Open311Service(c.code(), c.nameEn() + " " + c.nameZh(),
                "Handled by " + String.join(", ", c.tracks()).toLowerCase(), false, "realtime", c.code(),
                c.tracks().get(0).toLowerCase());
    }

    /** The integrator an API key belongs to; a key given but unknown (or none, when one is required) is a 403. */
    private String integrator(String apiKey, boolean required) {
        String client = apiKey == null ? null : config.apiKeys().get(apiKey);
        if (client == null && (required || apiKey != null)) {
            throw new ProblemException(403, "Forbidden", "api_key is missing or unknown", null);
        }
        return client;
    }

    /** The actor an integrator's requests are filed as: whose requests its key may read in full. */
    private static String actor(String client) {
        return "open311:" + client;
    }

    /**
     * Creates a request in the jurisdiction's community for an integrator identified by its API key; {@code media_url}
     * is kept as its photo link. An {@code address_string} naming one of the community's named places (its code, or
     * its name in Chinese or English) places the request there; any other goes to intake as given (400 {@code place}).
     */
    @WithSession
    public Uni<Open311Service.Created> create(String apiKey, String jurisdiction, String serviceCode,
            String description, String addressId, String addressString, String phone, String ticket,
            boolean publicDescription, String mediaUrl) {
        String client = integrator(apiKey, true);
        if (mediaUrl != null && !mediaUrl.isBlank() && !mediaUrl.strip().matches(NewRequest.PHOTO_LINK)) {
            throw ProblemException.invalid("media_url", NewRequest.PHOTO_LINK_MESSAGE);
        }
        List<String> photos = mediaUrl == null || mediaUrl.isBlank() ? null : List.of(mediaUrl.strip());
        String[] address = addressId == null ? new String[0] : addressId.split("-");
        Uni<String> place = addressId != null || addressString == null || addressString.isBlank()
                ? Uni.createFrom().nullItem() : placeNamed(jurisdiction, addressString.strip());
        return place.chain(code -> {
            NewRequest input = new NewRequest(serviceCode, description,
                    address.length > 0 ? address[0] : null, address.length > 1 ? address[1] : null,
                    address.length > 2 ? address[2] : null, addressId == null ? code : null, null, phone,
                    ticket == null ? "app" : "hotline-12345", ticket, null, null, photos, publicDescription, null);
            Caller integrator = Caller.staff(actor(client), jurisdiction);
            return intake.submit(integrator, input, null);
        }).map(s -> new Open311Service.Created(s.request().id().toString(),
                "Received. Track it at /open311/v2/requests/" + s.request().id() + ".json", null));
    }

    /** The code of the community's place with this code or name; the words themselves when none has it. */
    private Uni<String> placeNamed(String community, String words) {
        return Place.<Place>list("communityId = ?1 and (code = ?2 or name = ?2 or lower(nameEn) = lower(?2))",
                community, words).map(found -> found.isEmpty() ? words : found.get(0).code);
    }

    /**
     * Requests as the caller may see them: anyone sees the public view (building, never unit or household; the
     * description only where the resident agreed, redacted); an integrator's key also shows the requests it filed in
     * full (address and description as given; never the phone).
     */
    @WithSession
    public Uni<List<Open311Request>> find(String apiKey, String jurisdiction, List<UUID> ids, String serviceCode,
            Instant start, Instant end, String status) {
        String client = integrator(apiKey, false);
        String ownedBy = client == null ? null : actor(client);
        StringBuilder where = new StringBuilder("communityId = :community");
        Map<String, Object> params = new java.util.HashMap<>(Map.of("community", jurisdiction));
        if (!ids.isEmpty()) {
            where.append(" and id in (:ids)");
            params.put("ids", ids);
        }
        if (serviceCode != null) {
            where.append(" and category = :category");
            params.put("category", serviceCode);
        }
        if (start != null) {
            where.append(" and createdAt >= :start");
            params.put("start", start);
        }
        if (end != null) {
            where.append(" and createdAt < :end");
            params.put("end", end);
        }
        if (status != null) {
            where.append("closed".equals(status) ? " and status in (:closed)" : " and status not in (:closed)");
            params.put("closed", Open311Status.CLOSED);
        }
        // without a time range the spec asks for the last 90 days, at most 1000 requests
        if (ids.isEmpty() && start == null && end == null) {
            where.append(" and createdAt >= :recent");
            params.put("recent", clock.instant().minus(java.time.Duration.ofDays(90)));
        }
        return requests.find(where + " order by createdAt desc", params).page(0, 1000).list()
                .chain(found -> leads(found).chain(leads -> places(jurisdiction, found).map(places -> found.stream()
                        .map(r -> toOpen311(r, leads.get(r.id), places, r.createdBy.equals(ownedBy))).toList())));
    }

    /** The names of the places the requests are at, by code ("北广场", not "north-square"). */
    private Uni<Map<String, String>> places(String community, List<ResidentRequest> found) {
        List<String> codes = found.stream().map(r -> r.place).filter(Objects::nonNull).distinct().toList();
        if (codes.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Place.<Place>list("communityId = ?1 and code in ?2", community, codes)
                .map(places -> places.stream().collect(Collectors.toMap(p -> p.code, p -> p.name)));
    }

    private Uni<Map<UUID, TrackTask>> leads(List<ResidentRequest> found) {
        if (found.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<UUID> ids = new ArrayList<>(found.stream().map(r -> r.id).toList());
        return TrackTask.<TrackTask>list("requestId in ?1 and role = ?2 and status not in "
                        + RequestRepository.GIVEN_UP, ids, TaskRole.LEAD)
                .map(tasks -> tasks.stream().collect(Collectors.toMap(t -> t.requestId, t -> t, (a, b) -> a)));
    }

    /**
     * {@code expected_datetime} is the resolve deadline, or the lead party's deadline once a worker moved it. The
     * public view ({@code full} false) places a request at its building or named place (by its name), never a unit or
     * household.
     */
    private Open311Request toOpen311(ResidentRequest r, TrackTask lead, Map<String, String> places, boolean full) {
        Category c = catalogue.find(r.category).orElseThrow();
        // a request filed before named places has the words it was given, not a code
        String address = r.building == null ? (r.place == null ? null : places.getOrDefault(r.place, r.place))
                : r.building + "号楼" + (!full || r.unit == null ? "" : r.unit + "单元")
                        + (!full || r.household == null ? "" : r.household);
        String addressId = r.building == null ? null : !full ? r.building
                : String.join("-", Stream.of(r.building, r.unit, r.household).filter(Objects::nonNull).toList());
        String description = full ? r.description : PublicDescription.of(r.description, r.descriptionPublic);
        // a photo can show a face, a name on a door or the inside of a home: public only with the description
        String mediaUrl = (full || r.descriptionPublic) && !r.photoList().isEmpty() ? r.photoList().get(0) : null;
        return new Open311Request(r.id.toString(), Open311Status.CLOSED.contains(r.status) ? "closed" : "open",
                r.status == RequestStatus.MERGED ? "Duplicate: merged into request " + r.mergedInto
                        : "Status " + r.status, c.nameEn() + " " + c.nameZh(), c.code(), description,
                lead == null ? "社区居委会 Community office" : lead.party(),
                "Respond by " + r.respondBy + "; resolve by " + r.resolveBy + (moved(lead) ? "; deadline moved to "
                        + lead.completeBy : ""), r.createdAt, r.updatedAt, moved(lead) ? lead.completeBy : r.resolveBy,
                address, addressId, mediaUrl, r.status.name());
    }

    private static boolean moved(TrackTask lead) {
        return lead != null && lead.deadlinesChangedAt != null && lead.completeBy != null;
    }
}
