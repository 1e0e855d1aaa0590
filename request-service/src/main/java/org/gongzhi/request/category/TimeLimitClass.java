package org.gongzhi.request.category;

/** The 12345 practice's classes of time limits. */
public enum TimeLimitClass {
    URGENT_DANGER, UTILITIES, GENERAL, COMPLEX
}
