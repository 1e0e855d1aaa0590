package org.gongzhi.alliance.organisation;

/** The kinds of member the alliance gathers. */
public enum OrganisationType {
    COMMUNITY_OFFICE, POLICE, PROPERTY_MANAGEMENT, UTILITY, AREA_UNIT, SOCIAL_ORGANISATION
}
