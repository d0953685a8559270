package io.kefu.channel.internal;

/** Where a reply is on its way out through its channel's connector. */
public enum DeliveryState {
    /** Waiting for its first or next attempt (or for its channel to be enabled or given a connector address). */
    PENDING,
    /** Being sent by a node now. */
    SENDING,
    /** Accepted by the receiver. */
    DELIVERED
}
