package org.gongzhi.events;

/**
 * The kinds of member the alliance gathers. Events name them (a volunteer's hand-over says which kind takes a job
 * over), so they are part of the contract; {@link #PATTERN} validates them wherever they arrive as text.
 */
public enum OrganisationType {
    COMMUNITY_OFFICE, POLICE, PROPERTY_MANAGEMENT, UTILITY, AREA_UNIT, SOCIAL_ORGANISATION;

    /** Every value, as a regular expression for Bean Validation's {@code @Pattern}. */
    public static final String PATTERN =
            "COMMUNITY_OFFICE|POLICE|PROPERTY_MANAGEMENT|UTILITY|AREA_UNIT|SOCIAL_ORGANISATION";

    /** The message for a value outside {@link #PATTERN}. */
    public static final String MESSAGE =
            "must be COMMUNITY_OFFICE, POLICE, PROPERTY_MANAGEMENT, UTILITY, AREA_UNIT or SOCIAL_ORGANISATION";
}
