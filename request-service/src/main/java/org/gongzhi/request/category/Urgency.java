package org.gongzhi.request.category;

/** How soon a request must be handled; URGENT always gets the urgent-danger time limits. */
public enum Urgency {
    URGENT, HIGH, NORMAL, LOW
}
