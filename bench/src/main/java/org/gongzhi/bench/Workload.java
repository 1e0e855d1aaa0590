package org.gongzhi.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.gongzhi.devstack.DevTokens;

/**
 * The request mix of an old estate: leaks and noise most common, then drains, handrails, wiring, clutter, disputes,
 * lifts and safety risks; a few requests for volunteers (shopping, paperwork), which have no alliance task. Older
 * buildings (low numbers) report more. About half are filed by residents themselves in the app, the rest by workers
 * from the 12345 hotline, phone calls and rounds.
 */
public final class Workload {
    /** category, weight (per mille), whether the alliance assigns a lead party (the demo routing rules do). */
    record Category(String code, int weight, boolean routed, String description) {
    }

    static final List<Category> CATEGORIES = List.of(
            new Category("water-leak", 300, true, "卫生间天花板漏水 Water dripping from the bathroom ceiling"),
            new Category("noise", 220, true, "夜间装修噪音扰民 Renovation noise late at night"),
            new Category("blocked-drain", 100, true, "厨房下水道堵塞 Kitchen drain blocked"),
            new Category("broken-handrail", 70, true, "楼梯扶手松动 Stair handrail loose on the third floor"),
            new Category("old-wiring", 60, true, "楼道电线老化冒火花 Old wiring sparks in the stairwell"),
            new Category("corridor-clutter", 60, true, "楼道堆放杂物 Bicycles and boxes block the corridor"),
            new Category("neighbour-dispute", 50, true, "邻里因晾衣发生纠纷 Neighbours argue about drying laundry"),
            new Category("lift-fault", 40, true, "电梯停运 The lift stopped between floors"),
            new Category("safety-risk", 30, true, "外墙瓷砖脱落 Facade tiles falling"),
            new Category("shopping-help", 40, false, "独居老人需要代买菜 An elderly resident living alone needs groceries"),
            new Category("paperwork-help", 30, false, "帮助办理养老卡 Help with the pension card paperwork"));

    /** One request to send. */
    public record Submission(String token, String body, boolean expectsAssigned, String category) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BUILDINGS = 32;
    private final SplittableRandom random;
    /** The workers who file what comes in by phone: a hotline has several, each with their own fair share. */
    private static final int WORKERS = 10;
    private final List<String> workers = new ArrayList<>();
    private final List<String> residents = new ArrayList<>();
    private final int totalWeight = CATEGORIES.stream().mapToInt(Category::weight).sum();
    private long hotlineTicket = 20_000_000;

    public Workload(long seed, int residentCount) {
        this.random = new SplittableRandom(seed);
        for (int i = 0; i < WORKERS; i++) {
            workers.add(DevTokens.token(DevTokens.COMMUNITY, "worker", "bench-operator-" + i, Map.of()));
        }
        for (int i = 0; i < residentCount; i++) {
            residents.add(DevTokens.resident("bench-resident-" + i));
        }
    }

    /** The next request; called from the one scheduler thread. */
    public Submission next() {
        int pick = random.nextInt(totalWeight);
        Category category = CATEGORIES.get(CATEGORIES.size() - 1);
        for (Category c : CATEGORIES) {
            pick -= c.weight();
            if (pick < 0) {
                category = c;
                break;
            }
        }
        // older buildings (low numbers) report more: a skewed pick over 1..32
        int building = 1 + (int) Math.floor(BUILDINGS * Math.pow(random.nextDouble(), 1.6));
        int unit = 1 + random.nextInt(3);
        int floor = 1 + random.nextInt(6);
        String household = floor + "0" + (1 + random.nextInt(2));
        ObjectNode body = JSON.createObjectNode().put("category", category.code())
                .put("description", category.description()).put("building", String.valueOf(building))
                .put("unit", String.valueOf(unit)).put("household", household);
        String token;
        double channel = random.nextDouble();
        if (channel < 0.5) {
            token = residents.get(random.nextInt(residents.size()));
            body.put("channel", "app");
        } else {
            token = workers.get(random.nextInt(workers.size()));
            body.put("contactPhone", "13" + (100_000_000 + random.nextInt(800_000_000)));
            body.put("residentId", "bench-resident-" + random.nextInt(Math.max(1, residents.size())));
            if (channel < 0.8) {
                body.put("channel", "hotline-12345").put("hotlineTicket", "BJ12345-" + (hotlineTicket++));
            } else if (channel < 0.95) {
                body.put("channel", "phone");
            } else {
                body.put("channel", "rounds");
            }
        }
        return new Submission(token, body.toString(), category.routed(), category.code());
    }
}
