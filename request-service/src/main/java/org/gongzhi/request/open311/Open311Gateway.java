package org.gongzhi.request.open311;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.gongzhi.events.TaskAssigned;
import org.gongzhi.platform.problem.ProblemException;
import org.gongzhi.request.category.Category;
import org.gongzhi.request.category.CategoryCatalogue;
import org.gongzhi.request.request.NewRequest;
import org.gongzhi.request.request.RequestRepository;
import org.gongzhi.request.request.RequestService;
import org.gongzhi.request.request.RequestStatus;
import org.gongzhi.request.request.ResidentRequest;
import org.gongzhi.request.request.TrackTask;
import org.gongzhi.request.request.Viewer;

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

    public List<Open311Service> services() {
        return catalogue.all().stream().map(this::service).toList();
    }

    public Open311Service.Definition definition(String code) {
        Category c = catalogue.find(code).orElseThrow(() -> ProblemException.notFound("service", code));
        return new Open311Service.Definition(c.code(), List.of());
    }

    private Open311Service service(Category c) {
        return new Open311Service(c.code(), c.nameEn() + " " + c.nameZh(),
                "Handled by " + String.join(", ", c.tracks()).toLowerCase(), false, "realtime", c.code(),
                c.tracks().get(0).toLowerCase());
    }

    /** Creates a request for an integrator identified by its API key. */
    public Uni<Open311Service.Created> create(String apiKey, String serviceCode, String description,
            String addressId, String addressString, String phone, String ticket) {
        String client = apiKey == null ? null : config.apiKeys().get(apiKey);
        if (client == null) {
            throw new ProblemException(403, "Forbidden", "api_key is missing or unknown", null);
        }
        String[] address = addressId == null ? new String[0] : addressId.split("-");
        NewRequest input = new NewRequest(serviceCode, description,
                address.length > 0 ? address[0] : null, address.length > 1 ? address[1] : null,
                address.length > 2 ? address[2] : null, addressId == null ? addressString : null, null, phone,
                ticket == null ? "app" : "hotline-12345", ticket, null, null, null);
        Viewer integrator = new Viewer("open311:" + client, config.community(), true, false, null);
        return intake.submit(integrator, input, null).map(s -> new Open311Service.Created(s.request().id().toString(),
                "Received. Track it at /open311/v2/requests/" + s.request().id() + ".json", null));
    }

    @WithSession
    public Uni<List<Open311Request>> find(List<UUID> ids, String serviceCode, Instant start, Instant end,
            String status) {
        StringBuilder where = new StringBuilder("communityId = :community");
        Map<String, Object> params = new java.util.HashMap<>(Map.of("community", config.community()));
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
                .chain(found -> leads(found).map(leads -> found.stream()
                        .map(r -> toOpen311(r, leads.get(r.id))).toList()));
    }

    private Uni<Map<UUID, TrackTask>> leads(List<ResidentRequest> found) {
        if (found.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<UUID> ids = new ArrayList<>(found.stream().map(r -> r.id).toList());
        return TrackTask.<TrackTask>list("requestId in ?1 and role = ?2 and status not in ('DECLINED', 'CANCELLED')",
                        ids, TaskAssigned.ROLE_LEAD)
                .map(tasks -> tasks.stream().collect(Collectors.toMap(t -> t.requestId, t -> t, (a, b) -> a)));
    }

    /** {@code expected_datetime} is the resolve deadline, or the lead party's deadline once a worker moved it. */
    private Open311Request toOpen311(ResidentRequest r, TrackTask lead) {
        Category c = catalogue.find(r.category).orElseThrow();
        String address = r.building == null ? r.place
                : r.building + "号楼" + (r.unit == null ? "" : r.unit + "单元") + (r.household == null ? "" : r.household);
        String addressId = r.building == null ? null
                : String.join("-", java.util.stream.Stream.of(r.building, r.unit, r.household)
                        .filter(java.util.Objects::nonNull).toList());
        return new Open311Request(r.id.toString(), Open311Status.CLOSED.contains(r.status) ? "closed" : "open",
                r.status == RequestStatus.MERGED ? "Duplicate: merged into request " + r.mergedInto
                        : "Status " + r.status, c.nameEn() + " " + c.nameZh(), c.code(), r.description,
                lead == null ? "社区居委会 Community office" : lead.party(),
                "Respond by " + r.respondBy + "; resolve by " + r.resolveBy + (moved(lead) ? "; deadline moved to "
                        + lead.completeBy : ""), r.createdAt, r.updatedAt, moved(lead) ? lead.completeBy : r.resolveBy,
                address, addressId, r.status.name());
    }

    private static boolean moved(TrackTask lead) {
        return lead != null && lead.deadlinesChangedAt != null && lead.completeBy != null;
    }
}
