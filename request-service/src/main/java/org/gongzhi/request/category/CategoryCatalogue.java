package org.gongzhi.request.category;

import static org.gongzhi.events.RequestSubmitted.TRACK_ALLIANCE;
import static org.gongzhi.events.RequestSubmitted.TRACK_DELIBERATION;
import static org.gongzhi.events.RequestSubmitted.TRACK_VOLUNTEERS;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The categories residents choose from; the first step of triage. */
@ApplicationScoped
public class CategoryCatalogue {
    private static final List<Category> CATEGORIES = List.of(
            new Category("water-leak", "漏水", "Water leak", List.of(TRACK_ALLIANCE), Urgency.HIGH, TimeLimitClass.UTILITIES),
            new Category("noise", "噪音扰民", "Noise", List.of(TRACK_ALLIANCE), Urgency.NORMAL, TimeLimitClass.GENERAL),
            new Category("broken-handrail", "楼梯扶手损坏", "Broken stair handrail", List.of(TRACK_ALLIANCE),
                    Urgency.NORMAL, TimeLimitClass.GENERAL),
            new Category("old-wiring", "老旧电线", "Old wiring", List.of(TRACK_ALLIANCE), Urgency.HIGH,
                    TimeLimitClass.UTILITIES),
            new Category("blocked-drain", "下水道堵塞", "Blocked drain", List.of(TRACK_ALLIANCE), Urgency.HIGH,
                    TimeLimitClass.UTILITIES),
            new Category("lift-fault", "电梯故障", "Lift fault", List.of(TRACK_ALLIANCE), Urgency.URGENT,
                    TimeLimitClass.URGENT_DANGER),
            new Category("parking", "停车难", "Parking", List.of(TRACK_DELIBERATION, TRACK_ALLIANCE), Urgency.NORMAL,
                    TimeLimitClass.COMPLEX),
            new Category("corridor-clutter", "楼道堆物", "Corridor clutter", List.of(TRACK_ALLIANCE), Urgency.NORMAL,
                    TimeLimitClass.GENERAL),
            new Category("shopping-help", "代买代购", "Shopping help", List.of(TRACK_VOLUNTEERS), Urgency.NORMAL,
                    TimeLimitClass.GENERAL),
            new Category("paperwork-help", "代办事务", "Paperwork help", List.of(TRACK_VOLUNTEERS), Urgency.NORMAL,
                    TimeLimitClass.GENERAL),
            new Category("appliance-repair", "小家电维修", "Small appliance repair", List.of(TRACK_VOLUNTEERS),
                    Urgency.LOW, TimeLimitClass.GENERAL),
            new Category("safety-risk", "安全隐患", "Safety risk", List.of(TRACK_ALLIANCE), Urgency.URGENT,
                    TimeLimitClass.URGENT_DANGER),
            new Category("neighbour-dispute", "邻里纠纷", "Neighbour dispute", List.of(TRACK_ALLIANCE), Urgency.NORMAL,
                    TimeLimitClass.COMPLEX),
            new Category("suggestion", "意见建议", "Suggestion", List.of(TRACK_ALLIANCE), Urgency.LOW,
                    TimeLimitClass.COMPLEX));

    private static final Map<String, Category> BY_CODE = CATEGORIES.stream()
            .collect(Collectors.toMap(Category::code, Function.identity()));

    private final TimeLimitsConfig limits;

    CategoryCatalogue(TimeLimitsConfig limits) {
        this.limits = limits;
    }

    public List<Category> all() {
        return CATEGORIES;
    }

    public Optional<Category> find(String code) {
        return Optional.ofNullable(code).map(BY_CODE::get);
    }

    public Duration respondWithin(Category category, Urgency urgency) {
        return limits.respond(classOf(category, urgency));
    }

    public Duration resolveWithin(Category category, Urgency urgency) {
        return limits.resolve(classOf(category, urgency));
    }

    private static TimeLimitClass classOf(Category category, Urgency urgency) {
        return urgency == Urgency.URGENT ? TimeLimitClass.URGENT_DANGER : category.timeLimits();
    }
}
