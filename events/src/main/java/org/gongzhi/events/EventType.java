package org.gongzhi.events;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every event type of the system: its CloudEvents type, the topic it travels on and the record that is its data.
 * The JSON Schema of each type is {@code schemas/<ce type>.json} in this module.
 */
public enum EventType {
    REQUEST_SUBMITTED("gongzhi.request.submitted.v1", Topics.REQUESTS, RequestSubmitted.class),
    REQUEST_STATUS_CHANGED("gongzhi.request.status-changed.v1", Topics.REQUESTS, RequestStatusChanged.class),
    REQUEST_REOPENED("gongzhi.request.reopened.v1", Topics.REQUESTS, RequestReopened.class),
    REQUEST_RECATEGORISED("gongzhi.request.recategorised.v1", Topics.REQUESTS, RequestRecategorised.class),
    REQUEST_ACKNOWLEDGED("gongzhi.request.acknowledged.v1", Topics.REQUESTS, RequestAcknowledged.class),
    FOLLOW_UP_RECORDED("gongzhi.request.followed-up.v1", Topics.REQUESTS, FollowUpRecorded.class),
    TASK_ASSIGNED("gongzhi.task.assigned.v1", Topics.TASKS, TaskAssigned.class),
    TASK_STATUS_CHANGED("gongzhi.task.status-changed.v1", Topics.TASKS, TaskStatusChanged.class),
    TASK_ESCALATED("gongzhi.task.escalated.v1", Topics.TASKS, TaskEscalated.class),
    TASK_DEADLINE_CHANGED("gongzhi.task.deadline-changed.v1", Topics.TASKS, TaskDeadlineChanged.class),
    CASE_RESOLVED("gongzhi.case.resolved.v1", Topics.TASKS, CaseResolved.class),
    MEETING_CONVENED("gongzhi.meeting.convened.v1", Topics.TASKS, MeetingConvened.class),
    VOLUNTEER_OFFERED("gongzhi.volunteer.offered.v1", Topics.VOLUNTEERING, VolunteerOffered.class),
    VOLUNTEER_ACCEPTED("gongzhi.volunteer.accepted.v1", Topics.VOLUNTEERING, VolunteerAccepted.class),
    VOLUNTEER_COMPLETED("gongzhi.volunteer.completed.v1", Topics.VOLUNTEERING, VolunteerCompleted.class),
    VOLUNTEER_UNMATCHED("gongzhi.volunteer.unmatched.v1", Topics.VOLUNTEERING, VolunteerUnmatched.class),
    VOLUNTEER_PROGRESSED("gongzhi.volunteer.progressed.v1", Topics.VOLUNTEERING, VolunteerProgressed.class),
    VOLUNTEER_HANDED_OVER("gongzhi.volunteer.handed-over.v1", Topics.VOLUNTEERING, VolunteerHandedOver.class),
    WARNING_ISSUED("gongzhi.warning.issued.v1", Topics.WARNINGS, WarningIssued.class),
    WARNING_LIFTED("gongzhi.warning.lifted.v1", Topics.WARNINGS, WarningLifted.class),
    PATROL_CHECKED("gongzhi.patrol.checked.v1", Topics.WARNINGS, PatrolChecked.class),
    PATROL_PROBLEM_FOUND("gongzhi.patrol.problem-found.v1", Topics.WARNINGS, PatrolProblemFound.class),
    TOPIC_OPENED("gongzhi.topic.opened.v1", Topics.DELIBERATION, TopicOpened.class),
    VOTE_OPENED("gongzhi.vote.opened.v1", Topics.DELIBERATION, VoteOpened.class),
    VOTE_CLOSED("gongzhi.vote.closed.v1", Topics.DELIBERATION, VoteClosed.class),
    DECISION_MADE("gongzhi.decision.made.v1", Topics.DELIBERATION, DecisionMade.class),
    DECISION_PROGRESSED("gongzhi.decision.progressed.v1", Topics.DELIBERATION, DecisionProgressed.class),
    BUILDING_REGISTERED("gongzhi.estate.building.registered.v1", Topics.ESTATE_BUILDINGS, BuildingRegistered.class),
    BUILDING_REMOVED("gongzhi.estate.building.removed.v1", Topics.ESTATE_BUILDINGS, BuildingRemoved.class),
    CATEGORY_DEFINED("gongzhi.estate.category.defined.v1", Topics.ESTATE_CATEGORIES, CategoryDefined.class),
    CATEGORY_AVAILABILITY_CHANGED("gongzhi.estate.category.availability-changed.v1", Topics.ESTATE_CATEGORIES,
            CategoryAvailabilityChanged.class),
    COMMUNITY_REGISTERED("gongzhi.estate.community.registered.v1", Topics.ESTATE_COMMUNITIES,
            CommunityRegistered.class),
    PLACE_REGISTERED("gongzhi.estate.place.registered.v1", Topics.ESTATE_PLACES, PlaceRegistered.class),
    PLACE_REMOVED("gongzhi.estate.place.removed.v1", Topics.ESTATE_PLACES, PlaceRemoved.class),
    RISK_POINT_REGISTERED("gongzhi.risk-point.registered.v1", Topics.RISK_POINTS, RiskPointRegistered.class);

    private final String ceType;
    private final String topic;
    private final Class<? extends GongzhiEvent> dataClass;

    EventType(String ceType, String topic, Class<? extends GongzhiEvent> dataClass) {
        this.ceType = ceType;
        this.topic = topic;
        this.dataClass = dataClass;
    }

    public String ceType() {
        return ceType;
    }

    public String topic() {
        return topic;
    }

    public Class<? extends GongzhiEvent> dataClass() {
        return dataClass;
    }

    public static Optional<EventType> ofCeType(String ceType) {
        return Arrays.stream(values()).filter(t -> t.ceType.equals(ceType)).findFirst();
    }

    public static EventType of(Class<? extends GongzhiEvent> dataClass) {
        return Arrays.stream(values()).filter(t -> t.dataClass == dataClass).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no event type for " + dataClass.getName()));
    }
}
