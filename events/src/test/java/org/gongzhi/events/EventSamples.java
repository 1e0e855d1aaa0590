package org.gongzhi.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One realistic sample of every event type, as its producer writes it. */
final class EventSamples {
    static final Instant NOW = Instant.parse("2026-11-28T09:30:00Z");

    static final Map<EventType, GongzhiEvent> ALL = Map.ofEntries(
            Map.entry(EventType.REQUEST_SUBMITTED, new RequestSubmitted("hepingli", "r-1", "water-leak", "7", "2", null,
                    "HIGH", List.of("ALLIANCE"), "Water drips from the ceiling of the bathroom", "app",
                    NOW.plusSeconds(7200), NOW.plusSeconds(86400), NOW, "resident-zhang",
                    List.of("https://photos.example.org/leak-1.jpg"),
                    TimeLimits.of(java.time.Duration.ofHours(2), java.time.Duration.ofHours(24)))),
            Map.entry(EventType.REQUEST_STATUS_CHANGED, new RequestStatusChanged("hepingli", "r-1", "water-leak", "7",
                    "SUBMITTED", "ASSIGNED", "task assigned to 和平物业", NOW)),
            Map.entry(EventType.REQUEST_REOPENED, new RequestReopened("hepingli", "r-1", "water-leak", "7",
                    List.of("ALLIANCE"), "still leaking", NOW)),
            Map.entry(EventType.REQUEST_RECATEGORISED, new RequestRecategorised("hepingli", "r-1", "old-wiring",
                    "water-leak", "7", "URGENT", List.of("ALLIANCE", "VOLUNTEERS"), List.of("VOLUNTEERS"), List.of(),
                    NOW.plusSeconds(1800), NOW.plusSeconds(7200), "ASSIGNED", NOW,
                    TimeLimits.of(java.time.Duration.ofMinutes(30), java.time.Duration.ofHours(2)))),
            Map.entry(EventType.REQUEST_ACKNOWLEDGED, new RequestAcknowledged("hepingli", "r-1", "water-leak", "7",
                    "ASSIGNED", NOW)),
            Map.entry(EventType.FOLLOW_UP_RECORDED, new FollowUpRecorded("hepingli", "r-1", "phone", true, true, NOW)),
            Map.entry(EventType.TASK_ASSIGNED, new TaskAssigned("hepingli", "t-1", "r-1", "property", "和平物业", "LEAD",
                    "water-leak", "7", NOW.plusSeconds(7200), NOW.plusSeconds(86400), NOW)),
            Map.entry(EventType.TASK_STATUS_CHANGED, new TaskStatusChanged("hepingli", "t-1", "r-1", "property", "LEAD",
                    "ACKNOWLEDGED", "plumber on the way", NOW)),
            Map.entry(EventType.TASK_ESCALATED, new TaskEscalated("hepingli", "t-1", "r-1", "property", 1,
                    "acknowledge deadline missed", NOW, "water-leak", "7", TaskEscalated.MISSED_ACKNOWLEDGE,
                    NOW.minusSeconds(1800), TaskEscalated.NOTIFY_BACKUP, "c-8", "李师傅")),
            Map.entry(EventType.MEETING_CONVENED, new MeetingConvened("hepingli", "m-1", "r-1", 1, "t-1",
                    "water-leak", "7", "property", List.of("property", "water"), NOW.plusSeconds(7200),
                    "和平里社区居委会二楼会议室", TaskEscalated.MISSED_ACKNOWLEDGE, NOW.minusSeconds(14400), NOW,
                    Map.of("property", "和平物业", "water", "自来水公司"))),
            Map.entry(EventType.CASE_RESOLVED, new CaseResolved("hepingli", "r-1", 2, NOW)),
            Map.entry(EventType.VOLUNTEER_OFFERED, new VolunteerOffered("hepingli", "o-1", "r-2", "v-1",
                    "appliance-repair, 1 building away, free now", NOW.plusSeconds(900), NOW)),
            Map.entry(EventType.VOLUNTEER_ACCEPTED, new VolunteerAccepted("hepingli", "o-1", "r-2", "v-1", NOW)),
            Map.entry(EventType.VOLUNTEER_COMPLETED, new VolunteerCompleted("hepingli", "o-1", "r-2", "v-1",
                    new BigDecimal("1.5"), NOW)),
            Map.entry(EventType.VOLUNTEER_UNMATCHED, new VolunteerUnmatched("hepingli", "r-2", "shopping-help", "3",
                    "no volunteer accepted within 15 minutes", NOW)),
            Map.entry(EventType.WARNING_ISSUED, new WarningIssued("hepingli", "w-1", "rainstorm", "orange", NOW,
                    NOW.plusSeconds(43200), NOW, List.of(new WarningIssued.OnDuty("property", "和平物业", "c-7",
                            "王师傅", "duty")))),
            Map.entry(EventType.WARNING_LIFTED, new WarningLifted("hepingli", "w-1", "rain stopped", NOW)),
            Map.entry(EventType.PATROL_CHECKED, new PatrolChecked("hepingli", "w-1", "p-1", "rp-1", "2号楼地下车库",
                    "property", "2", 3, 4, 1, NOW)),
            Map.entry(EventType.PATROL_PROBLEM_FOUND, new PatrolProblemFound("hepingli", "w-1", "p-1", "pp-1", "rp-1",
                    "2号楼地下车库", "2", "ramp, north side", null, "blocked-drain", "URGENT", "drain grate blocked, water rising", "property",
                    NOW)),
            Map.entry(EventType.TASK_DEADLINE_CHANGED, new TaskDeadlineChanged("hepingli", "t-1", "r-1", "property",
                    NOW.plusSeconds(3600), NOW.plusSeconds(172800), "parts on order", NOW)),
            Map.entry(EventType.VOLUNTEER_PROGRESSED, new VolunteerProgressed("hepingli", "o-1", "r-2", "v-1",
                    "bought the groceries, on the way", NOW)),
            Map.entry(EventType.VOLUNTEER_HANDED_OVER, new VolunteerHandedOver("hepingli", "o-1", "r-2", "v-1",
                    "small-appliance-repair", "3", "PROPERTY_MANAGEMENT", "the socket behind it is burnt", NOW)),
            Map.entry(EventType.VOTE_OPENED, new VoteOpened("hepingli", "topic-1", "vote-1", "Paint parking bays?",
                    "SIMPLE_MAJORITY", List.of("approve", "reject"), 120, NOW, NOW.plusSeconds(604800))),
            Map.entry(EventType.DECISION_PROGRESSED, new DecisionProgressed("hepingli", "topic-1",
                    "Parking in the north lane", 3, 1, NOW)),
            Map.entry(EventType.TOPIC_OPENED, new TopicOpened("hepingli", "topic-1", "Parking in the north lane",
                    List.of("12", "13"), List.of("r-3", "r-4"), NOW)),
            Map.entry(EventType.VOTE_CLOSED, new VoteClosed("hepingli", "topic-1", "vote-1", "DOUBLE_MAJORITY", "PASSED",
                    "approve", 120, 96, NOW)),
            Map.entry(EventType.DECISION_MADE, new DecisionMade("hepingli", "topic-1", "Parking in the north lane",
                    "approved", List.of("r-3", "r-4"), List.of("resident-zhang", "resident-li"), NOW)),
            Map.entry(EventType.BUILDING_REGISTERED, new BuildingRegistered("hepingli", "33", "33号楼", 6, 0, 4,
                    List.of(new BuildingRegistered.Unit("1", List.of("101", "102"))), 1, NOW)),
            Map.entry(EventType.BUILDING_REMOVED, new BuildingRemoved("hepingli", "33", 2, NOW)),
            Map.entry(EventType.CATEGORY_DEFINED, new CategoryDefined(CategoryDefined.EVERY_COMMUNITY, "shopping-help",
                    "代买代购", "Shopping help", List.of("VOLUNTEERS"), "NORMAL", "PT24H", "PT168H", "errands", 1, NOW)),
            Map.entry(EventType.CATEGORY_AVAILABILITY_CHANGED, new CategoryAvailabilityChanged("qingnianhu",
                    "shopping-help", true, "PT12H", "PT72H", 1, NOW)),
            Map.entry(EventType.COMMUNITY_REGISTERED, new CommunityRegistered("qingnianhu", "青年湖社区",
                    "Qingnianhu community", new CommunityRegistered.SubDistrict("hepingli-subdistrict", "和平里街道",
                            "Hepingli Sub-district"), 1, NOW)),
            Map.entry(EventType.PLACE_REGISTERED, new PlaceRegistered("hepingli", "east-gate", "小区东门", "East gate", 1,
                    NOW)),
            Map.entry(EventType.PLACE_REMOVED, new PlaceRemoved("hepingli", "east-gate", 2, NOW)),
            Map.entry(EventType.RISK_POINT_REGISTERED, new RiskPointRegistered("hepingli", "rp-drain-north",
                    "北门排水口", null, "north-gate", 1, NOW)));

    /** The events of a check-on-neighbour visit, as volunteer-service writes them since visits have their own id. */
    static final String VISIT = VisitId.of("w-1", "6f1c2a9e-0d5b-4f43-9a57-3c1de0f2b7a4").value();
    static final List<VolunteeringEvent> VISITS = List.of(
            new VolunteerOffered("hepingli", "o-2", VISIT, "v-1", "check-on-neighbour visit; 1 building away",
                    NOW.plusSeconds(900), NOW, VISIT, "w-1"),
            new VolunteerAccepted("hepingli", "o-2", VISIT, "v-1", NOW, VISIT, "w-1"),
            new VolunteerProgressed("hepingli", "o-2", VISIT, "v-1", "on my way", NOW, VISIT, "w-1"),
            new VolunteerCompleted("hepingli", "o-2", VISIT, "v-1", new BigDecimal("0.5"), NOW, VISIT, "w-1"),
            new VolunteerHandedOver("hepingli", "o-2", VISIT, "v-1", "check-on-neighbour", "5", "COMMUNITY_OFFICE",
                    "nobody answers the door", NOW, VISIT, "w-1"),
            new VolunteerUnmatched("hepingli", VISIT, "check-on-neighbour", "5",
                    "the check-on-neighbour visit in building 5 was missed during warning w-1", NOW, VISIT, "w-1"));

    private EventSamples() {
    }
}
