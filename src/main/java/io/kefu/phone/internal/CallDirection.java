package io.kefu.phone.internal;

/** Whether the customer called in or the company called her. */
public enum CallDirection {
    INBOUND, OUTBOUND
}
