package io.kefu.sla;

/** What a clock measures: the time to the first public reply, or to the resolution. */
public enum SlaMetric {
    FIRST_RESPONSE, RESOLUTION
}
