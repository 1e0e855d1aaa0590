package org.gongzhi.platform.house;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The house keeps its own rules (docs/conventions.md), and the check of them catches each one broken. */
class HouseRulesTest {
    private static final String RESOURCE = "request-service/src/main/java/org/gongzhi/request/x/ThingResource.java";
    private static final String SERVICE = "volunteer-service/src/main/java/org/gongzhi/volunteer/x/ThingService.java";

    @Test
    void everyModuleKeepsTheRules() {
        Path root = Path.of("").toAbsolutePath().getParent();
        assertTrue(Files.isDirectory(root.resolve("request-service/src/main/java")), "run from a module: " + root);
        assertEquals(List.of(), HouseRules.scan(root));
    }

    @Test
    void aResourcePagingByHandIsCaught() {
        assertEquals(List.of(RESOURCE + ": pages by hand (?page= outside PageQuery: extend PageQuery)"),
                HouseRules.check("request-service", RESOURCE, """
                        public Uni<Page<Thing>> list(@QueryParam("page") @DefaultValue("0") int page) {
                            return things.list(page);
                        }"""));
        assertEquals(List.of(RESOURCE + ": takes ?size= as text to parse by hand (an int with @Min/@Max, or "
                        + "PageQuery)"),
                HouseRules.check("request-service", RESOURCE, """
                        public Uni<List<Thing>> latest(@QueryParam("size") @Parameter(description = "1 to 200")
                                String size) {
                            return things.latest(number("size", size, 50, 1, 200));
                        }"""));
        assertEquals(List.of(), HouseRules.check("request-service", RESOURCE, """
                public Uni<Page<Thing>> list(@Valid @BeanParam ThingSearch search) {
                    return things.list(search); // not @QueryParam("page") by hand
                }"""));
    }

    @Test
    void theCheckReadsCodeNotTextOrComments() {
        assertEquals("String s = \"\"; int x = 1; \"\";", HouseRules.withoutTextAndComments(
                "String s = \"a \\\" b\"; /* c */int x = 1; // d\n\"\"\"\ne\n\"\"\";").replace("\n", "")
                .replace("  ", " "));
    }

    @Test
    void aChainFoldedInALoopIsCaughtAndAConditionalStepIsNot() {
        String folded = """
                Uni<Void> all = Uni.createFrom().voidItem();
                for (SignUp s : signUps) {
                    if (s.attended) {
                        all = all.chain(() -> ledger.record(s));
                    }
                }
                for (int i = 0; i < n; i++) {
                    work = work.chain(() -> step(i));
                }
                items.forEach(item -> {
                    Uni<Void> u = done();
                    u = u.chain(() -> step(item));
                });
                return all;""";
        assertEquals(List.of(SERVICE + ": folds all.chain(…) in a loop (InOrder.each / InOrder.map)",
                        SERVICE + ": folds work.chain(…) in a loop (InOrder.each / InOrder.map)",
                        SERVICE + ": folds u.chain(…) in a loop (InOrder.each / InOrder.map)"),
                HouseRules.check("volunteer-service", SERVICE, folded));
        assertEquals(List.of(), HouseRules.check("volunteer-service", SERVICE, """
                Uni<Void> deliveries = done();
                if (p.phone() != null) {
                    deliveries = deliveries.chain(() -> delivery("sms"));
                }
                String text = "for (x : y) { all = all.chain(z); }";
                return InOrder.each(signUps, s -> ledger.record(s));"""));
    }

    @Test
    void aPanacheCountBehindAPageIsCaught() {
        String repository = "request-service/src/main/java/org/gongzhi/request/x/ThingRepository.java";
        assertEquals(List.of(repository + ": Panache count() behind a page (PageQuery.total)"),
                HouseRules.check("request-service", repository, """
                        public Uni<Page<Thing>> search(ThingSearch search) {
                            var query = find("community = ?1", search.community);
                            return query.page(search.page, search.size()).list()
                                    .chain(items -> query.count().map(n -> new Page<>(items, 0, 20, n)));
                        }"""));
        assertEquals(List.of(), HouseRules.check("request-service", repository, """
                public Uni<Page<Thing>> search(ThingSearch search) {
                    return search.answer(PageQuery.total("Thing", where, params), () -> find(where, params)
                            .page(search.page, search.size()).list());
                }
                private Uni<Long> views() {
                    return Thing.count("kind = ?1", "x"); // not behind a page; "select count(*)" in text neither
                }"""));
    }

    @Test
    void aServiceImportingAnotherServicesPackageIsCaught() {
        assertEquals(List.of(SERVICE + ": imports another service's package org.gongzhi.request"),
                HouseRules.check("volunteer-service", SERVICE, """
                        import org.gongzhi.events.TaskAssigned;
                        import org.gongzhi.platform.reactive.InOrder;
                        import org.gongzhi.volunteer.hours.HoursLedger;
                        import static org.gongzhi.request.lifecycle.RequestStatus.RESOLVED;
                        """));
    }

    @Test
    void theHallImportsNoServiceAndOnlyRequestServiceImportsTheHall() {
        String hall = "hall/src/main/java/org/gongzhi/hall/TopicService.java";
        assertEquals(List.of(hall + ": imports another service's package org.gongzhi.request"),
                HouseRules.check("hall", hall, """
                        import org.gongzhi.hall.DeliberationApi.TopicView;
                        import org.gongzhi.platform.outbox.Outbox;
                        import org.gongzhi.request.lifecycle.RequestService;
                        """));
        assertEquals(List.of(SERVICE + ": imports org.gongzhi.hall, a part of request-service (only it may)"),
                HouseRules.check("volunteer-service", SERVICE, """
                        import org.gongzhi.hall.Topic;
                        """));
        assertEquals(List.of(), HouseRules.check("request-service",
                "request-service/src/main/java/org/gongzhi/request/hall/HallRequests.java", """
                        import org.gongzhi.hall.Requests;
                        import org.gongzhi.request.lifecycle.RequestService;
                        """));
    }

    private static final String BOARD = "notification-service/src/main/java/org/gongzhi/notification/board/";
    private static final String LOG = "notification-service/src/main/java/org/gongzhi/notification/eventlog/";

    @Test
    void aPackageCycleIsCaughtWithTheFilesThatMakeIt() {
        assertEquals(List.of("notification-service: package cycle among notification.board, notification.eventlog "
                        + "(notification.board → notification.eventlog in ReadModelRebuild.java; "
                        + "notification.eventlog → notification.board in EventLogConsumer.java)"),
                HouseRules.packageCycles("notification-service", Map.of(
                        BOARD + "ReadModelRebuild.java", """
                                package org.gongzhi.notification.board;
                                import org.gongzhi.notification.eventlog.EventLog;
                                class ReadModelRebuild { }""",
                        BOARD + "RequestBoard.java", """
                                package org.gongzhi.notification.board;
                                class RequestBoard { }""",
                        LOG + "EventLogConsumer.java", """
                                package org.gongzhi.notification.eventlog;
                                class EventLogConsumer {
                                    EventLogConsumer(org.gongzhi.notification.board.RequestBoard board) { }
                                }""")));
    }

    @Test
    void aLongerCycleThroughTheRootPackageAndAWildcardIsCaught() {
        assertEquals(List.of("volunteer-service: package cycle among volunteer, volunteer.hours, volunteer.team "
                        + "(volunteer → volunteer.team in Volunteers.java; volunteer.hours → volunteer in Ledger.java; "
                        + "volunteer.team → volunteer.hours in Team.java)"),
                HouseRules.packageCycles("volunteer-service", Map.of(
                        "v/Volunteers.java", """
                                package org.gongzhi.volunteer;
                                import static org.gongzhi.volunteer.team.Team.SIZE;""",
                        "v/hours/Ledger.java", """
                                package org.gongzhi.volunteer.hours.sub;
                                import org.gongzhi.volunteer.*;""",
                        "v/team/Team.java", """
                                package org.gongzhi.volunteer.team;
                                import org.gongzhi.volunteer.hours.sub.Ledger;""")));
    }

    @Test
    void dependenciesOneWayAndMentionsInTextAreNoCycle() {
        assertEquals(List.of(), HouseRules.packageCycles("notification-service", Map.of(
                BOARD + "ReadModelRebuild.java", """
                        package org.gongzhi.notification.board;
                        import org.gongzhi.notification.eventlog.EventLog;
                        import org.gongzhi.platform.inbox.EventRoutes;""",
                LOG + "EventLog.java", """
                        package org.gongzhi.notification.eventlog;
                        import org.gongzhi.events.EventType;
                        /** Read by org.gongzhi.notification.board.ReadModelRebuild. */
                        class EventLog {
                            String name = "org.gongzhi.notification.board.RequestBoard";
                        }""")));
    }
}
