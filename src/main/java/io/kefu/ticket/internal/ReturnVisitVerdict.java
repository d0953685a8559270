package io.kefu.ticket.internal;

/** What the customer said when called back. Unreachable records the attempt and decides nothing. */
public enum ReturnVisitVerdict {
    SATISFIED, DISSATISFIED, UNREACHABLE
}
